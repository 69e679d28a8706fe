using ArtBot.Tests.Shared;
using System.Collections.Concurrent;
using ArtBot.Features.Sync;
using Microsoft.Extensions.Options;

namespace ArtBot.UnitTests.Sync;

/// <summary>The pacer on a controlled clock: releases happen at exact instants, not "at least so long after".</summary>
public sealed class FanOutPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly TimerCountingTimeProvider _time = new(Start);

    private FanOutPacer Pacer(double perSecond) => new(Options.Create(new SyncOptions { FanOutPerSecond = perSecond }), _time);

    [Fact]
    public async Task Attempts_are_released_exactly_one_interval_apart_at_the_configured_rate()
    {
        var pacer = Pacer(100);
        var released = new ConcurrentQueue<TimeSpan>();
        var waits = Enumerable.Range(0, 5).Select(_ => pacer.WaitAsync("t1").ContinueWith(_ => released.Enqueue(_time.GetUtcNow() - Start), TaskScheduler.Default)).ToList();

        for (var slot = 1; slot < 5; slot++)
        {
            await ConnectorHarness.UntilAsync(() => released.Count == slot && _time.PendingTimers == 1, $"release {slot} done, the next one waiting");
            _time.Advance(TimeSpan.FromMilliseconds(9));
            Assert.Equal(slot, released.Count); // not a tick early
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        await Task.WhenAll(waits);
        Assert.Equal([0, 10, 20, 30, 40], released.Select(t => t.TotalMilliseconds));
    }

    [Fact]
    public async Task A_retry_goes_ahead_of_first_attempts_already_waiting()
    {
        var pacer = Pacer(100);
        var order = new ConcurrentQueue<string>();
        var firsts = Enumerable.Range(0, 3).Select(i => pacer.WaitAsync("t2").ContinueWith(_ => order.Enqueue("first" + i), TaskScheduler.Default)).ToList();
        await ConnectorHarness.UntilAsync(() => order.Count == 1 && _time.PendingTimers == 1, "the first released, the pump waiting");

        var retry = pacer.WaitAsync("t2", retry: true).ContinueWith(_ => order.Enqueue("retry"), TaskScheduler.Default);
        for (var slot = 2; slot <= 4; slot++)
        {
            await ConnectorHarness.UntilAsync(() => _time.PendingTimers == 1, "the pump waiting for the next slot");
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await ConnectorHarness.UntilAsync(() => order.Count == slot, $"slot {slot} released");
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
}
