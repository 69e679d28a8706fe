using Microsoft.Extensions.Options;

namespace ArtBot.BotFramework.Connector;

/// <summary>
/// Client-side limits of the Teams connector (design.md): per conversation 7 per second and 60 per
/// 30 seconds, per tenant 50 per second, every request counting. A request takes a slot from its
/// conversation and its tenant together; when none is free it waits (on <see cref="TimeProvider"/>)
/// for at most <see cref="ConnectorOptions.MaxQueueWait"/>, else gives up. Idle per-key state is
/// evicted so memory does not grow with the number of conversations. Singleton.
/// </summary>
public sealed class ConnectorRateLimiter
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SlidingWindowLog> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlidingWindowLog> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConnectorOptions _options;
    private readonly TimeProvider _time;
    private readonly long _sweepInterval;
    private long _lastSweep;

    public ConnectorRateLimiter(IOptions<ConnectorOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _sweepInterval = (long)(SweepInterval.TotalSeconds * time.TimestampFrequency);
        _lastSweep = time.GetTimestamp();
    }

    /// <summary>Conversations with state in memory (for tests and diagnostics).</summary>
    internal int TrackedConversations
    {
        get { lock (_gate) { return _conversations.Count; } }
    }

    /// <summary>Tenants with state in memory (for tests and diagnostics).</summary>
    internal int TrackedTenants
    {
        get { lock (_gate) { return _tenants.Count; } }
    }

    /// <summary>
    /// Waits for a slot of <paramref name="conversationKey"/> and <paramref name="tenantId"/> (either may be
    /// empty: not limited by that key). False when no slot frees up within the queue time.
    /// </summary>
    public async ValueTask<bool> AcquireAsync(string? conversationKey, string? tenantId, CancellationToken cancellationToken)
    {
        var frequency = _time.TimestampFrequency;
        var deadline = _time.GetTimestamp() + (long)(_options.MaxQueueWait.TotalSeconds * frequency);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long now;
            long wait;
            lock (_gate)
            {
                now = _time.GetTimestamp();
                SweepIfDue(now);
                var conversation = Get(_conversations, conversationKey, _options.ConversationLimits);
                var tenant = Get(_tenants, tenantId, _options.TenantLimits);
                wait = Math.Max(conversation?.WaitFor(now) ?? 0, tenant?.WaitFor(now) ?? 0);
                if (wait == 0)
                {
                    conversation?.Record(now);
                    tenant?.Record(now);
                    return true;
                }
            }

            if (now + wait > deadline)
            {
                return false;
            }

            // Round up, so the wake-up is never a hair early.
            var delay = TimeSpan.FromTicks((long)Math.Ceiling(wait * (double)TimeSpan.TicksPerSecond / frequency));
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private SlidingWindowLog? Get(Dictionary<string, SlidingWindowLog> logs, string? key, IList<RateLimitRule> rules)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        if (!logs.TryGetValue(key, out var log))
        {
            log = new SlidingWindowLog(rules, _time.TimestampFrequency);
            logs.Add(key, log);
        }

        return log;
    }

    private void SweepIfDue(long now)
    {
        if (now - _lastSweep < _sweepInterval)
        {
            return;
        }

        _lastSweep = now;
        Sweep(_conversations, now);
        Sweep(_tenants, now);
    }

    private static void Sweep(Dictionary<string, SlidingWindowLog> logs, long now)
    {
        foreach (var (key, log) in logs)
        {
            if (log.IsIdle(now))
            {
                logs.Remove(key);
            }
        }
    }
}
