using ArtBot.Features.Common;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.UnitTests.Common;

/// <summary>The one updater every shared card goes through: coalescing per card, convergence, drained at shutdown.</summary>
public sealed class SharedCardUpdaterTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    private readonly DelaySignallingTimeProvider _time = new(Delay);
    private readonly SharedCardUpdater _updater;
    private readonly List<int> _runs = [];

    public SharedCardUpdaterTests() =>
        _updater = new SharedCardUpdater(new ConnectorHarness().Create(), _time, NullLogger<SharedCardUpdater>.Instance);

    [Fact]
    public async Task A_burst_within_the_delay_is_one_update_that_runs_the_latest_request()
    {
        for (var i = 1; i <= 5; i++)
        {
            _updater.Schedule("vote 1", Delay, Record(i));
        }

        await _time.DelayStarted;
        _time.Advance(Delay);
        await _updater.WhenIdleAsync();

        Assert.Equal([5], _runs);
        Assert.True(_updater.IsIdle);
    }

    [Fact]
    public async Task Requests_while_an_update_runs_cause_exactly_one_more_which_sees_the_last_state()
    {
        var running = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        _updater.Schedule("summary", TimeSpan.Zero, async _ =>
        {
            _runs.Add(0);
            running.SetResult();
            await release.Task;
        });
        await running.Task;

        for (var i = 1; i <= 3; i++)
        {
            _updater.Schedule("summary", TimeSpan.Zero, Record(i));
        }

        release.SetResult();
        await _updater.WhenIdleAsync();

        Assert.Equal([0, 3], _runs);
    }

    [Fact]
    public async Task Cards_are_independent_and_a_failing_update_does_not_stop_the_next()
    {
        _updater.Schedule("a", TimeSpan.Zero, _ => throw new InvalidOperationException("Teams said no"));
        await _updater.WhenIdleAsync();
        _updater.Schedule("a", TimeSpan.Zero, Record(1));
        _updater.Schedule("b", TimeSpan.Zero, Record(2));
        await _updater.WhenIdleAsync();

        Assert.Equal([1, 2], _runs.Order());
    }

    [Fact]
    public async Task A_stop_during_a_burst_runs_the_pending_update_at_once_without_waiting_out_its_delay()
    {
        _updater.Schedule("vote 1", Delay, Record(1));
        _updater.Schedule("vote 1", Delay, Record(2));
        await _time.DelayStarted;

        await _updater.StoppedAsync(CancellationToken.None); // the clock never moves

        Assert.Equal([2], _runs);
        Assert.True(_updater.IsIdle);
    }

    [Fact]
    public async Task A_request_after_the_stop_still_runs_before_the_process_exits()
    {
        await _updater.StoppedAsync(CancellationToken.None);

        _updater.Schedule("workshop 1", Delay, Record(1));
        await _updater.WhenIdleAsync();

        Assert.Equal([1], _runs);
    }

    private Func<CancellationToken, Task> Record(int value) => _ =>
    {
        lock (_runs)
        {
            _runs.Add(value);
        }

        return Task.CompletedTask;
    };

    /// <summary>A fake clock that says when a delay of the given length has started (so the test moves the clock after it).</summary>
    private sealed class DelaySignallingTimeProvider(TimeSpan delay) : FakeTimeProvider
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task DelayStarted => _started.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime == delay)
            {
                _started.TrySetResult();
            }

            return timer;
        }
    }
}
