using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtBot.BotFramework.Schema;

/// <summary>
/// A Bot Framework activity as Teams sends and receives it. Unknown fields survive a round trip
/// through <see cref="ExtensionData"/>, so nothing a newer Teams client adds is lost.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    /// <summary>The sender's IANA time zone (e.g. <c>Europe/Berlin</c>), when the client says.</summary>
    public string? LocalTimezone { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? TextFormat { get; init; }
    public string? AttachmentLayout { get; init; }
    public IList<ChannelAccount>? MembersAdded { get; init; }
    public IList<ChannelAccount>? MembersRemoved { get; init; }
    public IList<MessageReaction>? ReactionsAdded { get; init; }
    public IList<MessageReaction>? ReactionsRemoved { get; init; }
    public string? Locale { get; init; }
    public string? Text { get; init; }
    public string? Summary { get; init; }
    public IList<Attachment>? Attachments { get; init; }
    public IList<Entity>? Entities { get; init; }
    public TeamsChannelData? ChannelData { get; init; }
    public string? Action { get; init; }
    public string? ReplyToId { get; init; }
    public string? Name { get; init; }
    public JsonElement? Value { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The tenant of the conversation: <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;

    /// <summary>The sender's Teams locale (<c>de-DE</c>): the activity's <c>locale</c>, else its clientInfo entity's.</summary>
    [JsonIgnore]
    public string? UserLocale => Locale is { Length: > 0 } locale ? locale : ClientInfo("locale");

    /// <summary>The sender's IANA time zone: the clientInfo entity's <c>timezone</c>, else <c>localTimezone</c>.</summary>
    [JsonIgnore]
    public string? UserTimeZone => ClientInfo("timezone") ?? (LocalTimezone is { Length: > 0 } zone ? zone : null);

    private string? ClientInfo(string field) =>
        Entities?.FirstOrDefault(e => e.Type == "clientInfo")?.ExtensionData?.TryGetValue(field, out var value) == true
        && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    /// <summary>A new message activity with the given text.</summary>
    public static Activity CreateMessage(string? text = null, params Attachment[] attachments) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Attachments = attachments.Length == 0 ? null : attachments,
    };

    /// <summary>A reply to this activity: conversation, sender and recipient swapped, replyToId set.</summary>
    public Activity CreateReply(Activity reply) => reply with
    {
        Conversation = Conversation,
        From = Recipient,
        Recipient = From,
        ReplyToId = Id,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
    };
}
