using System.Collections.Concurrent;

namespace ArtBot.Features.Common;

/// <summary>
/// What pages poll (a vote on the stage, the program board), read from storage at most once per key and
/// <paramref name="age"/> on this instance however many viewers poll: concurrent callers share one read, a failed read
/// is not kept, and a value older than the age is read again. Other instances keep their own, so a change shows
/// everywhere within the age plus one poll.
/// </summary>
public sealed class FreshCache<T>(TimeProvider time, Func<TimeSpan> age, int maxEntries = 10_000)
    where T : class
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Stamped>>> _entries = new(StringComparer.Ordinal);

    /// <summary>The value of <paramref name="key"/>, at most the age old; <paramref name="read"/> runs once when it is older.</summary>
    public async Task<T?> GetAsync(string key, Func<Task<T?>> read)
    {
        while (true)
        {
            if (_entries.Count >= maxEntries)
            {
                _entries.Clear();
            }

            var created = false;
            var entry = _entries.GetOrAdd(key, _ =>
            {
                created = true;
                return new Lazy<Task<Stamped>>(async () => new Stamped(await read(), time.GetTimestamp()));
            });
            Stamped value;
            try
            {
                value = await entry.Value;
            }
            catch
            {
                _entries.TryRemove(new KeyValuePair<string, Lazy<Task<Stamped>>>(key, entry)); // a failed read is not kept
                throw;
            }

            // A read this call started is fresh however long it took (and with an age of zero every call reads).
            if (created || time.GetElapsedTime(value.At) < age())
            {
                return value.Value;
            }

            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<Stamped>>>(key, entry)); // too old: the next caller reads again (once)
        }
    }

    /// <summary>A value read by a change on this instance: newer than the cached one, so shown at once.</summary>
    public void Put(string key, T value) => _entries[key] = new Lazy<Task<Stamped>>(Task.FromResult(new Stamped(value, time.GetTimestamp())));

    public void Forget(string key) => _entries.TryRemove(key, out _);

    private sealed record Stamped(T? Value, long At);
}
