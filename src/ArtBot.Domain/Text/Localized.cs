using System.Globalization;

namespace ArtBot.Domain.Text;

/// <summary>
/// Texts, numbers, dates and times for whoever reads them: the language is the current UI culture (set for a turn
/// from the user's Teams locale, or for a shared card from the conversation's language), the time zone the one set
/// with <see cref="Use"/> (the viewer's, the ART's or the card creator's), UTC when none is. Times always name their
/// zone. English has the app's own patterns ("3 Dec 2026 07:34 UTC"); the others their language's ("3. Dez. 2026, 08:34 Europe/Berlin").
/// </summary>
public static class Localized
{
    private static readonly AsyncLocal<TimeZoneInfo?> CurrentZone = new();

    /// <summary>The culture texts and formats follow: the current UI culture, English when none is set (invariant).</summary>
    public static CultureInfo Culture =>
        CultureInfo.CurrentUICulture is { Name.Length: > 0 } culture ? culture : Languages.English;

    /// <summary>The time zone times are shown in.</summary>
    public static TimeZoneInfo Zone => CurrentZone.Value ?? TimeZoneInfo.Utc;

    /// <summary>
    /// Shows texts in <paramref name="culture"/> and times in <paramref name="zone"/> (null: keep the current zone)
    /// until disposed; flows into awaited calls like the culture does.
    /// </summary>
    public static IDisposable Use(CultureInfo culture, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, CurrentZone.Value);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        CurrentZone.Value = zone ?? previous.Value;
        return new Restore(previous);
    }

    /// <summary>A resource text with its placeholders filled, numbers in the current culture.</summary>
    public static string Format(string format, params object?[] arguments) => string.Format(Culture, format, arguments);

    /// <summary>A number with a .NET pattern, e.g. <c>Number(3.84, "0.0")</c>: "3.8", in German "3,8".</summary>
    public static string Number(double value, string pattern = "0.0") => value.ToString(pattern, Culture);

    /// <summary>A whole number, e.g. 1,250 (1.250 in German).</summary>
    public static string Count(int value) => value.ToString("N0", Culture);

    /// <summary>A ratio as a whole percentage: 0.88 is "88%" (in German and French "88 %").</summary>
    public static string Percent(double ratio) =>
        Culture.TwoLetterISOLanguageName == "en"
            ? (ratio * 100).ToString("0", Culture) + "%"
            : ratio.ToString("P0", Culture);

    /// <summary>"3 Dec 2026" ("3. Dez. 2026").</summary>
    public static string Date(DateOnly date) => date.ToString(TextStrings.DayMonthYear, Culture);

    /// <summary>The day of an instant in the current zone, "3 Dec 2026".</summary>
    public static string Date(DateTimeOffset instant) => InZone(instant).ToString(TextStrings.DayMonthYear, Culture);

    /// <summary>"3 Dec" ("3. Dez.").</summary>
    public static string DayMonth(DateOnly date) => date.ToString(TextStrings.DayMonth, Culture);

    /// <summary>"Thu 3 Dec 2026" ("Do., 3. Dez. 2026").</summary>
    public static string WeekdayDate(DateOnly date) => date.ToString(TextStrings.WeekdayDate, Culture);

    /// <summary>Date and time in the current zone, zone named: "3 Dec 2026 07:34 UTC".</summary>
    public static string DateTime(DateTimeOffset instant) => Zoned(instant, TextStrings.DateTime);

    /// <summary>Weekday, date and time in the current zone, zone named: "Thu 3 Dec 2026, 10:00 Europe/Berlin".</summary>
    public static string WeekdayDateTime(DateTimeOffset instant) => Zoned(instant, TextStrings.WeekdayDateTime);

    /// <summary>Time of day in the current zone, zone named: "07:40 UTC".</summary>
    public static string Time(DateTimeOffset instant) => Zoned(instant, TextStrings.Time);

    /// <summary>A time of day in a named zone (a schedule's): "10:00 Europe/Berlin".</summary>
    public static string Time(TimeOnly time, TimeZoneInfo zone) =>
        Format(TextStrings.InZone, time.ToString(TextStrings.Time, Culture), TimeZones.Name(zone));

    /// <summary>The name of the current zone as times show it ("UTC", "Europe/Berlin").</summary>
    public static string ZoneName => TimeZones.Name(Zone);

    /// <summary>"A, B and C" in the current language.</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => Format(TextStrings.ListAnd, string.Join(TextStrings.ListSeparator, items.Take(items.Count - 1)), items[^1]),
    };

    /// <summary>The day's name in the current language ("Thursday", "Donnerstag").</summary>
    public static string DayName(DayOfWeek day) => Culture.DateTimeFormat.GetDayName(day);

    /// <summary>An instant in the current zone.</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    private static string Zoned(DateTimeOffset instant, string pattern) =>
        Format(TextStrings.InZone, InZone(instant).ToString(pattern, Culture), ZoneName);

    private sealed class Restore((CultureInfo Culture, CultureInfo UiCulture, TimeZoneInfo? Zone) previous) : IDisposable
    {
        public void Dispose()
        {
            CultureInfo.CurrentCulture = previous.Culture;
            CultureInfo.CurrentUICulture = previous.UiCulture;
            CurrentZone.Value = previous.Zone;
        }
    }
}
