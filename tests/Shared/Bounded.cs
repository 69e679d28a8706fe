namespace ArtBot.Tests.Shared;

/// <summary>Waits for what the code under test does on other threads: past the deadline the test fails saying what did not happen.</summary>
internal static class Bounded
{
    /// <summary>How long a test waits for work the code under test does on another thread.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>Awaits <paramref name="signal"/>; fails with <paramref name="what"/> when it has not completed within the deadline.</summary>
    public static async Task WithinDeadline(this Task signal, string what, TimeSpan? deadline = null)
    {
        var limit = deadline ?? Deadline;
        try
        {
            await signal.WaitAsync(limit);
        }
        catch (TimeoutException) when (!signal.IsCompleted)
        {
            throw new TimeoutException($"Not within {limit.TotalSeconds:0} s: {what}.");
        }
    }

    /// <inheritdoc cref="WithinDeadline(Task, string, TimeSpan?)"/>
    public static async Task<T> WithinDeadline<T>(this Task<T> signal, string what, TimeSpan? deadline = null)
    {
        await ((Task)signal).WithinDeadline(what, deadline);
        return await signal;
    }
}
