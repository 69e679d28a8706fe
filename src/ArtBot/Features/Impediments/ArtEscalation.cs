using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Impediments;

/// <summary>
/// Escalation to the ART's RTEs: the escalation card goes to the ART's summary channel (where the RTE runs the ART
/// sync), naming the RTEs. An impediment of a team in no ART is escalated in its own conversation instead.
/// </summary>
public sealed partial class ArtEscalation(
    IArtStore arts, ConversationEscalation inConversation, ConnectorClient connector, TimeProvider time, ILogger<ArtEscalation> logger) : IImpedimentEscalation
{
    public string TargetName(Impediment impediment) =>
        impediment.ArtId is null ? inConversation.TargetName(impediment) : "the ART's RTEs (in the ART's summary channel)";

    public string Notice(Impediment impediment) =>
        impediment.ArtId is null ? inConversation.Notice(impediment) : ImpedimentStrings.EscalatedNoticeArt;

    public async Task EscalateAsync(Impediment impediment, Person by, Activity origin, CancellationToken cancellationToken)
    {
        if (impediment.ArtId is null || await arts.GetAsync(impediment.TenantId, impediment.ArtId, cancellationToken) is not { } art)
        {
            await inConversation.EscalateAsync(impediment, by, origin, cancellationToken);
            return;
        }

        var card = ConversationEscalation.Build(impediment, by, time.GetUtcNow());
        var rtes = string.Join(", ", art.Rtes.Select(r => r.Name ?? ImpedimentStrings.EscalationRteUnnamed));
        card.Body.Add(new TextBlock(impediment.TeamName is { Length: > 0 } team
            ? Localized.Format(ImpedimentStrings.EscalationFromTeam, PlainText.EscapeMarkdown(team), art.Name, rtes)
            : Localized.Format(ImpedimentStrings.EscalationFromATeam, art.Name, rtes)) { Wrap = true });
        var outcome = await connector.SendToConversationAsync(
            art.ServiceUrl, art.TenantId, art.SummaryConversationId, Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        if (!outcome.IsSuccess)
        {
            LogNotPosted(impediment.Id, art.Id, outcome.Kind.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation of impediment {ImpedimentId} to ART {ArtId} not posted: {Kind}")]
    private partial void LogNotPosted(string impedimentId, string artId, string kind);
}
