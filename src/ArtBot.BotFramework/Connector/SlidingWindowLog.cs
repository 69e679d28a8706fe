namespace ArtBot.BotFramework.Connector;

/// <summary>
/// The grant times of one key (a conversation or a tenant), checked against several sliding-window
/// rules at once. Only the last <c>max(PermitLimit)</c> grants are kept: a rule (N, W) is satisfied
/// when the N-th most recent grant lies at least W in the past. Not thread-safe: the owner locks.
/// Times are <see cref="TimeProvider.GetTimestamp"/> values.
/// </summary>
internal sealed class SlidingWindowLog
{
    private readonly (int Limit, long Window)[] _rules;
    private readonly long[] _grants;
    private readonly long _longestWindow;
    private int _start;
    private int _count;

    public SlidingWindowLog(IEnumerable<RateLimitRule> rules, long timestampFrequency)
    {
        _rules = [.. rules.Select(r => (r.PermitLimit, ToTimestamp(r.Window, timestampFrequency)))];
        if (_rules.Length == 0 || _rules.Any(r => r.Limit <= 0 || r.Window <= 0))
        {
            throw new ArgumentException("Every rate-limit rule needs a positive permit limit and window.", nameof(rules));
        }

        _grants = new long[_rules.Max(r => r.Limit)];
        _longestWindow = _rules.Max(r => r.Window);
    }

    /// <summary>The time of the latest grant, or <see cref="long.MinValue"/> when none.</summary>
    public long LastGrant { get; private set; } = long.MinValue;

    /// <summary>How many timestamp units to wait until a request may go at <paramref name="now"/>; 0 = now.</summary>
    public long WaitFor(long now)
    {
        long wait = 0;
        foreach (var (limit, window) in _rules)
        {
            if (_count < limit)
            {
                continue;
            }

            // The limit-th most recent grant must have left the window (now - window, now].
            var oldestInLimit = _grants[(_start + _count - limit) % _grants.Length];
            wait = Math.Max(wait, oldestInLimit + window - now);
        }

        return Math.Max(wait, 0);
    }

    /// <summary>Records a grant at <paramref name="now"/>.</summary>
    public void Record(long now)
    {
        if (_count == _grants.Length)
        {
            _start = (_start + 1) % _grants.Length;
            _count--;
        }

        _grants[(_start + _count) % _grants.Length] = now;
        _count++;
        LastGrant = now;
    }

    /// <summary>True when no grant lies within the longest window: the log holds no state worth keeping.</summary>
    public bool IsIdle(long now) => _count == 0 || LastGrant + _longestWindow <= now;

    private static long ToTimestamp(TimeSpan span, long frequency) =>
        (long)Math.Ceiling(span.TotalSeconds * frequency);
}
