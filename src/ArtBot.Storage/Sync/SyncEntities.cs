using Azure.Data.Tables;
using Azure;

namespace ArtBot.Storage.Sync;

/// <summary>A delivery claim row: PK occurrence, RK <c>{kind}|{conversation}</c>.</summary>
public sealed class SyncDeliveryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string State { get; set; } = "";
    public string? Owner { get; set; }
    public string? OwnerRun { get; set; }
    public DateTimeOffset? SendingAt { get; set; }
    public DateTimeOffset LeaseUntil { get; set; }
    public string? ActivityId { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A team's check-in answer: PK occurrence, RK <c>answer|{conversation}</c>. Item lists are JSON.</summary>
public sealed class CheckInAnswerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string ArtId { get; set; } = "";
    public string Date { get; set; } = "";
    public string TeamConversationId { get; set; } = "";
    public string TeamName { get; set; } = "";
    public string Status { get; set; } = "";
    public string Progress { get; set; } = "";
    public string Blockers { get; set; } = "[]";
    public string Dependencies { get; set; } = "[]";
    public string Milestones { get; set; } = "";
    public string AnsweredById { get; set; } = "";
    public string? AnsweredByName { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
    public int Revision { get; set; }
}

/// <summary>The occurrence's own row (RK <c>meta</c>): prompts asked for ahead of schedule.</summary>
public sealed class SyncOccurrenceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset? PromptsRequestedAt { get; set; }
    public string? PromptsRequestedBy { get; set; }
}

/// <summary>A tenant's schedule row: PK the tenant, RK <c>pace</c>.</summary>
public sealed class PaceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset NextSlot { get; set; }
    public double Rate { get; set; }
}
