namespace ArtBot.Domain.Improvements;

/// <summary>Improvement items per scope, each with an append-only history.</summary>
public interface IImprovementStore
{
    /// <summary>Stores a new item with its "created" history entry; false when it exists (a redelivery).</summary>
    Task<bool> CreateAsync(ImprovementItem item, ImprovementChange created, CancellationToken cancellationToken);

    Task<ImprovementItem?> GetAsync(ImprovementScope scope, string itemId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ImprovementItem>> ListAsync(ImprovementScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the item if it is unchanged since <see cref="ImprovementItem.Version"/> and appends the changes to its
    /// history, atomically. Returns the stored item with its new version, or null on a conflict (read again).
    /// </summary>
    Task<ImprovementItem?> UpdateAsync(ImprovementItem item, IReadOnlyList<ImprovementChange> changes, CancellationToken cancellationToken);

    /// <summary>The item's history, oldest first.</summary>
    Task<IReadOnlyList<ImprovementChange>> GetHistoryAsync(ImprovementScope scope, string itemId, CancellationToken cancellationToken);

    /// <summary>Claims the carry-over of a scope into <paramref name="pi"/>: true once, false for every later call.</summary>
    Task<bool> TryClaimCarryOverAsync(ImprovementScope scope, string pi, DateTimeOffset at, CancellationToken cancellationToken);
}
