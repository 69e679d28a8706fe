using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using Azure.Data.Tables;

namespace ArtBot.Storage.Planning;

/// <summary>
/// Objectives or dependencies in the <c>planning</c> table: one partition per tenant and ART, RK <c>{kind}-{id}</c> per
/// item and <c>hist-{id}-{ticks}-{n}</c> per change, written with <see cref="HistoryTransactions"/> (the item with its
/// history rows in one transaction, ETag-guarded). One class for both kinds; <see cref="PlanMappings"/> maps the rows.
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
        return await table.AddWithHistoryAsync(entity, History(entity.PartitionKey, item.Id, created, 0), cancellationToken);
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
        var (stored, etag) = await table.ReplaceWithHistoryAsync(
            entity, version, changes.Select((change, n) => History(entity.PartitionKey, item.Id, change, n)), cancellationToken);
        if (!stored)
        {
            return null;
        }

        if (etag is { } tag)
        {
            entity.ETag = tag;
            return toDomain(entity);
        }

        return await GetAsync(item.TenantId, item.ArtId, item.Id, cancellationToken);
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
        RowKey = HistoryTransactions.HistoryKey(HistoryPrefix, id, change.At, n),
        At = change.At,
        ById = change.By.Id,
        ByName = change.By.Name,
        Field = change.Field,
        From = change.From,
        To = change.To,
    };
}
