using Azure;
using Azure.Data.Tables;

namespace ArtBot.Storage.AzureDevOps;

/// <summary>An ART's link to Azure DevOps: PK <c>link|{tenant}</c>, RK the ART's id.</summary>
public sealed class BacklogLinkEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string ArtId { get; set; } = "";
    public string Organization { get; set; } = "";
    public string? Project { get; set; }
    public string? AreaPath { get; set; }
    public string? IterationPath { get; set; }
    /// <summary>JSON list of the work items linked by URL.</summary>
    public string? Items { get; set; }
    public string ConnectedById { get; set; } = "";
    public string? ConnectedByName { get; set; }
    public DateTimeOffset ConnectedAt { get; set; }
    public DateTimeOffset? RefreshedAt { get; set; }
    public string? ResultStatus { get; set; }
    public int ResultAdded { get; set; }
    public int ResultChanged { get; set; }
    public int ResultRemoved { get; set; }
    public DateTimeOffset? ResultRetryAt { get; set; }
    public int ResultHttpStatus { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
}

/// <summary>An organization's Retry-After: PK <c>org</c>, RK the organization's name (lower case).</summary>
public sealed class OrganizationDeferralEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset NotBefore { get; set; }
}
