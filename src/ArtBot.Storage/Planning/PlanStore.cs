using System.Globalization;
using System.Security.Cryptography;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using Azure;
using Azure.Data.Tables;

namespace ArtBot.Storage.Planning;

/// <summary>
/// Objectives or dependencies in the <c>planning</c> table: one partition per tenant and ART, RK <c>{kind}-{id}</c> per
/// item and <c>hist-{id}-{ticks}-{n}</c> per change. An update replaces the item with its ETag and appends its history
/// rows in the same transaction: a change is stored with its history or not at all, and a change made from a stale copy
/// is refused, never silently overwriting another. One class for both kinds; <see cref="PlanMappings"/> maps the rows.
/// </summary>
public sealed class PlanStore<T, TEntity>(TableClient table, string kind, Func<T, TEntity> toEntity, Func<TEntity, T> toDomain) : IPlanStore<T>
    where T : class, IPlanItem
    where TEntity : class, ITableEntity, new()
{
    public const string HistoryPrefix = "hist-";

    private readonly string _prefix = kind + "-";

    public async Task<bool> CreateAsync(T item, PlanChange created, CancellationToken cancellationToken)
    {
        var entity = Keyed(item);
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, entity),
                new TableTransactionAction(TableTransactionActionType.Add, History(entity.PartitionKey, item.Id, created, 0)),
            ], cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    public async Task<T?> GetAsync(string tenantId, string artId, string id, CancellationToken cancellationToken)
    {
        if (!PlanIds.IsWellFormed(id))
        {
            return null;
        }

        var found = await table.GetEntityIfExistsAsync<TEntity>(PartitionKey(tenantId, artId), _prefix + id, cancellationToken: cancellationToken);
        return found.HasValue ? toDomain(found.Value!) : null;
    }

    public async Task<IReadOnlyList<T>> ListAsync(string tenantId, string artId, CancellationToken cancellationToken)
    {
        // Every key of this kind starts with "{kind}-"; "{kind}." is the first string after all of them.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(tenantId, artId)} and RowKey ge {_prefix} and RowKey lt {kind + "."}");
        var items = new List<T>();
        await foreach (var entity in table.QueryAsync<TEntity>(filter, cancellationToken: cancellationToken))
        {
            items.Add(toDomain(entity));
        }

        return [.. items.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    public async Task<T?> UpdateAsync(T item, IReadOnlyList<PlanChange> changes, CancellationToken cancellationToken)
    {
        if (item.Version is not { Length: > 0 } version)
        {
            throw new ArgumentException("Only an item read from the store (with its version) can be updated.", nameof(item));
        }

        var entity = Keyed(item);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, entity, new ETag(version)) };
        actions.AddRange(changes.Select((change, n) => new TableTransactionAction(TableTransactionActionType.Add, History(entity.PartitionKey, item.Id, change, n))));
        try
        {
            var responses = (await table.SubmitTransactionAsync(actions, cancellationToken)).Value;
            if (responses.Count > 0 && responses[0].Headers.ETag is { } etag)
            {
                entity.ETag = etag;
                return toDomain(entity);
            }

            return await GetAsync(item.TenantId, item.ArtId, item.Id, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404 or 409)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<PlanChange>> GetHistoryAsync(string tenantId, string artId, string id, CancellationToken cancellationToken)
    {
        if (!PlanIds.IsWellFormed(id))
        {
            return [];
        }

        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PartitionKey(tenantId, artId)} and RowKey ge {HistoryPrefix + id + "-"} and RowKey lt {HistoryPrefix + id + "."}");
        var changes = new List<PlanChange>();
        await foreach (var row in table.QueryAsync<PlanHistoryEntity>(filter, cancellationToken: cancellationToken))
        {
            changes.Add(new PlanChange(row.At, new Person(row.ById, row.ByName), row.Field, row.From, row.To));
        }

        // Row keys order by time; a "created" entry comes first even when a change carries the same time.
        return [.. changes.OrderBy(c => c.At).ThenBy(c => c.Field == PlanChange.CreatedField ? 0 : 1)];
    }

    /// <summary>The tenant first, so tenants never share a partition.</summary>
    private static string PartitionKey(string tenantId, string artId) => StorageKeys.Encode(tenantId + "|" + artId);

    private TEntity Keyed(T item)
    {
        if (!PlanIds.IsWellFormed(item.Id))
        {
            throw new ArgumentException("Not an objective or dependency id.", nameof(item));
        }

        var entity = toEntity(item);
        entity.PartitionKey = PartitionKey(item.TenantId, item.ArtId);
        entity.RowKey = _prefix + item.Id;
        return entity;
    }

    private static PlanHistoryEntity History(string partitionKey, string id, PlanChange change, int n) => new()
    {
        PartitionKey = partitionKey,
        RowKey = $"{HistoryPrefix}{id}-{change.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{n:D2}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}",
        At = change.At,
        ById = change.By.Id,
        ByName = change.By.Name,
        Field = change.Field,
        From = change.From,
        To = change.To,
    };
}
