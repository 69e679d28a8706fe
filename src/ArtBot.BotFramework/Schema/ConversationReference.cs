namespace ArtBot.BotFramework.Schema;

/// <summary>What a bot keeps to write into a conversation later (proactive messages).</summary>
public sealed record ConversationReference(
    string ServiceUrl,
    string ConversationId,
    string? TenantId,
    string? ChannelId = "msteams",
    string? BotId = null,
    string? ActivityId = null);
