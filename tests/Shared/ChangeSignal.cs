namespace ArtBot.Tests.Shared;

/// <summary>
/// Conditions a test awaits over state the code under test changes on other threads. The owner of the state makes each
/// change through <see cref="Change"/>, which checks the waiting conditions right then: no polling, and no state a
/// condition held in goes unseen.
/// </summary>
internal sealed class ChangeSignal
{
    private readonly Lock _gate = new();
    private readonly List<(Func<bool> Holds, TaskCompletionSource Done)> _waiting = [];

    /// <summary>Makes <paramref name="change"/>, then completes the waits whose condition now holds.</summary>
    public void Change(Action change)
    {
        lock (_gate)
        {
            change();
            _waiting.RemoveAll(Settled);
        }
    }

    /// <summary>Checks the waiting conditions after a change made elsewhere (enough for conditions that, once true, stay true).</summary>
    public void Changed() => Change(static () => { });

    /// <summary>Completes once <paramref name="holds"/> is true: now, or right after a change.</summary>
    public Task When(Func<bool> holds)
    {
        var wait = (holds, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            if (!Settled(wait))
            {
                _waiting.Add(wait);
            }
        }

        return wait.Item2.Task;
    }

    // A condition that throws fails its wait (the test sees why) instead of the code that made the change.
    private static bool Settled((Func<bool> Holds, TaskCompletionSource Done) wait)
    {
        try
        {
            return wait.Holds() && wait.Done.TrySetResult();
        }
#pragma warning disable CA1031 // handed to the waiting test
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return wait.Done.TrySetException(exception);
        }
    }
}
