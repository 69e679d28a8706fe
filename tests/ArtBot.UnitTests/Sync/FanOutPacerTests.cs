using System.Diagnostics;
using ArtBot.Features.Sync;
using Microsoft.Extensions.Options;

namespace ArtBot.UnitTests.Sync;

public sealed class FanOutPacerTests
{
    private static FanOutPacer Pacer(double perSecond) => new(Options.Create(new SyncOptions { FanOutPerSecond = perSecond }), TimeProvider.System);

    [Fact]
    public async Task A_retry_goes_ahead_of_first_attempts_already_waiting()
    {
        var pacer = Pacer(20);
        var order = new List<string>();
        var waits = Enumerable.Range(0, 6).Select(i => pacer.WaitAsync("t1").ContinueWith(_ => { lock (order) { order.Add("first" + i); } }, TaskScheduler.Default)).ToList();
        var retry = pacer.WaitAsync("t1", retry: true).ContinueWith(_ => { lock (order) { order.Add("retry"); } }, TaskScheduler.Default);

        await Task.WhenAll([.. waits, retry]);

        Assert.InRange(order.IndexOf("retry"), 0, 2); // at most the first attempt already released and the one being released
    }

    [Fact]
    public async Task Attempts_are_spaced_evenly_at_the_configured_rate()
    {
        var pacer = Pacer(100);
        var start = Stopwatch.GetTimestamp();

        await Task.WhenAll(Enumerable.Range(0, 31).Select(_ => pacer.WaitAsync("t2")));

        Assert.True(Stopwatch.GetElapsedTime(start) >= TimeSpan.FromMilliseconds(270), "30 intervals of 10 ms"); // a few ms of catch-up allowed
    }

    [Fact]
    public void A_429_slows_the_pace_and_accepted_attempts_bring_it_back_to_the_configured_rate()
    {
        var pacer = Pacer(49);
        _ = pacer.WaitAsync("t3");

        for (var i = 0; i < 20; i++)
        {
            pacer.Report("t3", throttled: true);
        }

        Assert.InRange(pacer.RateOf("t3"), 39, 41);
        for (var i = 0; i < 200; i++)
        {
            pacer.Report("t3", throttled: false);
        }

        Assert.Equal(49, pacer.RateOf("t3"));
    }
}
