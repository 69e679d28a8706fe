using System.Globalization;
using ArtBot.Domain.Arts;

namespace ArtBot.Domain.Sync;

/// <summary>
/// The pure occurrence rules of the weekly ART sync, in the ART's IANA time zone.
/// <list type="bullet">
/// <item>The sync is at <see cref="SyncSchedule.Time"/> local time on every <see cref="SyncSchedule.Day"/>, whatever the
/// UTC offset that week (daylight saving moves the UTC instant, never the local hour).</item>
/// <item>A lead (prompt, reminder) counts whole days on the calendar (same wall-clock time N days earlier) and the rest as
/// elapsed time, so "1 day before 10:00 Monday" is 10:00 Sunday even on the night the clocks change.</item>
/// <item>A local time the clocks skip moves forward by the gap (02:30 becomes 03:30); a local time that happens twice is
/// the first of the two. (ArtRules refuses such sync times at set-up; leads can still land on them.)</item>
/// <item>Dates in <see cref="Art.SkippedDates"/>, and dates outside the current PI when one is set, have no sync.</item>
/// </list>
/// </summary>
public static class SyncCalendar
{
    /// <summary>How long after the sync's start answers are still taken (and update the summary): the meeting.</summary>
    public static readonly TimeSpan AnswerWindowAfterSync = TimeSpan.FromHours(1);

    /// <summary>A scheduler that was down may still post a missed summary this long after the sync started; never later.</summary>
    public static readonly TimeSpan SummaryCatchUp = TimeSpan.FromHours(6);

    /// <summary>The occurrence on <paramref name="date"/>, or null when the ART has no sync that day (wrong weekday, skipped, outside the PI).</summary>
    public static SyncOccurrence? On(Art art, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(art);
        if (date.DayOfWeek != art.Sync.Day || IsSkipped(art, date))
        {
            return null;
        }

        return Build(art, date);
    }

    /// <summary>The occurrence on <paramref name="date"/> whether or not it is skipped (null on the wrong weekday).</summary>
    public static SyncOccurrence? Scheduled(Art art, DateOnly date) =>
        date.DayOfWeek == art.Sync.Day ? Build(art, date) : null;

    /// <summary>True when the date is marked skipped or lies outside the current PI.</summary>
    public static bool IsSkipped(Art art, DateOnly date) =>
        art.SkippedDates.Contains(date) || (art.CurrentPi is { } pi && !pi.Contains(date));

    /// <summary>
    /// The occurrence that is in progress at <paramref name="now"/> (its prompt is due and it has not closed), else the
    /// next one to come. Null when there is none within a year (e.g. the PI has ended).
    /// </summary>
    public static SyncOccurrence? Current(Art art, DateTimeOffset now) =>
        Enumerate(art, LocalDate(art, now).AddDays(-15), 60).FirstOrDefault(o => o.ClosesAt > now);

    /// <summary>The next occurrence whose sync has not started at <paramref name="now"/>.</summary>
    public static SyncOccurrence? Next(Art art, DateTimeOffset now) =>
        Enumerate(art, LocalDate(art, now).AddDays(-15), 60).FirstOrDefault(o => o.SyncAt > now);

    /// <summary>Occurrences whose prompt is due at <paramref name="now"/> and whose summary catch-up has not ended.</summary>
    public static IReadOnlyList<SyncOccurrence> Active(Art art, DateTimeOffset now) =>
        [.. Enumerate(art, LocalDate(art, now).AddDays(-15), 5)
            .Where(o => o.PromptAt <= now && now < o.SyncAt + SummaryCatchUp)];

    /// <summary>The occurrences from <paramref name="fromDate"/> on (local dates), at most <paramref name="weeks"/> weeks of them.</summary>
    public static IEnumerable<SyncOccurrence> Enumerate(Art art, DateOnly fromDate, int weeks)
    {
        var first = fromDate.AddDays(((int)art.Sync.Day - (int)fromDate.DayOfWeek + 7) % 7);
        for (var i = 0; i < weeks; i++)
        {
            if (On(art, first.AddDays(7 * i)) is { } occurrence)
            {
                yield return occurrence;
            }
        }
    }

    /// <summary>Parses an occurrence id (<c>yyyyMMdd</c>).</summary>
    public static bool TryParseId(string? id, out DateOnly date) =>
        DateOnly.TryParseExact(id, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The local date of an instant in the ART's zone.</summary>
    public static DateOnly LocalDate(Art art, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone(art)).DateTime);

    /// <summary>The UTC instant of a local wall-clock time: skipped times move forward by the gap, repeated times take the first.</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Before the gap the offset is the smaller one: local - offsetBefore lands after the jump, at the same elapsed distance.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local - before, TimeSpan.Zero);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var first = offsets.Max();
            return new DateTimeOffset(local - first, TimeSpan.Zero);
        }

        return new DateTimeOffset(local - zone.GetUtcOffset(local), TimeSpan.Zero);
    }

    private static SyncOccurrence Build(Art art, DateOnly date)
    {
        var zone = Zone(art);
        var syncLocal = date.ToDateTime(art.Sync.Time);
        var syncAt = ToInstant(syncLocal, zone);
        var promptAt = Before(syncLocal, art.Sync.PromptLead, zone);
        DateTimeOffset? reminderAt = art.Sync.RemindersOn && art.Sync.ReminderLead > TimeSpan.Zero
            ? Before(syncLocal, art.Sync.ReminderLead, zone)
            : null;
        if (reminderAt is { } reminder && (reminder <= promptAt || reminder >= syncAt))
        {
            reminderAt = null; // a reminder before the prompt or at the sync would be noise
        }

        return new SyncOccurrence(art.Id, date, promptAt, reminderAt, syncAt, syncAt + AnswerWindowAfterSync);
    }

    private static DateTimeOffset Before(DateTime syncLocal, TimeSpan lead, TimeZoneInfo zone)
    {
        if (lead < TimeSpan.Zero)
        {
            lead = TimeSpan.Zero;
        }

        var days = (int)lead.TotalDays;
        var rest = lead - TimeSpan.FromDays(days);
        return ToInstant(syncLocal.AddDays(-days), zone) - rest;
    }

    private static TimeZoneInfo Zone(Art art) => TimeZoneInfo.FindSystemTimeZoneById(art.Sync.TimeZoneId);
}
