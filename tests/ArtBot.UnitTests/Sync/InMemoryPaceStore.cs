using ArtBot.Domain.Sync;

namespace ArtBot.UnitTests.Sync;

/// <summary>The pace store's contract in memory (a version per save, refused when stale), answering at once.</summary>
internal sealed class InMemoryPaceStore : IPaceStore
{
    private readonly Dictionary<string, TenantPace> _rows = new(StringComparer.Ordinal);
    private int _version;

    /// <summary>Saves accepted so far (each one a reservation).</summary>
    public int Saves { get; private set; }

    public Task<TenantPace?> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            return Task.FromResult(_rows.GetValueOrDefault(tenantId));
        }
    }

    public Task<bool> TrySaveAsync(TenantPace pace, CancellationToken cancellationToken)
    {
        lock (_rows)
        {
            if (_rows.GetValueOrDefault(pace.TenantId)?.Version != pace.Version)
            {
                return Task.FromResult(false);
            }

            _rows[pace.TenantId] = pace with { Version = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            Saves++;
            return Task.FromResult(true);
        }
    }
}
