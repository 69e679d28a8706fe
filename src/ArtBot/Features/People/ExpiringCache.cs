using System.Collections.Concurrent;

namespace ArtBot.Features.People;

/// <summary>A small per-instance cache whose entries expire after a fixed time on the <see cref="TimeProvider"/>'s clock.</summary>
internal sealed class ExpiringCache<TKey, TValue>(TimeProvider time, TimeSpan duration)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (DateTimeOffset Expires, TValue Value)> _entries = new();

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && time.GetUtcNow() < entry.Expires)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        var now = time.GetUtcNow();
        _entries[key] = (now + duration, value);

        // Keep it small: drop what has expired once it grows.
        if (_entries.Count > 10_000)
        {
            foreach (var (k, e) in _entries)
            {
                if (e.Expires <= now)
                {
                    _entries.TryRemove(k, out _);
                }
            }
        }
    }
}
