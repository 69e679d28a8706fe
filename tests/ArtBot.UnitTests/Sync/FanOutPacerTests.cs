using ArtBot.Tests.Shared;
using System.Collections.Concurrent;
using ArtBot.Features.Sync;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArtBot.UnitTests.Sync;

/// <summary>The pacer on a controlled clock: releases happen at exact instants, not "at least so long after".</summary>
public sealed class FanOutPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly TimerCountingTimeProvider _time = new(Start);

    private readonly InMemoryPaceStore _store = new();
    private readonly ChangeSignal _releases = new();

    private FanOutPacer Pacer(double perSecond) =>
        new(_store, Options.Create(new SyncOptions { FanOutPerSecond = perSecond }), _time, NullLogger<FanOutPacer>.Instance);

    [Fact]
    public async Task Attempts_are_released_exactly_one_interval_apart_at_the_configured_rate()
    {
        var pacer = Pacer(100);
        var released = new ConcurrentQueue<TimeSpan>();
        var waits = Enumerable.Range(0, 5).Select(_ => pacer.WaitAsync("t1").ContinueWith(_ => _releases.Change(() => released.Enqueue(_time.GetUtcNow() - Start)), TaskScheduler.Default)).ToList();

        for (var slot = 1; slot < 5; slot++)
        {
            await _releases.When(() => released.Count == slot).WithinDeadline($"release {slot} done");
            await _time.WhenPendingAsync(1).WithinDeadline($"after release {slot}, the next one waiting");
            _time.Advance(TimeSpan.FromMilliseconds(9));
            Assert.Equal(slot, released.Count); // not a tick early
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        await Task.WhenAll(waits);
        Assert.Equal([0, 10, 20, 30, 40], released.Select(t => t.TotalMilliseconds));
    }

    [Fact]
    public async Task An_attempt_that_prepares_ahead_is_released_that_long_before_its_slot_and_told_the_slot()
    {
        var pacer = Pacer(100);
        var first = await pacer.WaitAsync("t6", ahead: TimeSpan.FromMilliseconds(4));
        var second = pacer.WaitAsync("t6", ahead: TimeSpan.FromMilliseconds(4));

        await _time.WhenPendingAsync(1).WithinDeadline("the pump waiting for the second slot");
        _time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.False(second.IsCompleted); // 6 ms ahead of its slot: too early
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(Start, first);
        Assert.Equal(Start.AddMilliseconds(10), await second.WithinDeadline("released 4 ms before its slot")); // the slot, not the release time
        Assert.Equal(Start.AddMilliseconds(6), _time.GetUtcNow());
    }

    [Fact]
    public void A_send_later_than_the_schedules_slack_is_too_late_for_its_slot()
    {
        var pacer = Pacer(49.5); // 50 slots take 1.0101 s: 10.1 ms of slack
        _time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.False(pacer.IsTooLate(Start));
        _time.Advance(TimeSpan.FromMilliseconds(0.2));
        Assert.True(pacer.IsTooLate(Start));
        Assert.False(Pacer(0).IsTooLate(Start)); // not paced
    }

    [Fact]
    public async Task A_retry_goes_ahead_of_first_attempts_already_waiting()
    {
        var pacer = Pacer(100);
        var order = new ConcurrentQueue<string>();
        var firsts = Enumerable.Range(0, 3).Select(i => pacer.WaitAsync("t2").ContinueWith(_ => _releases.Change(() => order.Enqueue("first" + i)), TaskScheduler.Default)).ToList();
        await _releases.When(() => order.Count == 1).WithinDeadline("the first released");

        var retry = pacer.WaitAsync("t2", retry: true).ContinueWith(_ => _releases.Change(() => order.Enqueue("retry")), TaskScheduler.Default);
        for (var slot = 2; slot <= 4; slot++)
        {
            await _time.WhenPendingAsync(1).WithinDeadline("the pump waiting for the next slot");
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await _releases.When(() => order.Count == slot).WithinDeadline($"slot {slot} released");
        }

        // first1 already holds the slot the pump waits for; the retry goes ahead of every attempt still queued.
        await Task.WhenAll([.. firsts, retry]);
        Assert.Equal(["first0", "first1", "retry", "first2"], order);
    }

    [Fact]
    public void A_429_slows_the_pace_by_one_percent_and_accepted_attempts_bring_it_back_to_the_configured_rate()
    {
        var pacer = Pacer(49);
        _ = pacer.WaitAsync("t3");

        pacer.Report("t3", throttled: true);
        Assert.Equal(49 * 0.99, pacer.RateOf("t3"), precision: 9);

        for (var i = 1; i < 20; i++)
        {
            pacer.Report("t3", throttled: true);
        }

        Assert.Equal(49 * Math.Pow(0.99, 20), pacer.RateOf("t3"), precision: 9);
        for (var i = 0; i < 200; i++)
        {
            pacer.Report("t3", throttled: false);
        }

        Assert.Equal(49, pacer.RateOf("t3"));
    }

    [Fact]
    public async Task Two_instances_share_the_tenant_schedule_and_never_hold_the_same_slot()
    {
        var a = Pacer(100);
        var b = Pacer(100); // another process on the same storage
        var released = await ReleaseAllAsync("t4", [a, b, a, b, a, b]);
        Assert.Equal([0, 10, 20, 30, 40, 50], released);
    }

    [Fact]
    public async Task A_process_that_starts_while_another_sends_takes_the_next_free_slot_instead_of_bursting()
    {
        var running = Pacer(100);
        var started = Pacer(100); // a process added (or restarted) with no memory of its own
        var released = await ReleaseAllAsync("t5", [.. Enumerable.Repeat(running, 10), started, running]);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i * 10.0), released);
    }

    /// <summary>
    /// One attempt per entry through that pacer, all at once; the clock moves 10 ms at a time, each step once that slot's
    /// release was seen and every pump that still has waiters is waiting for its slot. Returns the release times (ms), sorted.
    /// </summary>
    private async Task<IReadOnlyList<double>> ReleaseAllAsync(string tenant, IReadOnlyList<FanOutPacer> attempts)
    {
        var released = new ConcurrentQueue<(FanOutPacer Pacer, double Ms)>();
        var waits = attempts.Select(p => p.WaitAsync(tenant).ContinueWith(_ => _releases.Change(() => released.Enqueue((p, (_time.GetUtcNow() - Start).TotalMilliseconds))), TaskScheduler.Default)).ToList();
        var pacers = attempts.Distinct().ToList();
        int Waiting() => pacers.Count(p => released.Count(r => r.Pacer == p) < attempts.Count(a => a == p));
        for (var step = 0; released.Count < attempts.Count; step++)
        {
            // One release per 10 ms slot: at step s (s * 10 ms) exactly s + 1 were released, the rest are waiting.
            await _releases.When(() => released.Count == step + 1).WithinDeadline($"step {step}: one more released");
            await _time.WhenPendingAsync(Waiting()).WithinDeadline($"step {step}: every pump with waiters waiting");
            if (released.Count < attempts.Count)
            {
                _time.Advance(TimeSpan.FromMilliseconds(10));
            }
        }

        await Task.WhenAll(waits);
        return [.. released.Select(r => r.Ms).Order()];
    }
}
