namespace ArtBot.Domain.Arts;

/// <summary>
/// How a PI is cut into iterations: <see cref="Weeks"/> long each from the PI's start (the last one ends with the PI, so
/// it takes the remainder), the last one the Innovation and Planning (IP) iteration when <see cref="LastIsIp"/>.
/// </summary>
public sealed record IterationCadence(int Weeks, bool LastIsIp)
{
    public const int MinWeeks = 1;
    public const int MaxWeeks = 4;

    /// <summary>SAFe's usual: two-week iterations, the last one IP.</summary>
    public static readonly IterationCadence Default = new(2, LastIsIp: true);

    /// <summary>The iterations of <paramref name="pi"/>, numbered from 1; at least one.</summary>
    public IReadOnlyList<Iteration> Of(ProgramIncrement pi)
    {
        ArgumentNullException.ThrowIfNull(pi);
        var length = Math.Clamp(Weeks, MinWeeks, MaxWeeks) * 7;
        var days = pi.End.DayNumber - pi.Start.DayNumber + 1;
        var count = Math.Max(1, (int)Math.Round(days / (double)length, MidpointRounding.AwayFromZero));
        return [.. Enumerable.Range(1, count).Select(n =>
        {
            var start = pi.Start.AddDays((n - 1) * length);
            var end = n == count ? pi.End : start.AddDays(length - 1);
            return new Iteration(n, start, end, IsIp: LastIsIp && count > 1 && n == count);
        })];
    }

    /// <summary>The iteration of <paramref name="pi"/> that holds <paramref name="date"/>, or null outside the PI.</summary>
    public Iteration? At(ProgramIncrement pi, DateOnly date) => Of(pi).FirstOrDefault(i => i.Contains(date));
}

/// <summary>One iteration of a PI: "iteration 3 of PI 2027.1" as a date range (both days included).</summary>
public sealed record Iteration(int Number, DateOnly Start, DateOnly End, bool IsIp)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
