using Azure.Data.Tables;
using Azure;

namespace ArtBot.Storage.Improvements;

/// <summary>An item row in the <c>improvements</c> table: PK the scope (encoded), RK <c>item-{id}</c>.</summary>
public sealed class ImprovementEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string? ArtId { get; set; }
    public string ConversationId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Problem { get; set; } = "";
    /// <summary>JSON array of strings.</summary>
    public string Whys { get; set; } = "[]";
    public string? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public string? OwnerTeamsId { get; set; }
    public string? TargetPi { get; set; }
    public string? SourcePi { get; set; }
    public string? CarriedFromPi { get; set; }
    public string? ExpectedOutcome { get; set; }
    public string Status { get; set; } = "";
    /// <summary>Comma-separated impediment ids.</summary>
    public string ImpedimentIds { get; set; } = "";
    public string? WorkshopId { get; set; }
    public int Dots { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A history row (same partition, RK <c>hist-{itemId}-{ticks}-{n}</c>): append-only, one per change.</summary>
public sealed class ImprovementHistoryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset At { get; set; }
    public string? ById { get; set; }
    public string? ByName { get; set; }
    public string Field { get; set; } = "";
    public string? From { get; set; }
    public string? To { get; set; }
}
