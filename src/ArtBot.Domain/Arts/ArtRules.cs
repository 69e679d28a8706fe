using System.Globalization;
using System.Text.RegularExpressions;

using ArtBot.Domain.Text;

namespace ArtBot.Domain.Arts;

/// <summary>The pure rules of ART settings: names, time zones, sync day and time, PI dates.</summary>
public static class ArtRules
{
    public const int MaxNameLength = 100;
    public const int MaxPiLengthDays = 7 * 16;

    /// <summary>A clean display name (ART, team or PI): tags removed, whitespace collapsed, 1 to 100 characters.</summary>
    public static Checked<string> CheckName(string? text, string what)
    {
        var clean = PlainText.OneLine(text);
        return clean.Length switch
        {
            0 => Checked.Fail<string>($"Please give the {what} a name."),
            > MaxNameLength => Checked.Fail<string>($"That {what} name is {clean.Length} characters long; please keep it to {MaxNameLength}."),
            _ => Checked.Ok<string>(clean),
        };
    }

    /// <summary>An IANA time zone known to this machine (e.g. Europe/Berlin).</summary>
    public static Checked<TimeZoneInfo> CheckTimeZone(string? id)
    {
        var trimmed = id?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var zone))
        {
            return Checked.Fail<TimeZoneInfo>($"'{Shorten(trimmed)}' is not a time zone I know; use an IANA name such as Europe/Berlin or America/New_York.");
        }

        return Checked.Ok<TimeZoneInfo>(zone);
    }

    /// <summary>Monday to Sunday, in English, full or three letters, case-insensitive.</summary>
    public static Checked<DayOfWeek> CheckDay(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString();
            if (trimmed.Length >= 3 && name.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return Checked.Ok<DayOfWeek>(day);
            }
        }

        return Checked.Fail<DayOfWeek>($"'{Shorten(trimmed)}' is not a day of the week; use Monday to Sunday.");
    }

    /// <summary>A time of day as HH:mm (24 hours).</summary>
    public static Checked<TimeOnly> CheckTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? Checked.Ok<TimeOnly>(new TimeOnly(time.Hour, time.Minute))
            : Checked.Fail<TimeOnly>($"'{Shorten(text)}' is not a time; use 24-hour HH:mm, e.g. 10:00.");

    /// <summary>A date as yyyy-MM-dd.</summary>
    public static Checked<DateOnly> CheckDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Checked.Ok<DateOnly>(date)
            : Checked.Fail<DateOnly>($"'{Shorten(text)}' is not a date; use yyyy-MM-dd, e.g. 2027-01-15.");

    /// <summary>
    /// A weekly sync time must exist exactly once on every sync day: a time skipped or repeated by a daylight-saving
    /// change on that weekday (e.g. 02:30 on a Sunday in Europe/Berlin) is refused, so no prompt ever lands on the
    /// wrong hour. Checks the next 400 days from <paramref name="from"/>.
    /// </summary>
    public static string? CheckSyncTime(DayOfWeek day, TimeOnly time, TimeZoneInfo zone, DateOnly from)
    {
        var first = from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7);
        for (var date = first; date <= from.AddDays(400); date = date.AddDays(7))
        {
            var local = date.ToDateTime(time);
            if (zone.IsInvalidTime(local))
            {
                return $"{time:HH\\:mm} does not exist on {date:yyyy-MM-dd} in {zone.Id} (clocks go forward); please pick another time.";
            }

            if (zone.IsAmbiguousTime(local))
            {
                return $"{time:HH\\:mm} happens twice on {date:yyyy-MM-dd} in {zone.Id} (clocks go back); please pick another time.";
            }
        }

        return null;
    }

    /// <summary>A PI: a name, and an end after its start, at most 16 weeks long.</summary>
    public static Checked<ProgramIncrement> CheckPi(string? name, string? start, string? end)
    {
        var checkedName = CheckName(name, "PI");
        if (checkedName.Error is { } nameError)
        {
            return Checked.Fail<ProgramIncrement>(nameError);
        }

        var from = CheckDate(start);
        var to = CheckDate(end);
        if ((from.Error ?? to.Error) is { } dateError)
        {
            return Checked.Fail<ProgramIncrement>(dateError);
        }

        var days = to.Value.DayNumber - from.Value.DayNumber;
        return days switch
        {
            <= 0 => Checked.Fail<ProgramIncrement>("The PI must end after it starts."),
            > MaxPiLengthDays => Checked.Fail<ProgramIncrement>("A PI is 8 to 12 weeks long; that one is over 16 weeks."),
            _ => Checked.Ok<ProgramIncrement>(new ProgramIncrement(checkedName.Value, from.Value, to.Value)),
        };
    }

    private static string Shorten(string? text) => text is { Length: > 40 } ? text[..40] + "\u2026" : text ?? string.Empty;


}
