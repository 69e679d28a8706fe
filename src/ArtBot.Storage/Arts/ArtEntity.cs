using Azure.Data.Tables;
using Azure;

namespace ArtBot.Storage.Arts;

/// <summary>An ART's row in the <c>arts</c> table: PK tenant (encoded), RK <c>art-{id}</c>. Lists are JSON.</summary>
public sealed class ArtEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ArtId { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string Name { get; set; } = "";
    public string HomeConversationId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string SummaryConversationId { get; set; } = "";
    public string? PiName { get; set; }
    public string? PiStart { get; set; }
    public string? PiEnd { get; set; }
    public int SyncDay { get; set; }
    public string SyncTime { get; set; } = "";
    public string TimeZoneId { get; set; } = "";
    public int PromptLeadMinutes { get; set; }
    public int ReminderLeadMinutes { get; set; }
    public bool RemindersOn { get; set; }
    public bool NameNonResponders { get; set; }
    /// <summary>The language of the ART's shared cards (culture name); absent: the creator's of each card.</summary>
    public string? Language { get; set; }
    /// <summary>JSON array of {Id, Name}.</summary>
    public string Rtes { get; set; } = "[]";
    /// <summary>JSON array of {Id, Name}; absent on rows written before Business Owners existed.</summary>
    public string? BusinessOwners { get; set; }
    /// <summary>JSON list of people, or null (an ART stored before Product Managers existed).</summary>
    public string? ProductManagers { get; set; }
    /// <summary>Iteration length in weeks; absent on rows written before iterations existed (the default cadence).</summary>
    public int? IterationWeeks { get; set; }
    public bool? IpIteration { get; set; }
    /// <summary>The System Demo's default time (HH:mm) and leads; absent on rows written before demos existed (the defaults).</summary>
    public string? DemoTime { get; set; }
    public int? DemoPromptLeadMinutes { get; set; }
    public int? DemoAgendaLeadMinutes { get; set; }
    /// <summary>The PI whose objectives RTEs reopened; absent when none.</summary>
    public string? ObjectivesReopenedFor { get; set; }
    /// <summary>Comma-separated yyyy-MM-dd dates.</summary>
    public string SkippedDates { get; set; } = "";
    public string CreatedById { get; set; } = "";
    public string? CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A team channel's row in the <c>arts</c> table: PK tenant, RK <c>team-{artId}-{conversation}</c>.</summary>
public sealed class ArtTeamEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string ArtId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string TeamName { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string? TeamsTeamId { get; set; }
    public string? AadGroupId { get; set; }
    public string? JoinedById { get; set; }
    public string? JoinedByName { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    public DateTimeOffset? UnreachableSince { get; set; }
}

/// <summary>Which ART a conversation belongs to (<c>artconversations</c>: PK tenant, RK conversation, both encoded).</summary>
public sealed class ArtConversationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ArtId { get; set; } = "";
    /// <summary><c>home</c> or <c>team</c>.</summary>
    public string Role { get; set; } = "";
}
