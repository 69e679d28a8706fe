using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Impediments;

namespace ArtBot.Features.Impediments;

/// <summary>
/// Escalation until ARTs exist: an escalation card in the impediment's own conversation (the thread of its card), so
/// the RTE and the team see it there. Replace with an ART summary channel implementation of <see cref="IImpedimentEscalation"/>.
/// </summary>
public sealed partial class ConversationEscalation(SharedImpedimentCards cards, TimeProvider time, ILogger<ConversationEscalation> logger) : IImpedimentEscalation
{
    public string TargetName(Impediment impediment) =>
        impediment.ArtId is null ? "the RTE (posted in this conversation; no ART set up yet)" : "the RTE (posted in this conversation)";

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
        var kind = ImpedimentCard.KindName(impediment.Kind);
        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock($"Escalated {kind.ToLowerInvariant()} \u00b7 needs the RTE") { Color = "Attention", Weight = "Bolder", Size = "Small" },
                new TextBlock(ImpedimentRules.EscapeMarkdown(impediment.Title)) { Size = "Large", Weight = "Bolder", Style = "heading" },
                new FactSet(
                [
                    new Fact("Escalated by", ImpedimentRules.EscapeMarkdown(by.DisplayName)),
                    new Fact("Severity", impediment.Severity.ToString()),
                    new Fact("ROAM", ImpedimentCard.Status(impediment)),
                    new Fact("Owner", impediment.Owner is { } owner ? ImpedimentRules.EscapeMarkdown(owner.DisplayName) : "Nobody yet"),
                    new Fact("Open for", ImpedimentRules.DescribeAge(impediment.Age(now))),
                ]),
                new TextBlock(impediment.ArtId is null
                    ? "No ART is set up for this team yet, so this is posted here. Once the team belongs to an ART, escalations go to the ART's summary channel."
                    : "Posted here for the ART's RTE.") { IsSubtle = true, Size = "Small" },
            ],
            FallbackText = $"Escalated: {impediment.Title}",
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation card of impediment {ImpedimentId} not posted: {Kind} ({Status})")]
    private partial void LogNotPosted(string impedimentId, string kind, int status);
}
