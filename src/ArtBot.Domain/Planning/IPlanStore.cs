using ArtBot.Domain.Arts;

namespace ArtBot.Domain.Planning;

/// <summary>What PI Planning produces and the train keeps up to date: PI objectives and dependencies.</summary>
public interface IPlanItem
{
    string Id { get; }
    string TenantId { get; }
    string ArtId { get; }
    /// <summary>The PI it belongs to (its name).</summary>
    string Pi { get; }
    DateTimeOffset CreatedAt { get; }
    string? Version { get; }
}

/// <summary>
/// An ART's objectives (or dependencies), each with an append-only history. Partitioned by tenant and ART: another
/// tenant's or ART's ids find nothing.
/// </summary>
public interface IPlanStore<T>
    where T : class, IPlanItem
{
    /// <summary>Stores a new item with its "created" history entry; false when it exists (a redelivery): nothing is stored then.</summary>
    Task<bool> CreateAsync(T item, PlanChange created, CancellationToken cancellationToken);

    Task<T?> GetAsync(string tenantId, string artId, string id, CancellationToken cancellationToken);

    /// <summary>Every item of the ART, of every PI, oldest first.</summary>
    Task<IReadOnlyList<T>> ListAsync(string tenantId, string artId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the item if it is unchanged since it was read (<see cref="IPlanItem.Version"/>) and appends
    /// <paramref name="changes"/> to its history, atomically. Returns the stored item with its new version, or null on
    /// a conflict (read again and re-apply): a concurrent change is never overwritten.
    /// </summary>
    Task<T?> UpdateAsync(T item, IReadOnlyList<PlanChange> changes, CancellationToken cancellationToken);

    /// <summary>The item's history, oldest first.</summary>
    Task<IReadOnlyList<PlanChange>> GetHistoryAsync(string tenantId, string artId, string id, CancellationToken cancellationToken);
}

/// <summary>What every caller of a plan store asks: the items of the ART's current PI.</summary>
public static class PlanStoreExtensions
{
    /// <summary>The items of <paramref name="art"/>'s current PI, oldest first; none without a current PI.</summary>
    public static async Task<IReadOnlyList<T>> ListCurrentPiAsync<T>(this IPlanStore<T> store, Art art, CancellationToken cancellationToken)
        where T : class, IPlanItem
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(art);
        return art.CurrentPi is { } pi
            ? [.. (await store.ListAsync(art.TenantId, art.Id, cancellationToken).ConfigureAwait(false)).Where(i => string.Equals(i.Pi, pi.Name, StringComparison.Ordinal))]
            : [];
    }
}
