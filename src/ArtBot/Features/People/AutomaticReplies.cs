using System.Globalization;
using Microsoft.Graph.Models;

namespace ArtBot.Features.People;

/// <summary>
/// A person's automatic replies (out of office) as read from their mailbox settings: on when always enabled, or
/// scheduled and the moment falls in the window [start, end). Kept in the cache, so it is judged again at each use.
/// </summary>
internal sealed record AutomaticReplies(AutomaticRepliesStatus Status, DateTimeOffset? Start, DateTimeOffset? End)
{
    /// <summary>Settings that could not be read (403, 404): not away.</summary>
    public static readonly AutomaticReplies Off = new(AutomaticRepliesStatus.Disabled, null, null);

    public bool IsOnAt(DateTimeOffset now) => Status switch
    {
        AutomaticRepliesStatus.AlwaysEnabled => true,
        AutomaticRepliesStatus.Scheduled => (Start is null || Start <= now) && (End is null || now < End),
        _ => false,
    };

    public static AutomaticReplies From(MailboxSettings? settings)
    {
        var setting = settings?.AutomaticRepliesSetting;
        if (setting?.Status is not { } status)
        {
            return Off;
        }

        return new(status, ToInstant(setting.ScheduledStartDateTime), ToInstant(setting.ScheduledEndDateTime));
    }

    /// <summary>Graph's local date-time and zone (Windows or IANA id; UTC when unknown) as an instant.</summary>
    internal static DateTimeOffset? ToInstant(DateTimeTimeZone? value)
    {
        if (value?.DateTime is not { Length: > 0 } text
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var local))
        {
            return null;
        }

        if (local.Kind != DateTimeKind.Unspecified)
        {
            return new DateTimeOffset(local.ToUniversalTime(), TimeSpan.Zero);
        }

        var zone = !string.IsNullOrWhiteSpace(value.TimeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(value.TimeZone.Trim(), out var found)
            ? found
            : TimeZoneInfo.Utc;
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
