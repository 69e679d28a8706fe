using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Sync;

/// <summary>
/// Spaces a fan-out's attempts evenly per tenant (<see cref="SyncOptions.FanOutPerSecond"/>, one every 1/rate seconds)
/// instead of letting them leave in bursts. The connector client's sliding window allows 50 at once; a burst that leaves
/// at once arrives spread by connection set-up and latency and then overlaps the next second's burst in the service's
/// own window, which answers 429. Retries go ahead of first attempts, so a throttled send waits for its Retry-After
/// and one slot, not for the whole queue.
/// The rate adapts (additive increase, multiplicative decrease): a 429 slows the tenant's pace by 1%, an accepted
/// attempt speeds it up by 0.1/s up to the configured rate. A steady share of random 429s barely moves it; a limit that
/// other instances or other load share pushes it down until the 429s stop.
/// </summary>
public sealed class FanOutPacer(IOptions<SyncOptions> options, TimeProvider time)
{
    private const double MinimumRate = 5;

    private readonly ConcurrentDictionary<string, Lane> _tenants = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for the tenant's next slot; <paramref name="retry"/> attempts are served first.</summary>
    public Task WaitAsync(string tenantId, bool retry = false)
    {
        var configured = options.Value.FanOutPerSecond;
        if (configured <= 0)
        {
            return Task.CompletedTask;
        }

        var lane = _tenants.GetOrAdd(tenantId, _ => new Lane { Rate = configured });
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (lane)
        {
            (retry ? lane.Retries : lane.Firsts).Enqueue(waiter);
            if (!lane.Pumping)
            {
                lane.Pumping = true;
                _ = Task.Run(() => PumpAsync(lane));
            }
        }

        return waiter.Task;
    }

    /// <summary>Feeds back how a paced attempt went.</summary>
    public void Report(string tenantId, bool throttled)
    {
        var configured = options.Value.FanOutPerSecond;
        if (configured <= 0 || !_tenants.TryGetValue(tenantId, out var lane))
        {
            return;
        }

        lock (lane)
        {
            lane.Rate = throttled ? Math.Max(MinimumRate, lane.Rate * 0.99) : Math.Min(configured, lane.Rate + 0.1);
        }
    }

    /// <summary>The current pace of a tenant (attempts per second).</summary>
    public double RateOf(string tenantId) => _tenants.TryGetValue(tenantId, out var lane) ? lane.Rate : options.Value.FanOutPerSecond;

    /// <summary>Releases one waiter per interval on an absolute schedule (late wake-ups do not add up), until the lane is empty.</summary>
    private async Task PumpAsync(Lane lane)
    {
        var frequency = time.TimestampFrequency;
        lock (lane)
        {
            lane.Next = Math.Max(lane.Next, time.GetTimestamp()); // no catch-up for the time the lane was idle
        }

        while (true)
        {
            TaskCompletionSource? next;
            long interval;
            lock (lane)
            {
                if (!lane.Retries.TryDequeue(out next) && !lane.Firsts.TryDequeue(out next))
                {
                    lane.Pumping = false;
                    return;
                }

                interval = (long)(frequency / Math.Min(lane.Rate, Math.Max(options.Value.FanOutPerSecond, MinimumRate)));
                var now = time.GetTimestamp();
                lane.Next = Math.Max(lane.Next, now - (3 * interval)); // at most three slots of catch-up after a late wake-up
            }

            var wait = lane.Next - time.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait / (double)frequency), time).ConfigureAwait(false);
            }

            next.TrySetResult();
            lock (lane)
            {
                lane.Next += interval;
            }
        }
    }

    private sealed class Lane
    {
        public Queue<TaskCompletionSource> Retries { get; } = new();
        public Queue<TaskCompletionSource> Firsts { get; } = new();
        public bool Pumping { get; set; }
        public long Next { get; set; }
        public double Rate { get; set; }
    }
}
