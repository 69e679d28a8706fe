using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.Tests.Shared;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also says which of its timers are waiting to fire, and lets a test await that.
/// FakeTimeProvider keeps its timers to itself, and a test must know that the code under test is parked on a delay
/// before it moves the clock (a delay started after <see cref="FakeTimeProvider.Advance"/> would wait for the next move).
/// </summary>
internal sealed class TimerCountingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentDictionary<CountedTimer, DateTimeOffset> _waiting = new(); // each waiting timer's next due time, changed through _changes
    private readonly ChangeSignal _changes = new();

    public TimerCountingTimeProvider()
        : this(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Timers scheduled and not yet fired (e.g. callers parked in <c>Task.Delay(…, timeProvider)</c>).</summary>
    public int PendingTimers => _waiting.Count;

    /// <summary>Completes once exactly <paramref name="count"/> timers are waiting to fire (e.g. a call parked on its delay).</summary>
    public Task WhenPendingAsync(int count) => _changes.When(() => _waiting.Count == count);

    /// <summary>
    /// Completes once <paramref name="count"/> timers wait to fire exactly <paramref name="after"/> from now: particular
    /// delays, not just any timer.
    /// </summary>
    public Task WhenTimersDueInAsync(TimeSpan after, int count = 1)
    {
        var due = GetUtcNow() + after;
        return _changes.When(() => _waiting.Values.Count(d => d == due) >= count);
    }

    /// <summary>Completes once a timer waits to fire within <paramref name="within"/> from now (a backoff, not an attempt's timeout).</summary>
    public Task WhenTimerDueWithinAsync(TimeSpan within)
    {
        var latest = GetUtcNow() + within;
        return _changes.When(() => _waiting.Values.Any(d => d <= latest));
    }

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
        var timer = new CountedTimer(this);
        timer.Schedule(dueTime, period);
        timer.Inner = base.CreateTimer(s => { timer.Fired(); callback(s); }, state, dueTime, period);
        return timer;
    }

    private sealed class CountedTimer(TimerCountingTimeProvider owner) : ITimer
    {
        private volatile bool _periodic;

        public ITimer Inner { get; set; } = null!;

        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            _periodic = period > TimeSpan.Zero;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                owner._changes.Change(() => owner._waiting.TryRemove(this, out _));
            }
            else
            {
                var due = owner.GetUtcNow() + dueTime; // read outside the signal's lock: reading the fake clock may fire timers
                owner._changes.Change(() => owner._waiting[this] = due);
            }
        }

        public void Fired()
        {
            if (!_periodic)
            {
                owner._changes.Change(() => owner._waiting.TryRemove(this, out _));
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Schedule(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            owner._changes.Change(() => owner._waiting.TryRemove(this, out _));
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
