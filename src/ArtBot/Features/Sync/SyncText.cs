using ArtBot.Domain.Arts;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Sync;

/// <summary>Small texts shared by the sync cards and messages.</summary>
internal static class SyncText
{
    /// <summary>"Monday 30 Mar 10:00 Europe/Berlin": in the ART's zone, named, whatever the reader's zone.</summary>
    public static string When(Art art, SyncOccurrence occurrence)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(art.Sync.TimeZoneId);
        var local = TimeZoneInfo.ConvertTime(occurrence.SyncAt, zone);
        return Localized.Format(SyncStrings.WhenInZone, local.ToString(SyncStrings.WhenPattern, Localized.Culture), art.Sync.TimeZoneId);
    }

    /// <summary>"3 Dec 07:34 UTC": day and time in the reader's zone, named.</summary>
    public static string DayMonthTime(DateTimeOffset instant) =>
        Localized.Format(SyncStrings.TimeInZone, Localized.InZone(instant).ToString(SyncStrings.DayMonthTimePattern, Localized.Culture), Localized.ZoneName);

    /// <summary>The date of a sync as the texts name it ("2026-03-30").</summary>
    public static string SyncDate(DateOnly date) => date.ToString(SyncStrings.SyncDatePattern, Localized.Culture);

    public static string Item(CheckInItem item)
    {
        var text = item.Text;
        if (item.NeedsHelp)
        {
            text = Localized.Format(SyncStrings.ItemNeedsHelp, text);
        }

        return item.ImpedimentId is not null ? Localized.Format(SyncStrings.ItemRaised, text) : text;
    }

    public static string Kind(CheckInItemKind kind) => kind == CheckInItemKind.Blocker ? SyncStrings.KindBlocker : SyncStrings.KindDependency;

    /// <summary>"owner Ann Lee", or "no owner".</summary>
    public static string Owner(string? name) => name is null ? SyncStrings.ImpedimentNoOwner : Localized.Format(SyncStrings.ImpedimentOwner, name);
}
