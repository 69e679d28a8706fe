namespace ArtBot.Domain.Conversations;

/// <summary>
/// A conversation the bot is installed in: everything needed to write into it later (proactively),
/// and what it is (personal chat, group chat, or a team's channel).
/// </summary>
public sealed record InstalledConversation
{
    public required string TenantId { get; init; }
    public required string ConversationId { get; init; }
    public required string ServiceUrl { get; init; }
    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public required string ConversationType { get; init; }
    public string? ConversationName { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    public string? TeamAadGroupId { get; init; }
    public string? ChannelId { get; init; }
    public string? ChannelName { get; init; }
    /// <summary>The user of a personal chat, or who installed the bot.</summary>
    public string? InstalledBy { get; init; }
    public string? BotId { get; init; }
    public bool Removed { get; init; }
    public DateTimeOffset InstalledAt { get; init; }
    public DateTimeOffset? RemovedAt { get; init; }
}
