using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Arts;

/// <summary>
/// The time zones the ART form offers in a typeahead list: the zones where trains commonly sit (one city per offset
/// and region, ~70, so the card stays far under the size limit), plus the ART's and the user's own when not among them.
/// Each reads "(UTC+01:00) Europe/Berlin", ordered by offset now.
/// </summary>
public static class TimeZoneChoices
{
    private static readonly string[] Common =
    [
        "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Vancouver", "America/Phoenix", "America/Denver",
        "America/Chicago", "America/Mexico_City", "America/New_York", "America/Toronto", "America/Bogota", "America/Lima",
        "America/Caracas", "America/Halifax", "America/Santiago", "America/Sao_Paulo", "America/Argentina/Buenos_Aires",
        "America/St_Johns", "Atlantic/Azores", "Atlantic/Reykjavik", "UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon",
        "Africa/Casablanca", "Africa/Lagos", "Europe/Berlin", "Europe/Amsterdam", "Europe/Brussels", "Europe/Paris",
        "Europe/Madrid", "Europe/Rome", "Europe/Vienna", "Europe/Zurich", "Europe/Stockholm", "Europe/Oslo",
        "Europe/Copenhagen", "Europe/Warsaw", "Europe/Prague", "Europe/Budapest", "Europe/Athens", "Europe/Bucharest",
        "Europe/Helsinki", "Europe/Kyiv", "Europe/Istanbul", "Africa/Cairo", "Africa/Johannesburg", "Africa/Nairobi",
        "Asia/Jerusalem", "Asia/Riyadh", "Europe/Moscow", "Asia/Dubai", "Asia/Tehran", "Asia/Karachi", "Asia/Kolkata",
        "Asia/Kathmandu", "Asia/Dhaka", "Asia/Bangkok", "Asia/Jakarta", "Asia/Ho_Chi_Minh", "Asia/Shanghai",
        "Asia/Hong_Kong", "Asia/Singapore", "Asia/Manila", "Asia/Taipei", "Australia/Perth", "Asia/Seoul", "Asia/Tokyo",
        "Australia/Adelaide", "Australia/Brisbane", "Australia/Sydney", "Australia/Melbourne", "Pacific/Auckland",
    ];

    /// <summary>The choices at <paramref name="now"/>, with <paramref name="extra"/> zones (the ART's, the user's) added when known and missing.</summary>
    public static IReadOnlyList<Choice> At(DateTimeOffset now, params string?[] extra) =>
        [.. Common.Concat(extra.OfType<string>())
            .Select(TimeZones.Find)
            .OfType<TimeZoneInfo>()
            .DistinctBy(z => z.Id)
            .Select(z => (Zone: z, Offset: z.GetUtcOffset(now)))
            .OrderBy(z => z.Offset)
            .ThenBy(z => z.Zone.Id, StringComparer.Ordinal)
            .Select(z => new Choice($"(UTC{Offset(z.Offset)}) {TimeZones.Name(z.Zone)}", z.Zone.Id))];

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
}
