using ArtBot.BotFramework.Connector;
using System.Collections.Concurrent;
using ArtBot.Domain.Sync;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Sync;

/// <summary>
/// Spaces a fan-out's attempts evenly per tenant (<see cref="SyncOptions.FanOutPerSecond"/>, one every 1/rate seconds)
/// across every instance: Teams' limits are the tenant's, so the schedule is too. Its slots are reserved from the
/// tenant's row in storage (<see cref="IPaceStore"/>) a few at a time, with the row's ETag, so two instances never hold the
/// same slot, and a process that starts (added, or restarted after a kill) continues the schedule instead of bursting.
/// Retries go ahead of first attempts, so a throttled send waits for its Retry-After and one slot, not for the queue.
/// A slot missed by more than three intervals (a late wake-up) is skipped, not made up for.
/// The rate adapts (additive increase, multiplicative decrease), also shared: a 429 slows the tenant's pace by 1%, an
/// accepted attempt speeds it up by 0.1/s up to the configured rate; each instance adds its feedback when it reserves.
/// When storage does not answer, the instance paces on its own until it does.
/// </summary>
public sealed partial class FanOutPacer(IPaceStore store, IOptions<SyncOptions> options, TimeProvider time, ILogger<FanOutPacer> logger)
{
    private const double MinimumRate = 5;

    /// <summary>The most slots reserved at once (fewer when fewer attempts wait): at 50/s, five reservations a second.</summary>
    public const int MaxBlock = 10;

    private readonly ConcurrentDictionary<string, Lane> _tenants = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Waits for the tenant's next slot and returns it; <paramref name="retry"/> attempts are served first. The wait ends
    /// <paramref name="ahead"/> before the slot, so the caller can do its pre-send work (a storage write) and still send
    /// at the slot itself (<see cref="SyncOptions.FanOutPrepareAhead"/>). Without pacing: now, at once.
    /// </summary>
    public Task<DateTimeOffset> WaitAsync(string tenantId, bool retry = false, TimeSpan ahead = default)
    {
        var configured = options.Value.FanOutPerSecond;
        if (configured <= 0)
        {
            return Task.FromResult(time.GetUtcNow());
        }

        var lane = _tenants.GetOrAdd(tenantId, id => new Lane(id) { Rate = configured });
        var waiter = new Waiter(ahead);
        lock (lane)
        {
            (retry ? lane.Retries : lane.Firsts).Enqueue(waiter);
            if (!lane.Pumping)
            {
                lane.Pumping = true;
                _ = Task.Run(() => PumpAsync(lane));
            }
        }

        return waiter.Released.Task;
    }

