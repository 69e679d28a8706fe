using Azure;
using Azure.Data.Tables;

namespace ArtBot.Storage.Pulses;

/// <summary>A pulse's meta row in the <c>pulses</c> table; <see cref="Salt"/> is deleted when it closes.</summary>
public sealed class PulseEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string ArtId { get; set; } = "";
    public string Pi { get; set; } = "";
    public int Iteration { get; set; }
    /// <summary>The iteration's last day, <c>yyyy-MM-dd</c>.</summary>
    public string IterationEnd { get; set; } = "";
    public bool IsInspectAndAdapt { get; set; }
    public string TeamConversationId { get; set; } = "";
    public string PostedConversationId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string? ActivityId { get; set; }
    public string? SourceActivityId { get; set; }
    public string? Language { get; set; }
    public string? TimeZone { get; set; }
    public string? Salt { get; set; }
    public bool Closed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One anonymous answer: RK is the pulse's prefix and HMAC(voter id, salt); only the score and the word are kept.</summary>
public sealed class PulseAnswerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Score { get; set; }
    public string? Word { get; set; }
}
