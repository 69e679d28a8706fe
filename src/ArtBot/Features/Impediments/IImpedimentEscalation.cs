using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;

namespace ArtBot.Features.Impediments;

/// <summary>
/// Where an escalated impediment goes. Today: <see cref="ConversationEscalation"/> posts an escalation card in the
/// impediment's own conversation. Once ARTs exist, an implementation that posts into the ART's summary channel and
/// mentions its RTE(s) replaces it (register it instead in <see cref="ImpedimentServices"/>); the lifecycle rule and
/// history stay the same.
/// </summary>
public interface IImpedimentEscalation
{
    /// <summary>Where it goes, for the history ("escalated it to ..."), e.g. "the RTE (this conversation; no ART yet)".</summary>
    string TargetName(Impediment impediment);

    /// <summary>What whoever escalated it is told, in their language, e.g. "Escalated to the ART's RTEs (in the ART's summary channel)."</summary>
    string Notice(Impediment impediment);

    /// <summary>Sends the escalation; called after the escalation is recorded. <paramref name="origin"/> is the turn that asked.</summary>
    Task EscalateAsync(Impediment impediment, Person by, Activity origin, CancellationToken cancellationToken);
}
