using System.Globalization;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Sync;

/// <summary><c>sync skip &lt;date&gt;</c> / <c>sync unskip &lt;date&gt;</c>: no ART sync (and no prompts) on that date (RTEs).</summary>
public static class SyncCalendarCommand
{
    public static async Task RunAsync(ArtTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var (verb, rest) = CommandRouter.Split(arguments);
        if (verb is not ("skip" or "unskip"))
        {
            await turn.SendAsync(SyncStrings.SyncUsage, cancellationToken);
            return;
        }

        if (!CommandRouter.TryDate(rest, out var date))
        {
            await turn.SendAsync(Localized.Format(SyncStrings.SyncNotADate, rest.Length > 40 ? rest[..40] + "\u2026" : rest), cancellationToken);
            return;
        }

        if (await turn.FindArtAsync(cancellationToken) is not { } membership)
        {
            await turn.SendAsync(CommonStrings.NotInAnArt, cancellationToken);
            return;
        }

        if (!turn.IsRte(membership.Art))
        {
            await turn.SendAsync(ArtTurn.OnlyRtes(membership.Art, SyncStrings.RteOnlyChangeSyncSchedule), cancellationToken);
            return;
        }

        if (verb == "skip" && date < turn.Today(membership.Art))
        {
            await turn.SendAsync(Localized.Format(SyncStrings.SyncDatePassed, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), cancellationToken);
            return;
        }

        var saved = await ArtUpdate.ApplyAsync(turn, membership.Art.Id, art => art with
        {
            SkippedDates = verb == "skip" ? [.. art.SkippedDates.Append(date).Distinct().Order()] : [.. art.SkippedDates.Where(d => d != date)],
        }, cancellationToken);
        await turn.SendAsync(
            saved is null ? CommonStrings.NotInAnArt
            : verb == "skip" ? Localized.Format(SyncStrings.SyncSkipped, Localized.WeekdayDate(date))
            : Localized.Format(SyncStrings.SyncUnskipped, Localized.WeekdayDate(date)),
            cancellationToken);
    }
}
