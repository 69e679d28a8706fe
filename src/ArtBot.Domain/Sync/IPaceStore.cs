namespace ArtBot.Domain.Sync;

/// <summary>Where the tenants' send schedules live, so that every instance paces against the same one.</summary>
public interface IPaceStore
{
    /// <summary>The tenant's schedule, or null when none was stored yet.</summary>
    Task<TenantPace?> GetAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="pace"/> if the stored schedule is still the one it was read from (its <see cref="TenantPace.Version"/>;
    /// null: only if none exists). False when another instance changed it first: read again.
    /// </summary>
    Task<bool> TrySaveAsync(TenantPace pace, CancellationToken cancellationToken);
}
