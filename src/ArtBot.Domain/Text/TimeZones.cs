namespace ArtBot.Domain.Text;

/// <summary>Time zones by IANA id (<c>Europe/Berlin</c>), as Teams' clientInfo and the ART's settings name them.</summary>
public static class TimeZones
{
    /// <summary>The zone with this id, or null when the id is empty, too long or unknown.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
    }

    /// <summary>How a zone is named next to a time: <c>UTC</c>, else its IANA id (<c>Europe/Berlin</c>).</summary>
    public static string Name(TimeZoneInfo zone) =>
        zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC" ? "UTC" : zone.Id;
}
