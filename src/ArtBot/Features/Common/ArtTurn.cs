using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Common;

/// <summary>What ART commands and actions need to know about the turn: where it happens, who acts, which ART.</summary>
public sealed class ArtTurn(TurnContext turn, ArtContext context)
{
    public TurnContext Turn { get; } = turn;
    public ArtContext Context { get; } = context;
    public Activity Activity => Turn.Activity;
    public string TenantId { get; } = ConversationIds.Tenant(turn.Activity);
    /// <summary>The conversation without a channel-thread suffix.</summary>
    public string ConversationId { get; } = ConversationIds.WithoutThread(turn.Activity.Conversation!.Id!);
    public bool IsChannel { get; } = string.Equals(turn.Activity.Conversation?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase)
        || turn.Activity.ChannelData?.Channel?.Id is { Length: > 0 };
    public IArtStore Store => Context.Store;
    public DateTimeOffset Now => Context.Time.GetUtcNow();
    public Person Actor => new(Activity.UserId() ?? "unknown", Activity.From?.Name);

    public Task<ArtMembership?> FindArtAsync(CancellationToken cancellationToken) =>
        Store.FindByConversationAsync(TenantId, ConversationId, cancellationToken);

    /// <summary>True when the person acting is one of the ART's RTEs (by Entra object id or Teams id).</summary>
    public bool IsRte(Art art) => Activity.IsRteOf(art);

    /// <summary>
    /// A whole-sentence resource text such as "Only the RTEs of {0} ({1}) can change its settings.", filled with the
    /// ART's name and its RTEs' names.
    /// </summary>
    public static string OnlyRtes(Art art, string format) =>
        Localized.Format(format, art.Name, string.Join(", ", art.Rtes.Select(r => r.Name ?? CommonStrings.RteUnnamed)));

    /// <summary>Today in the ART's time zone (UTC when it has none yet).</summary>
    public DateOnly Today(Art? art) => art?.Today(Now) ?? DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>The channels that can get the summary: the team's channels when Teams lists them, else this one.</summary>
    public async Task<IReadOnlyList<Choice>> SummaryChannelsAsync(Art? art, CancellationToken cancellationToken)
    {
        var choices = new List<Choice>();
        var teamId = Activity.ChannelData?.Team?.Id;
        if (teamId is { Length: > 0 } && Activity.ServiceUrl is { } serviceUrl)
        {
            var channels = await Turn.Connector.GetTeamChannelsAsync(serviceUrl, TenantId, teamId, cancellationToken);
            if (channels.IsSuccess)
            {
                choices.AddRange(channels.Value!.Where(c => c.Id is { Length: > 0 }).Select(c => new Choice(c.Name is { Length: > 0 } name ? name : CommonStrings.ChannelGeneral, c.Id!)));
            }
        }

        foreach (var id in new[] { art?.SummaryConversationId, ConversationId })
        {
            if (id is not null && choices.All(c => c.Value != id))
            {
                choices.Insert(0, new Choice(id == ConversationId ? CommonStrings.ChannelThis : CommonStrings.ChannelCurrentSummary, id));
            }
        }

        return choices;
    }

    public Task<ConnectorOutcome> SendAsync(AdaptiveCard card, CancellationToken cancellationToken) =>
        Turn.SendAsync(Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);

    public Task<ConnectorOutcome> SendAsync(string text, CancellationToken cancellationToken) =>
        Turn.SendAsync(Activity.CreateMessage(text), cancellationToken);
}