    /// <summary>
    /// Whether a send leaving now is too late for <paramref name="slot"/>: later than the schedule's slack (at 49.5/s
    /// about 10 ms, as 50 slots take 1.01 s), so it would arrive in one second with the send 50 slots after it, and Teams
    /// would answer one of them 429. Such a send takes a fresh slot instead (<see cref="FanOutSender"/>).
    /// </summary>
    public bool IsTooLate(DateTimeOffset slot)
    {
        var rate = options.Value.FanOutPerSecond;
        return rate > 0 && time.GetUtcNow() - slot > TimeSpan.FromSeconds((ConnectorOptions.TeamsTenantPerSecond / rate) - 1);
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
            if (throttled)
            {
                lane.Factor *= 0.99;
            }
            else
            {
                lane.Increase += 0.1;
            }
        }
    }

    /// <summary>The current pace of a tenant as this instance knows it (attempts per second).</summary>
    public double RateOf(string tenantId)
    {
        if (!_tenants.TryGetValue(tenantId, out var lane))
        {
            return options.Value.FanOutPerSecond;
        }

        lock (lane)
        {
            return Adjusted(lane.Rate, lane);
        }
    }

    /// <summary>Releases one waiter per slot, reserving slots as they are needed, until the lane is empty.</summary>
    private async Task PumpAsync(Lane lane)
    {
        while (true)
        {
            Waiter? next;
            int waiting;
            lock (lane)
            {
                if (!lane.Retries.TryDequeue(out next) && !lane.Firsts.TryDequeue(out next))
                {
                    lane.Pumping = false;
                    return;
                }

                waiting = lane.Retries.Count + lane.Firsts.Count;
            }

            var slot = await NextSlotAsync(lane, 1 + waiting).ConfigureAwait(false);
            var wait = slot - next.Ahead - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time).ConfigureAwait(false);
            }

            next.Released.TrySetResult(slot);
        }
    }

    /// <summary>The lane's next slot that is not already too far past; reserves more when none is left.</summary>
    private async Task<DateTimeOffset> NextSlotAsync(Lane lane, int wanted)
    {
        while (true)
        {
            while (lane.Slots.TryDequeue(out var slot))
            {
                if (time.GetUtcNow() - slot <= 3 * lane.Interval)
                {
                    return slot;
                }
            }

            await ReserveAsync(lane, Math.Clamp(wanted, 1, MaxBlock)).ConfigureAwait(false);
        }
    }

    /// <summary>Reserves <paramref name="count"/> consecutive slots of the tenant's shared schedule, from now or after the last one reserved.</summary>
    private async Task ReserveAsync(Lane lane, int count)
    {
        var configured = Math.Max(options.Value.FanOutPerSecond, MinimumRate);
        for (var attempt = 0; ; attempt++)
        {
            TenantPace? stored;
            try
            {
                stored = await store.GetAsync(lane.TenantId, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // storage down: pace this instance on its own rather than stop the fan-out
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogPacingAlone(exception.GetType().Name);
                var alone = time.GetUtcNow();
                Reserve(lane, lane.LocalNext > alone ? lane.LocalNext : alone, lane.Rate, count);
                return;
            }

            double rate;
            double factor, increase;
            lock (lane)
            {
                (factor, increase) = (lane.Factor, lane.Increase);
                rate = Math.Clamp(Adjusted(stored?.Rate ?? lane.Rate, lane), MinimumRate, configured);
            }

            var interval = TimeSpan.FromSeconds(1 / rate);
            var now = time.GetUtcNow();
            var start = stored is { NextSlot: var next } && next > now ? next : now;
            var end = start + (count * interval);
            if (await TrySaveAsync(new TenantPace(lane.TenantId, end, rate, stored?.Version)).ConfigureAwait(false) is not false || attempt >= 20)
            {
                lock (lane)
                {
                    lane.Factor /= factor; // the feedback now in the shared rate is taken out; what came since stays
                    lane.Increase -= increase;
                }

                Reserve(lane, start, rate, count);
                return;
            }
        }
    }

    /// <summary>False when another instance changed the schedule first; null when storage did not answer (then the slots are used anyway).</summary>
    private async Task<bool?> TrySaveAsync(TenantPace pace)
    {
        try
        {
            return await store.TrySaveAsync(pace, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // storage down: see ReserveAsync
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogPacingAlone(exception.GetType().Name);
            return null;
        }
    }

    private static void Reserve(Lane lane, DateTimeOffset start, double rate, int count)
    {
        var interval = TimeSpan.FromSeconds(1 / rate);
        for (var i = 0; i < count; i++)
        {
            lane.Slots.Enqueue(start + (i * interval));
        }

        lock (lane)
        {
            lane.Rate = rate;
        }

        lane.Interval = interval;
        lane.LocalNext = start + (count * interval);
    }

    private double Adjusted(double rate, Lane lane) =>
        Math.Clamp((rate * lane.Factor) + lane.Increase, MinimumRate, Math.Max(options.Value.FanOutPerSecond, MinimumRate));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fan-out pace not shared with other instances for now: storage did not answer ({Error})")]
    private partial void LogPacingAlone(string error);

    private sealed class Lane(string tenantId)
    {
        public string TenantId { get; } = tenantId;
        public Queue<Waiter> Retries { get; } = new();
        public Queue<Waiter> Firsts { get; } = new();
        public Queue<DateTimeOffset> Slots { get; } = new(); // only the pump touches it
        public bool Pumping { get; set; }
        public double Rate { get; set; }
        public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
        public DateTimeOffset LocalNext { get; set; }

        // Rate feedback not yet added to the shared rate (under the lane's lock).
        public double Factor { get; set; } = 1;
        public double Increase { get; set; }
    }

    /// <summary>An attempt waiting for its slot: released <see cref="Ahead"/> before it, with the slot.</summary>
    private sealed record Waiter(TimeSpan Ahead)
    {
        public TaskCompletionSource<DateTimeOffset> Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
