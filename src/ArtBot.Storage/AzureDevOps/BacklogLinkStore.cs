using System.Text.Json;
using ArtBot.Domain.AzureDevOps;
using ArtBot.Domain.People;
using Azure;
using Azure.Data.Tables;

namespace ArtBot.Storage.AzureDevOps;

/// <summary>
/// The <c>azuredevops</c> table: each ART's link (ETag-guarded, so a refresh is claimed by one instance) and each
/// organization's Retry-After, so every instance waits for it.
/// </summary>
public sealed class BacklogLinkStore(TableClient table) : IBacklogLinkStore
{
    public const string TableName = "azuredevops";
    private const string LinkPrefix = "link|";
    private const string LinkEnd = "link}";
    private const string OrganizationPartition = "org";

    public async Task<BacklogLink?> GetAsync(string tenantId, string artId, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<BacklogLinkEntity>(LinkPrefix + StorageKeys.Encode(tenantId), StorageKeys.Encode(artId), cancellationToken: cancellationToken);
        return found.HasValue ? ToDomain(found.Value!) : null;
    }

    public async Task<IReadOnlyList<BacklogLink>> ListAllAsync(CancellationToken cancellationToken)
    {
        // Every link partition starts with "link|"; '}' follows '|' in ordinal order.
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {LinkPrefix} and PartitionKey lt {LinkEnd}");
        var links = new List<BacklogLink>();
        await foreach (var entity in table.QueryAsync<BacklogLinkEntity>(filter, cancellationToken: cancellationToken))
        {
            links.Add(ToDomain(entity));
        }

        return links;
    }

    public async Task<BacklogLink?> SaveAsync(BacklogLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var entity = ToEntity(link);
        try
        {
            var response = link.Version is null
                ? await table.AddEntityAsync(entity, cancellationToken)
                : await table.UpdateEntityAsync(entity, new ETag(link.Version), TableUpdateMode.Replace, cancellationToken);
            return link with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412 or 404)
        {
            return null; // another instance or person changed it since it was read
        }
    }

    public async Task<DateTimeOffset?> GetNotBeforeAsync(string organization, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<OrganizationDeferralEntity>(OrganizationPartition, OrganizationKey(organization), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.NotBefore : null;
    }

    public async Task DeferAsync(string organization, DateTimeOffset until, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<OrganizationDeferralEntity>(OrganizationPartition, OrganizationKey(organization), cancellationToken: cancellationToken);
            if (found.HasValue && found.Value!.NotBefore >= until)
            {
                return;
            }

            var entity = new OrganizationDeferralEntity { PartitionKey = OrganizationPartition, RowKey = OrganizationKey(organization), NotBefore = until };
            try
            {
                if (found.HasValue)
                {
                    await table.UpdateEntityAsync(entity, found.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Another instance deferred it meanwhile: read again, keep the later time.
            }
        }
    }

    private static string OrganizationKey(string organization) => StorageKeys.Encode(organization.ToLowerInvariant());

    private static BacklogLinkEntity ToEntity(BacklogLink link) => new()
    {
        PartitionKey = LinkPrefix + StorageKeys.Encode(link.TenantId),
        RowKey = StorageKeys.Encode(link.ArtId),
        TenantId = link.TenantId,
        ArtId = link.ArtId,
        Organization = link.Organization,
        Project = link.Project,
        AreaPath = link.AreaPath,
        IterationPath = link.IterationPath,
        Items = link.Items.Count > 0 ? JsonSerializer.Serialize([.. link.Items], BacklogLinkJsonContext.Default.ListLinkedWorkItem) : null,
        ConnectedById = link.ConnectedBy.Id,
        ConnectedByName = link.ConnectedBy.Name,
        ConnectedAt = link.ConnectedAt,
        RefreshedAt = link.RefreshedAt,
        ResultStatus = link.LastResult?.Status.ToString(),
        ResultAdded = link.LastResult?.Added ?? 0,
        ResultChanged = link.LastResult?.Changed ?? 0,
        ResultRemoved = link.LastResult?.Removed ?? 0,
        ResultRetryAt = link.LastResult?.RetryAt,
        ResultHttpStatus = link.LastResult?.HttpStatus ?? 0,
        ClaimedUntil = link.ClaimedUntil,
    };

    private static BacklogLink ToDomain(BacklogLinkEntity e) => new()
    {
        TenantId = e.TenantId,
        ArtId = e.ArtId,
        Organization = e.Organization,
        Project = e.Project,
        AreaPath = e.AreaPath,
        IterationPath = e.IterationPath,
        Items = e.Items is { } items ? JsonSerializer.Deserialize(items, BacklogLinkJsonContext.Default.ListLinkedWorkItem) ?? [] : [],
        ConnectedBy = new Person(e.ConnectedById, e.ConnectedByName),
        ConnectedAt = e.ConnectedAt,
        RefreshedAt = e.RefreshedAt,
        LastResult = Enum.TryParse<BacklogRefreshStatus>(e.ResultStatus, out var status)
            ? new BacklogRefreshResult(status, e.ResultAdded, e.ResultChanged, e.ResultRemoved, e.ResultRetryAt, e.ResultHttpStatus)
            : null,
        ClaimedUntil = e.ClaimedUntil,
        Version = e.ETag.ToString(),
    };
}
