using Azure.Data.Tables;
using Azure;

namespace ArtBot.Storage.Improvements;

/// <summary>The <c>meta</c> row of a workshop in the <c>workshops</c> table (PK workshop id).</summary>
public sealed class WorkshopEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = WorkshopStore.MetaRowKey;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string? ArtId { get; set; }
    public string ScopeConversationId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string PostedConversationId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string? Pi { get; set; }
    public int DotsPerPerson { get; set; }
    public string StarterId { get; set; } = "";
    public string? StarterName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedByName { get; set; }
    public string? ActivityId { get; set; }
    /// <summary>The shared card's language and time zone; absent on older rows.</summary>
    public string? Language { get; set; }
    public string? TimeZone { get; set; }
    /// <summary>JSON array of the items reviewed at the start.</summary>
    public string Review { get; set; } = "[]";
    /// <summary>Comma-separated ids of the problems chosen at close.</summary>
    public string Selected { get; set; } = "";
    public string IndexRowKey { get; set; } = "";
}

/// <summary>A problem row (PK workshop id, RK <c>problem-{id}</c>).</summary>
public sealed class ProblemEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Text { get; set; } = "";
    public string? AuthorName { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>
/// A participant's dots (PK workshop id, RK <c>dots-{participant}</c>): the problems they placed a dot on. One row per
/// participant, replaced with its ETag, so one person's simultaneous clicks cannot overspend and people never contend.
/// </summary>
public sealed class ParticipantEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ParticipantId { get; set; } = "";
    public string? Name { get; set; }
    /// <summary>Comma-separated problem ids.</summary>
    public string ProblemIds { get; set; } = "";
}

/// <summary>A row of <c>workshopindex</c>: PK tenant|conversation (encoded), RK inverted time + workshop id.</summary>
public sealed class WorkshopIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string WorkshopId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
