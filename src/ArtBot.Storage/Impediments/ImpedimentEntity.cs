using Azure.Data.Tables;
using Azure;

namespace ArtBot.Storage.Impediments;

/// <summary>
/// The row of an impediment in the <c>impediments</c> table: PK tenant|scope (encoded), RK <c>i-{id}</c>.
/// Enums are stored by name; people as id and name.
/// </summary>
public sealed class ImpedimentEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string ScopeId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string? TeamId { get; set; }
    public string? TeamName { get; set; }
    public string? ArtId { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Severity { get; set; } = "";
    public string? Roam { get; set; }
    public string? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public string RaisedById { get; set; } = "";
    public string? RaisedByName { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolutionNote { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public string? EscalatedById { get; set; }
    public string? EscalatedByName { get; set; }
    public string SourceKind { get; set; } = "";
    public string? SourceUrl { get; set; }
    public string? SourceReferenceId { get; set; }
    public string? SourceAuthorName { get; set; }
    public string? ServiceUrl { get; set; }
    public string? PostedConversationId { get; set; }
    public string? ActivityId { get; set; }
    /// <summary>The shared card's language and time zone; absent on older rows.</summary>
    public string? Language { get; set; }
    public string? TimeZone { get; set; }
    public int HistoryCount { get; set; }
}

/// <summary>A history row: PK as the impediment, RK <c>h-{id}-{sequence:D6}</c>; written with the change in one transaction.</summary>
public sealed class ImpedimentHistoryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset At { get; set; }
    public string ById { get; set; } = "";
    public string? ByName { get; set; }
    public string What { get; set; } = "";
    /// <summary>The event (<see cref="ImpedimentEventKind"/> name) and its detail; absent on older rows.</summary>
    public string? Event { get; set; }
    public string? Detail { get; set; }
}
