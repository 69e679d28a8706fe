using ArtBot.Domain.Arts;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Arts;

/// <summary>
/// <c>pi start &lt;name&gt; [start end]</c>: the ART's next PI (RTEs). Without dates it starts today (in the ART's time
/// zone) and lasts 10 weeks. Open improvement items are carried into it (<see cref="IPiChangeListener"/>).
/// </summary>
public static class ArtPiCommand
{
    public static async Task RunAsync(ArtTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var (verb, rest) = CommandRouter.Split(arguments);
        if (verb != "start")
        {
            await turn.SendAsync(ArtStrings.PiUsage, cancellationToken);
            return;
        }

        if (await turn.FindArtAsync(cancellationToken) is not { } membership)
        {
            await turn.SendAsync(CommonStrings.NotInAnArt, cancellationToken);
            return;
        }

        if (!turn.IsRte(membership.Art))
        {
            await turn.SendAsync(ArtTurn.OnlyRtes(membership.Art, ArtStrings.RteOnlyStartPi), cancellationToken);
            return;
        }

        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string name, start, end;
        if (words.Length >= 3 && CommandRouter.TryDate(words[^2], out _) && CommandRouter.TryDate(words[^1], out _))
        {
            (name, start, end) = (string.Join(' ', words[..^2]), words[^2], words[^1]);
        }
        else
        {
            var today = turn.Today(membership.Art);
            (name, start, end) = (rest, Iso(today), Iso(today.AddDays(7 * 10 - 1)));
        }

        var pi = ArtRules.CheckPi(name, start, end);
        if (!pi.IsValid)
        {
            await turn.SendAsync(pi.Error!, cancellationToken);
            return;
        }

        var saved = await ArtUpdate.ApplyAsync(turn, membership.Art.Id, art => art with { CurrentPi = pi.Value }, cancellationToken);
        await turn.SendAsync(saved is null ? CommonStrings.NotInAnArt : Localized.Format(ArtStrings.PiStarted, saved.Name, pi.Value.Name, start, end), cancellationToken);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
