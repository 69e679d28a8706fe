using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Impediments;

/// <summary>
/// Escalation for a team in no ART: an escalation card in the impediment's own conversation (the thread of its card),
/// so the team and whoever acts as RTE see it there. <see cref="ArtEscalation"/> uses it when there is no ART.
/// </summary>
public sealed partial class ConversationEscalation(SharedImpedimentCards cards, TimeProvider time, ILogger<ConversationEscalation> logger) : IImpedimentEscalation
{
    public string TargetName(Impediment impediment) =>
        "the RTE (posted in this conversation: the team is in no ART)";

    public string Notice(Impediment impediment) => ImpedimentStrings.EscalatedNoticeConversation;

    public async Task EscalateAsync(Impediment impediment, Person by, Activity origin, CancellationToken cancellationToken)
    {
        var card = Build(impediment, by, time.GetUtcNow());
        var message = Activity.CreateMessage(attachments: card.ToAttachment()) with
        {
            Conversation = origin.Conversation is { } conversation ? conversation with { Id = impediment.PostedConversationId } : null,
            From = origin.Recipient,
            Recipient = origin.From,
            ChannelId = origin.ChannelId,
        };
        var outcome = await cards.SendAsync(impediment, message, cancellationToken);
        if (!outcome.IsSuccess)
        {
            LogNotPosted(impediment.Id, outcome.Kind.ToString(), outcome.StatusCode);
        }
    }

    /// <summary>The escalation card: what, how bad, how old, who owns it, who escalated it.</summary>
    public static AdaptiveCard Build(Impediment impediment, Person by, DateTimeOffset now)
    {
        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock(impediment.Kind == ImpedimentKind.Risk ? ImpedimentStrings.EscalationHeaderRisk : ImpedimentStrings.EscalationHeaderImpediment) { Color = "Attention", Weight = "Bolder", Size = "Small" },
                new TextBlock(PlainText.EscapeMarkdown(impediment.Title)) { Size = "Large", Weight = "Bolder", Style = "heading" },
                new FactSet(
                [
                    new Fact(ImpedimentStrings.EscalationFactBy, PlainText.EscapeMarkdown(by.DisplayName)),
                    new Fact(ImpedimentStrings.EscalationFactSeverity, ImpedimentCard.SeverityName(impediment.Severity)),
                    new Fact(ImpedimentStrings.FactRoam, ImpedimentCard.Status(impediment)),
                    new Fact(ImpedimentStrings.FactOwner, impediment.Owner is { } owner ? PlainText.EscapeMarkdown(owner.DisplayName) : ImpedimentStrings.FactOwnerNobody),
                    new Fact(ImpedimentStrings.EscalationFactOpenFor, ImpedimentRules.DescribeAge(impediment.Age(now))),
                ]),
                new TextBlock(impediment.ArtId is null
                    ? ImpedimentStrings.EscalationNoArt
                    : ImpedimentStrings.EscalationForRtes) { IsSubtle = true, Size = "Small" },
            ],
            FallbackText = Localized.Format(ImpedimentStrings.EscalationFallback, impediment.Title),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation card of impediment {ImpedimentId} not posted: {Kind} ({Status})")]
    private partial void LogNotPosted(string impedimentId, string kind, int status);
}
