using System.Globalization;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Sync;

namespace ArtBot.DemoTrain;

/// <summary>
/// The train's dates, all relative to one day: three PIs of ten weeks (five two-week iterations, the last one IP), the
/// current one in its IP iteration, a few days after its Inspect &amp; Adapt, so every PI has its business value rated.
/// The weekly ART sync is on Wednesdays at 10:00 Berlin time; the IP iteration's second sync is skipped (PI Planning).
/// </summary>
public sealed record DemoCalendar(DateOnly Today, IReadOnlyList<ProgramIncrement> Pis, ProgramIncrement Next)
{
    public const string TimeZoneId = "Europe/Berlin";
    public const int PiDays = 70;
    public static readonly TimeOnly SyncTime = new(10, 0);

    /// <summary>How many days into the current PI its start lies before <see cref="Today"/>: in the IP iteration, after I&amp;A.</summary>
    public const int DaysIntoPi = 61;

    public ProgramIncrement Current => Pis[^1];

    /// <summary>The day the ART was set up: two weeks before the first PI's planning.</summary>
    public DateOnly SetUpDay => PlanningDay(Pis[0]).AddDays(-14);

    /// <summary>The calendar for <paramref name="today"/> (the ART's local date).</summary>
    public static DemoCalendar For(DateOnly today)
    {
        var latest = today.AddDays(-DaysIntoPi);
        var start = latest.AddDays(-(((int)latest.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7)); // the Monday on or before
        var pis = Enumerable.Range(0, 3).Select(i => Pi(start.AddDays(-PiDays * (2 - i)))).ToList();
        return new DemoCalendar(today, pis, Pi(start.AddDays(PiDays)));
    }

    /// <summary>
    /// The calendar of a train seeded before, from the day its ART was set up (never changed afterwards): seeding again on
    /// a later day finds every date, and so every id, as it was, and adds nothing.
    /// </summary>
    public static DemoCalendar FromSetUpDay(DateOnly setUp) => For(setUp.AddDays(14 + 4 + (2 * PiDays) + DaysIntoPi));

    /// <summary>"PI 2027.3": the year of its start and its place among the year's ten-week PIs.</summary>
    public static ProgramIncrement Pi(DateOnly start) =>
        new($"PI {start.Year}.{((start.DayOfYear - 1) / PiDays) + 1}", start, start.AddDays(PiDays - 1));

    /// <summary>PI Planning's second day (the confidence votes): the Thursday before the PI starts.</summary>
    public static DateOnly PlanningDay(ProgramIncrement pi) => pi.Start.AddDays(-4);

    /// <summary>Inspect &amp; Adapt: the Thursday of the IP iteration's first week.</summary>
    public static DateOnly InspectAndAdapt(ProgramIncrement pi) => pi.Start.AddDays(59);

    /// <summary>The IP iteration's second Wednesday: no sync (PI Planning is coming).</summary>
    public static DateOnly SkippedSync(ProgramIncrement pi) => pi.Start.AddDays(65);

    /// <summary>The sync Wednesdays of a PI that took place (the skipped one left out).</summary>
    public static IEnumerable<DateOnly> SyncDates(ProgramIncrement pi) =>
        Enumerable.Range(0, 10).Select(w => pi.Start.AddDays(2 + (7 * w))).Where(d => d != SkippedSync(pi));

    /// <summary>The sync occurrence on <paramref name="date"/> (its prompt and sync instants), whatever PI the ART is in now.</summary>
    public static SyncOccurrence Occurrence(Art art, DateOnly date) =>
        SyncCalendar.Scheduled(art, date) ?? throw new ArgumentException($"{date.ToString("O", CultureInfo.InvariantCulture)} is not a sync day.", nameof(date));

    /// <summary>An instant on <paramref name="date"/> at <paramref name="time"/> Berlin time.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) =>
        SyncCalendar.ToInstant(date.ToDateTime(time), TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId));
}
