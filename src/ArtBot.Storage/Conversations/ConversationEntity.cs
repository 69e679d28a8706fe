using Azure;
using Azure.Data.Tables;

namespace ArtBot.Storage.Conversations;

/// <summary>Row of the <c>conversations</c> table: PK tenant, RK conversation id (both encoded with <see cref="StorageKeys"/>).</summary>
public sealed class ConversationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string ConversationType { get; set; } = "";
    public string? ConversationName { get; set; }
    public string? TeamId { get; set; }
    public string? TeamName { get; set; }
    public string? TeamAadGroupId { get; set; }
    public string? ChannelId { get; set; }
    public string? ChannelName { get; set; }
    public string? InstalledBy { get; set; }
    public string? BotId { get; set; }
    public bool Removed { get; set; }
    public DateTimeOffset InstalledAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
}
