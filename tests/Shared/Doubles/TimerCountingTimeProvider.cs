using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.Tests.Shared;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also says how many of its timers are waiting to fire. FakeTimeProvider keeps
/// its timers to itself, and a test must know that the code under test is parked on a delay before it moves the clock
/// (a delay started after <see cref="FakeTimeProvider.Advance"/> would wait for the next move).
/// </summary>
internal sealed class TimerCountingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentDictionary<CountedTimer, DateTimeOffset> _waiting = new(); // each waiting timer's next due time

    public TimerCountingTimeProvider()
        : this(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Timers scheduled and not yet fired (e.g. callers parked in <c>Task.Delay(…, timeProvider)</c>).</summary>
    public int PendingTimers => _waiting.Count;

    /// <summary>Whether a timer is waiting to fire exactly <paramref name="after"/> from now (one particular delay, not just any timer).</summary>
    public bool HasTimerDueIn(TimeSpan after) => _waiting.Values.Contains(GetUtcNow() + after);

    /// <summary>How long until the earliest waiting timer fires; null when none waits.</summary>
    public TimeSpan? NextTimerDueIn
    {
        get
        {
            var due = _waiting.Values.DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            return due == DateTimeOffset.MaxValue ? null : due - GetUtcNow();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new CountedTimer(_waiting, GetUtcNow);
        timer.Schedule(dueTime, period);
        timer.Inner = base.CreateTimer(s => { timer.Fired(); callback(s); }, state, dueTime, period);
        return timer;
    }

    private sealed class CountedTimer(ConcurrentDictionary<CountedTimer, DateTimeOffset> waiting, Func<DateTimeOffset> now) : ITimer
    {
        private volatile bool _periodic;

        public ITimer Inner { get; set; } = null!;

        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            _periodic = period > TimeSpan.Zero;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                waiting.TryRemove(this, out _);
            }
            else
            {
                waiting[this] = now() + dueTime;
            }
        }

        public void Fired()
        {
            if (!_periodic)
            {
                waiting.TryRemove(this, out _);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Schedule(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            waiting.TryRemove(this, out _);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
