using System.Globalization;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Features.Common;

namespace ArtBot.Features.Arts;

/// <summary>
/// <c>art</c> (show), <c>art setup</c>, <c>art settings</c>, <c>art join &lt;team&gt;</c>, <c>art rte add|remove @person</c>;
/// <c>pi start &lt;name&gt; [start end]</c>; <c>sync skip|unskip &lt;date&gt;</c>.
/// </summary>
public sealed class ArtCommands(ArtContext arts) : IBotFeature
{
    public const string ArtName = "art";
    public const string PiName = "pi";

    public void Register(FeatureTable table) => table
        .Command(
            ArtName,
            "art [setup | settings | join <team name> | rte add|remove @person | bo add|remove @person]",
            "Show this channel's ART, set one up, join a team channel to it, or change its settings, RTEs and Business Owners",
            ArtAsync)
        .Command(
            PiName,
            "pi start <name> [yyyy-MM-dd yyyy-MM-dd]",
            "Start the ART's next Program Increment (RTEs); open improvement items are carried into it",
            (turn, arguments, cancellationToken) => ArtPiCommand.RunAsync(new ArtTurn(turn, arts), arguments, cancellationToken));

    private Task ArtAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var (sub, rest) = CommandRouter.Split(arguments);
        var art = new ArtTurn(turn, arts);
        return sub switch
        {
            "" => ShowAsync(art, cancellationToken),
            "setup" => SetupAsync(art, cancellationToken),
            "settings" => SettingsAsync(art, cancellationToken),
            "join" => JoinAsync(art, rest, cancellationToken),
            "rte" => ArtRoleCommand.RunAsync(art, ArtRoleCommand.Rte, rest, cancellationToken),
            "bo" => ArtRoleCommand.RunAsync(art, ArtRoleCommand.BusinessOwner, rest, cancellationToken),
            _ => art.SendAsync($"I don't know `art {sub}`. Try `art`, `art setup`, `art settings`, `art join <team name>`, `art rte add @person` or `art bo add @person`.", cancellationToken),
        };
    }

    private static async Task ShowAsync(ArtTurn turn, CancellationToken cancellationToken)
    {
        if (await turn.FindArtAsync(cancellationToken) is not { } membership)
        {
            await turn.SendAsync(NotInAnArt, cancellationToken);
            return;
        }

        var teams = await turn.Store.GetTeamsAsync(turn.TenantId, membership.Art.Id, cancellationToken);
        var note = membership.Team is { } team ? $"This channel is team {team.TeamName}." : null;
        await turn.SendAsync(ArtCards.Overview(membership.Art, teams, turn.Today(membership.Art), note), cancellationToken);
    }

    private static async Task SetupAsync(ArtTurn turn, CancellationToken cancellationToken)
    {
        if (!turn.IsChannel)
        {
            await turn.SendAsync("An ART is set up in a Teams channel (usually the ART's own channel): @mention me there with `art setup`.", cancellationToken);
            return;
        }

        if (await turn.FindArtAsync(cancellationToken) is { } membership)
        {
            await turn.SendAsync($"This channel already belongs to {membership.Art.Name}. `art` shows it; RTEs change it with `art settings`.", cancellationToken);
            return;
        }

        var defaults = new ArtForm { TimeZone = turn.Activity.LocalTimezone ?? "UTC", Summary = turn.ConversationId };
        await turn.SendAsync(ArtCards.Form(defaults, await turn.SummaryChannelsAsync(null, cancellationToken), null), cancellationToken);
    }

    private static async Task SettingsAsync(ArtTurn turn, CancellationToken cancellationToken)
    {
        if (await turn.FindArtAsync(cancellationToken) is not { } membership)
        {
            await turn.SendAsync(NotInAnArt, cancellationToken);
            return;
        }

        if (!turn.IsRte(membership.Art))
        {
            await turn.SendAsync(ArtTurn.RteOnly(membership.Art, "change its settings"), cancellationToken);
            return;
        }

        var art = membership.Art;
        await turn.SendAsync(ArtCards.Form(ArtForm.From(art), await turn.SummaryChannelsAsync(art, cancellationToken), art), cancellationToken);
    }

    private static async Task JoinAsync(ArtTurn turn, string teamName, CancellationToken cancellationToken)
    {
        if (!turn.IsChannel)
        {
            await turn.SendAsync("Teams join an ART from their own channel: @mention me there with `art join <team name>`.", cancellationToken);
            return;
        }

        var name = ArtRules.CheckName(teamName, "team");
        if (!name.IsValid)
        {
            await turn.SendAsync(name.Error + " For example: `art join Rocket`.", cancellationToken);
            return;
        }

        if (await turn.FindArtAsync(cancellationToken) is { } membership)
        {
            // Already in an ART (as its home, or as a team: the name is refreshed).
            await turn.SendAsync(await ArtJoin.JoinAsync(turn, membership.Art, name.Value, cancellationToken), cancellationToken);
            return;
        }

        var arts = await turn.Store.ListAsync(turn.TenantId, cancellationToken);
        switch (arts.Count)
        {
            case 0:
                await turn.SendAsync("There is no ART yet. An RTE sets one up in the ART's channel with `art setup`.", cancellationToken);
                break;
            case 1:
                await turn.SendAsync(await ArtJoin.JoinAsync(turn, arts[0], name.Value, cancellationToken), cancellationToken);
                break;
            default:
                await turn.SendAsync(ArtCards.ChooseArt(name.Value, arts), cancellationToken);
                break;
        }
    }

    public const string NotInAnArt = "This channel is not part of an ART. An RTE sets one up with `art setup`; a team's channel joins one with `art join <team name>`.";

    /// <summary>Reads a date argument (yyyy-MM-dd).</summary>
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
