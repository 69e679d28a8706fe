using Azure;
using Azure.Data.Tables;

namespace ArtBot.Storage.Meetings;

/// <summary>
/// The meeting's row in the <c>meetings</c> table: PK tenant|meeting (encoded), RK <c>meeting</c>. The same partition
/// holds a row per vote started in it (<c>vote-</c> inverted time + id) and per participant seen (<c>in-</c> object id).
/// </summary>
public sealed class MeetingEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string MeetingId { get; set; } = "";
    public string ChatId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string? Title { get; set; }
    public string? ArtId { get; set; }
    public string? TeamConversationId { get; set; }
    public string? TeamName { get; set; }
    public DateTimeOffset? ScheduledEnd { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}
