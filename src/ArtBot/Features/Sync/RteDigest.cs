using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Conversations;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Text;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Sync;

/// <summary>
/// The weekly digest to each RTE, in their 1:1 chat with the bot, at sync time: the ART's impediments open longer than
/// <see cref="SyncOptions.AgeingImpedimentDays"/>, oldest first, with team, age and owner. Nothing is sent when none ages.
/// </summary>
public sealed partial class RteDigest(
    IImpedimentStore impediments,
    IConversationStore conversations,
    ConnectorClient connector,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<RteDigest> logger)
{
    public const int MaxItems = 25;

    public async Task SendAsync(Art art, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ageing = await AgeingImpediments.LoadAsync(impediments, art, options.Value.AgeingImpedimentDays, now, cancellationToken);
        if (ageing.Items.Count == 0)
        {
            return;
        }

        // The bot's own id in Teams, as stored when it was installed in the ART's channel.
        if ((await conversations.GetAsync(art.TenantId, art.HomeConversationId, cancellationToken))?.BotId is not { Length: > 0 } botId)
        {
            LogNoBotId(art.Id);
            return;
        }

        var card = Build(art, ageing, now);
        foreach (var rte in art.Rtes)
        {
            var message = Activity.CreateMessage(attachments: card.ToAttachment()) with { Summary = Localized.Format(SyncStrings.DigestSummary, art.Name) };
            var outcome = await connector.CreatePersonalConversationAsync(art.ServiceUrl, art.TenantId, botId, rte.Id, message, cancellationToken);
            if (!outcome.IsSuccess)
            {
                LogNotSent(art.Id, outcome.Kind.ToString());
            }
        }
    }

    public static AdaptiveCard Build(Art art, AgeingImpediments ageing, DateTimeOffset now)
    {
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(ageing.Days == 1 ? SyncStrings.DigestTitleOne : SyncStrings.DigestTitleOther, art.Name, ageing.Days))
            {
                Size = "Large", Weight = "Bolder", Style = "heading",
            },
            new TextBlock(SyncStrings.DigestIntro) { IsSubtle = true, Spacing = "None" },
        };
        foreach (var impediment in ageing.Items.Take(MaxItems))
        {
            var team = impediment.TeamName is { Length: > 0 } name ? PlainText.EscapeMarkdown(name) : SyncStrings.DigestSomeTeam;
            var owner = SyncText.Owner(impediment.Owner is { } person ? PlainText.EscapeMarkdown(person.DisplayName) : null);
            body.Add(new Container(
            [
                new TextBlock(PlainText.EscapeMarkdown(impediment.Title)) { Weight = "Bolder" },
                new TextBlock($"{team} \u00b7 {ImpedimentRules.DescribeAge(impediment.Age(now))} \u00b7 {owner}") { IsSubtle = true, Spacing = "None" },
            ]) { Separator = true });
        }

        if (ageing.Items.Count > MaxItems)
        {
            body.Add(new TextBlock(Localized.Format(SyncStrings.DigestMore, ageing.Items.Count - MaxItems)) { IsSubtle = true });
        }

        return new AdaptiveCard { Body = body, FallbackText = Localized.Format(SyncStrings.DigestSummary, art.Name) };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No RTE digest for ART {ArtId}: the bot's id in its channel is not known yet")]
    private partial void LogNoBotId(string artId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RTE digest of ART {ArtId} not sent: {Kind}")]
    private partial void LogNotSent(string artId, string kind);
}
