using ArtBot.Features.Common;

namespace ArtBot.Features.Arts;

/// <summary><c>sync skip &lt;date&gt;</c> / <c>sync unskip &lt;date&gt;</c>: no ART sync (and no prompts) on that date (RTEs).</summary>
public static class ArtSyncCommand
{
    public static async Task RunAsync(ArtTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var (verb, rest) = CommandRouter.Split(arguments);
        if (verb is not ("skip" or "unskip"))
        {
            await turn.SendAsync("Use `sync now`, `sync summary`, `sync skip <yyyy-MM-dd>` or `sync unskip <yyyy-MM-dd>`.", cancellationToken);
            return;
        }

        if (!ArtCommands.TryDate(rest, out var date))
        {
            await turn.SendAsync($"'{(rest.Length > 40 ? rest[..40] + "\u2026" : rest)}' is not a date; use yyyy-MM-dd, e.g. `sync skip 2027-12-24`.", cancellationToken);
            return;
        }

        if (await turn.FindArtAsync(cancellationToken) is not { } membership)
        {
            await turn.SendAsync(ArtCommands.NotInAnArt, cancellationToken);
            return;
        }

        if (!turn.IsRte(membership.Art))
        {
            await turn.SendAsync(ArtTurn.RteOnly(membership.Art, "change the sync schedule"), cancellationToken);
            return;
        }

        if (verb == "skip" && date < turn.Today(membership.Art))
        {
            await turn.SendAsync($"{date:yyyy-MM-dd} has passed; nothing to skip.", cancellationToken);
            return;
        }

        var saved = await ArtUpdate.ApplyAsync(turn, membership.Art.Id, art => art with
        {
            SkippedDates = verb == "skip" ? [.. art.SkippedDates.Append(date).Distinct().Order()] : [.. art.SkippedDates.Where(d => d != date)],
        }, cancellationToken);
        await turn.SendAsync(
            saved is null ? ArtCommands.NotInAnArt
            : verb == "skip" ? $"No ART sync on {date:ddd d MMM yyyy}: no check-in prompts, reminders or summary that day."
            : $"{date:ddd d MMM yyyy} is a normal ART sync date again.",
            cancellationToken);
    }
}
