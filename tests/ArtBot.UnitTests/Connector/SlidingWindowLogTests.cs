using ArtBot.BotFramework.Connector;

namespace ArtBot.UnitTests.Connector;

public sealed class SlidingWindowLogTests
{
    private const long Second = TimeSpan.TicksPerSecond;

    [Fact]
    public void Grants_up_to_the_limit_then_reports_when_the_oldest_leaves_the_window()
    {
        var log = new SlidingWindowLog([new RateLimitRule(3, TimeSpan.FromSeconds(1))], Second);
        log.Record(0);
        log.Record(Second / 10);
        Assert.Equal(0, log.WaitFor(Second / 5));
        log.Record(Second / 5);

        Assert.Equal(Second - (Second / 2), log.WaitFor(Second / 2));
        Assert.Equal(0, log.WaitFor(Second));
    }

    [Fact]
    public void The_strictest_of_several_rules_wins()
    {
        var log = new SlidingWindowLog([new RateLimitRule(2, TimeSpan.FromSeconds(1)), new RateLimitRule(3, TimeSpan.FromSeconds(10))], Second);
        log.Record(0);
        log.Record(0);
        Assert.Equal(Second, log.WaitFor(0));
        log.Record(Second);

        // 2 per second is free again at 2 s, but 3 per 10 s holds until the first grant is 10 s old.
        Assert.Equal(8 * Second, log.WaitFor(2 * Second));
    }

    [Fact]
    public void Is_idle_once_the_longest_window_has_passed()
    {
        var log = new SlidingWindowLog([new RateLimitRule(1, TimeSpan.FromSeconds(30))], Second);
        Assert.True(log.IsIdle(0));
        log.Record(5 * Second);
        Assert.False(log.IsIdle(34 * Second));
        Assert.True(log.IsIdle(35 * Second));
    }

    [Fact]
    public void Rejects_empty_or_non_positive_rules()
    {
        Assert.Throws<ArgumentException>(() => new SlidingWindowLog([], Second));
        Assert.Throws<ArgumentException>(() => new SlidingWindowLog([new RateLimitRule(0, TimeSpan.FromSeconds(1))], Second));
    }
}
