using System.Collections.Concurrent;
using ArtBot.BotFramework.Schema;

namespace ArtBot.BotFramework.Hosting;

/// <summary>
/// Teams re-delivers an activity whose turn was slow. The first delivery runs; a duplicate that arrives while
/// it runs waits for it and gets the same invoke response; one that arrives later gets that response again
/// without running anything. Entries expire after <see cref="Retention"/>. This is per instance: what a turn
/// stores is also keyed by the activity id, so a duplicate reaching another instance changes nothing either.
/// </summary>
public sealed class ActivityDeduplicator(TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);
    private const int SweepEvery = 256;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _sinceSweep;

    /// <summary>Number of activities remembered (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Runs <paramref name="turn"/> unless the activity was seen; returns its response and whether it ran now.
    /// A turn that throws is forgotten, so the channel's retry can run it again.
    /// </summary>
    public async Task<(InvokeResponse? Response, bool Duplicate)> RunOnceAsync(
        Activity activity, Func<Task<InvokeResponse?>> turn)
    {
        if (string.IsNullOrEmpty(activity.Id))
        {
            return (await turn(), false);
        }

        var key = $"{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Id}";
        var now = time.GetUtcNow();
        var mine = new Entry(new TaskCompletionSource<InvokeResponse?>(TaskCreationOptions.RunContinuationsAsynchronously), now + Retention);
        var entry = _entries.AddOrUpdate(key, mine, (_, existing) => existing.Expires <= now ? mine : existing);
        if (!ReferenceEquals(entry, mine))
        {
            return (await entry.Result.Task, true);
        }

        SweepOccasionally(now);
        try
        {
            var response = await turn();
            mine.Result.SetResult(response);
            return (response, false);
        }
        catch (Exception exception)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, mine));
            mine.Result.SetException(exception);
            _ = mine.Result.Task.Exception; // observed here; waiting duplicates rethrow it
            throw;
        }
    }

    private void SweepOccasionally(DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _sinceSweep) % SweepEvery != 0)
        {
            return;
        }

        foreach (var (key, entry) in _entries)
        {
            if (entry.Expires <= now && entry.Result.Task.IsCompleted)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    private sealed record Entry(TaskCompletionSource<InvokeResponse?> Result, DateTimeOffset Expires);
}
