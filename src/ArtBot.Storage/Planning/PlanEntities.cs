using Azure;
using Azure.Data.Tables;

namespace ArtBot.Storage.Planning;

/// <summary>An objective row in the <c>planning</c> table: PK tenant|ART (encoded), RK <c>objective-{id}</c>.</summary>
public sealed class ObjectiveEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string ArtId { get; set; } = "";
    public string TeamConversationId { get; set; } = "";
    public string TeamName { get; set; } = "";
    public string Pi { get; set; } = "";
    /// <summary>yyyy-MM-dd.</summary>
    public string PiStart { get; set; } = "";
    public string Text { get; set; } = "";
    public bool Committed { get; set; }
    public int? PlannedValue { get; set; }
    public int? ActualValue { get; set; }
    /// <summary>JSON list of feature ids, or null.</summary>
    public string? FeatureIds { get; set; }
    public string CreatedById { get; set; } = "";
    public string? CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A dependency row in the <c>planning</c> table: PK tenant|ART (encoded), RK <c>dependency-{id}</c>.</summary>
public sealed class DependencyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string ArtId { get; set; } = "";
    public string Pi { get; set; } = "";
    /// <summary>yyyy-MM-dd.</summary>
    public string PiStart { get; set; } = "";
    public string Text { get; set; } = "";
    public string RequesterConversationId { get; set; } = "";
    public string RequesterTeamName { get; set; } = "";
    public string ProviderConversationId { get; set; } = "";
    public string ProviderTeamName { get; set; } = "";
    public int NeededBy { get; set; }
    public int? CommittedIteration { get; set; }
    public string? ObjectiveId { get; set; }
    public string? RequesterFeatureId { get; set; }
    public string? ProviderFeatureId { get; set; }
    public string Status { get; set; } = "";
    public string? DeclineReason { get; set; }
    public string? RiskId { get; set; }
    public string RequestedById { get; set; } = "";
    public string? RequestedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A history row (same partition, RK <c>hist-{id}-{ticks}-{n}{random}</c>): append-only, one per change.</summary>
public sealed class PlanHistoryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset At { get; set; }
    public string ById { get; set; } = "";
    public string? ByName { get; set; }
    public string Field { get; set; } = "";
    public string? From { get; set; }
    public string? To { get; set; }
}

/// <summary>A feature row in the <c>planning</c> table: PK tenant|ART (encoded), RK <c>feature-{id}</c>; its parts as JSON.</summary>
public sealed class FeatureEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string ArtId { get; set; } = "";
    public string Pi { get; set; } = "";
    public string PiStart { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public int? BusinessValue { get; set; }
    /// <summary>"bv,tc,rr,size" or null.</summary>
    public string? Wsjf { get; set; }
    public string State { get; set; } = "";
    public string Parts { get; set; } = "[]";
    public string? SourceSystem { get; set; }
    public string? SourceId { get; set; }
    public int? SourceRevision { get; set; }
    public string? SourceUrl { get; set; }
    public DateTimeOffset? SourceReadAt { get; set; }
    public string CreatedById { get; set; } = "";
    public string? CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A milestone row in the <c>planning</c> table: RK <c>milestone-{id}</c>.</summary>
public sealed class MilestoneEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string ArtId { get; set; } = "";
    public string Pi { get; set; } = "";
    public string PiStart { get; set; } = "";
    public string Date { get; set; } = "";
    public string Title { get; set; } = "";
    public string Kind { get; set; } = "";
    public bool Removed { get; set; }
    public string CreatedById { get; set; } = "";
    public string? CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A team's capacity for a PI in the <c>planning</c> table: RK <c>capacity-{id}</c>; per iteration as JSON.</summary>
public sealed class CapacityEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string ArtId { get; set; } = "";
    public string Pi { get; set; } = "";
    public string PiStart { get; set; } = "";
    public string TeamConversationId { get; set; } = "";
    public string TeamName { get; set; } = "";
    public string PerIteration { get; set; } = "[]";
    public string CreatedById { get; set; } = "";
    public string? CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
