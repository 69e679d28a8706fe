using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;

namespace ArtBot.BotFramework.Routing;

/// <summary>
/// One turn: the incoming activity, the mention-free text, the caller's identity and a way to answer
/// into the same conversation through the connector. Handlers get their services through their constructors.
/// </summary>
public sealed class TurnContext(Activity activity, ConnectorClient connector)
{
    public Activity Activity { get; } = activity;

    /// <summary>The message text with the bot's own @mention removed and whitespace trimmed.</summary>
    public string Text { get; } = MentionText.RemoveRecipientMention(activity);

    public ConnectorClient Connector { get; } = connector;

    /// <summary>Sends an activity into this turn's conversation (a thread reply when the activity is in one).</summary>
    public Task<ConnectorOutcome> SendAsync(Activity activity, CancellationToken cancellationToken) =>
        Connector.SendToConversationAsync(
            Activity.ServiceUrl!,
            Activity.TenantId,
            Activity.Conversation!.Id!,
            Address(activity),
            cancellationToken);

    /// <summary>Replies to this turn's activity.</summary>
    public Task<ConnectorOutcome> ReplyAsync(Activity activity, CancellationToken cancellationToken) =>
        Connector.ReplyToActivityAsync(
            Activity.ServiceUrl!,
            Activity.TenantId,
            Activity.Conversation!.Id!,
            Activity.Id!,
            Address(activity) with { ReplyToId = Activity.Id },
            cancellationToken);

    private Activity Address(Activity outgoing) => outgoing with
    {
        Type = outgoing.Type ?? ActivityTypes.Message,
        Conversation = Activity.Conversation,
        From = Activity.Recipient,
        Recipient = Activity.From,
        ChannelId = Activity.ChannelId,
    };
}
