using System.Globalization;
using System.Text.RegularExpressions;

using ArtBot.Domain.Text;

namespace ArtBot.Domain.Arts;

/// <summary>The pure rules of ART settings: names, time zones, sync day and time, PI dates.</summary>
public static class ArtRules
{
    public const int MaxNameLength = 100;
    public const int MaxPiLengthDays = 7 * 16;

    /// <summary>
    /// A clean display name (ART, team or PI): tags removed, whitespace collapsed, 1 to 100 characters.
    /// <paramref name="what"/> names the thing in English ("ART", "team" or "PI"), so the refusal is a whole sentence in the reader's language.
    /// </summary>
    public static Checked<string> CheckName(string? text, string what)
    {
        var clean = PlainText.OneLine(text);
        return clean.Length switch
        {
            0 => Checked.Fail<string>(what switch
            {
                "ART" => ArtRuleStrings.NameEmptyArt,
                "team" => ArtRuleStrings.NameEmptyTeam,
                "PI" => ArtRuleStrings.NameEmptyPi,
                _ => Localized.Format(ArtRuleStrings.NameEmptyOther, what),
            }),
            > MaxNameLength => Checked.Fail<string>(what switch
            {
                "ART" => Localized.Format(ArtRuleStrings.NameTooLongArt, clean.Length, MaxNameLength),
                "team" => Localized.Format(ArtRuleStrings.NameTooLongTeam, clean.Length, MaxNameLength),
                "PI" => Localized.Format(ArtRuleStrings.NameTooLongPi, clean.Length, MaxNameLength),
                _ => Localized.Format(ArtRuleStrings.NameTooLongOther, what, clean.Length, MaxNameLength),
            }),
            _ => Checked.Ok<string>(clean),
        };
    }

    /// <summary>An IANA time zone known to this machine (e.g. Europe/Berlin).</summary>
    public static Checked<TimeZoneInfo> CheckTimeZone(string? id)
    {
        var trimmed = id?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var zone))
        {
            return Checked.Fail<TimeZoneInfo>(Localized.Format(ArtRuleStrings.TimeZoneUnknown, Shorten(trimmed)));
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

        return Checked.Fail<DayOfWeek>(Localized.Format(ArtRuleStrings.DayUnknown, Shorten(trimmed)));
    }

    /// <summary>A time of day as HH:mm (24 hours).</summary>
    public static Checked<TimeOnly> CheckTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? Checked.Ok<TimeOnly>(new TimeOnly(time.Hour, time.Minute))
            : Checked.Fail<TimeOnly>(Localized.Format(ArtRuleStrings.TimeInvalid, Shorten(text)));

    /// <summary>A date as yyyy-MM-dd.</summary>
    public static Checked<DateOnly> CheckDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Checked.Ok<DateOnly>(date)
            : Checked.Fail<DateOnly>(Localized.Format(ArtRuleStrings.DateInvalid, Shorten(text)));

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
                return Localized.Format(ArtRuleStrings.SyncTimeSkipped, Clock(time), Day(date), zone.Id);
            }

            if (zone.IsAmbiguousTime(local))
            {
                return Localized.Format(ArtRuleStrings.SyncTimeRepeated, Clock(time), Day(date), zone.Id);
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
            <= 0 => Checked.Fail<ProgramIncrement>(ArtRuleStrings.PiEndBeforeStart),
            > MaxPiLengthDays => Checked.Fail<ProgramIncrement>(ArtRuleStrings.PiTooLong),
            _ => Checked.Ok<ProgramIncrement>(new ProgramIncrement(checkedName.Value, from.Value, to.Value)),
        };
    }

    private static string Shorten(string? text) => text is { Length: > 40 } ? text[..40] + "\u2026" : text ?? string.Empty;

    // The sync time and the day it clashes on, in the same machine formats as typed (HH:mm, yyyy-MM-dd) in every language.
    private static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);


}
