using System.Globalization;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Sync;

namespace ArtBot.Features.Sync;

/// <summary>Small texts shared by the sync cards and messages.</summary>
internal static class SyncText
{
    /// <summary>"Monday 30 Mar 10:00 Europe/Berlin".</summary>
    public static string When(Art art, SyncOccurrence occurrence)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(art.Sync.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(occurrence.SyncAt, zone);
        return local.ToString("dddd d MMM HH:mm", CultureInfo.InvariantCulture) + " " + art.Sync.TimeZoneId;
    }

    public static string Item(CheckInItem item) =>
        item.Text + (item.NeedsHelp ? " (needs help)" : "") + (item.ImpedimentId is not null ? " (raised as an impediment)" : "");

    public static string Kind(CheckInItemKind kind) => kind == CheckInItemKind.Blocker ? "Blocker" : "Dependency";
}
