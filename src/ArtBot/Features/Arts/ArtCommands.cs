using System.Globalization;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Text;
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
            () => ArtStrings.CommandArtUsage,
            () => ArtStrings.CommandArtDescription,
            ArtAsync)
        .Command(
            PiName,
            () => ArtStrings.CommandPiUsage,
            () => ArtStrings.CommandPiDescription,
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
            "pm" => ArtRoleCommand.RunAsync(art, ArtRoleCommand.ProductManager, rest, cancellationToken),
            _ => art.SendAsync(Localized.Format(ArtStrings.ErrorUnknownArtCommand, sub), cancellationToken),
        };
    }

    private static async Task ShowAsync(ArtTurn turn, CancellationToken cancellationToken)
    {
        if (await turn.FindArtAsync(cancellationToken) is not { } membership)
        {
            await turn.SendAsync(CommonStrings.NotInAnArt, cancellationToken);
            return;
        }

        var teams = await turn.Store.GetTeamsAsync(turn.TenantId, membership.Art.Id, cancellationToken);
        var note = membership.Team is { } team ? Localized.Format(ArtStrings.NoteThisChannelIsTeam, team.TeamName) : null;
        await turn.SendAsync(ArtCards.Overview(membership.Art, teams, turn.Today(membership.Art), note), cancellationToken);
    }

    private static async Task SetupAsync(ArtTurn turn, CancellationToken cancellationToken)
    {
        if (!turn.IsChannel)
        {
            await turn.SendAsync(ArtStrings.SetupNotAChannel, cancellationToken);
            return;
        }

        if (await turn.FindArtAsync(cancellationToken) is { } membership)
        {
            await turn.SendAsync(Localized.Format(ArtStrings.SetupAlreadyInArt, membership.Art.Name), cancellationToken);
            return;
        }

        var defaults = new ArtForm { TimeZone = TimeZones.Find(turn.Activity.UserTimeZone)?.Id ?? "UTC", Summary = turn.ConversationId };
        await turn.SendAsync(ArtCards.Form(defaults, await turn.SummaryChannelsAsync(null, cancellationToken), null, now: turn.Now), cancellationToken);
    }

    private static async Task SettingsAsync(ArtTurn turn, CancellationToken cancellationToken)
    {
        if (await turn.FindArtAsync(cancellationToken) is not { } membership)
        {
            await turn.SendAsync(CommonStrings.NotInAnArt, cancellationToken);
            return;
        }

        if (!turn.IsRte(membership.Art))
        {
            await turn.SendAsync(ArtTurn.OnlyRtes(membership.Art, ArtStrings.RteOnlyChangeSettings), cancellationToken);
            return;
        }

        var art = membership.Art;
        await turn.SendAsync(ArtCards.Form(ArtForm.From(art), await turn.SummaryChannelsAsync(art, cancellationToken), art, now: turn.Now), cancellationToken);
    }

    private static async Task JoinAsync(ArtTurn turn, string teamName, CancellationToken cancellationToken)
    {
        if (!turn.IsChannel)
        {
            await turn.SendAsync(ArtStrings.JoinNotAChannel, cancellationToken);
            return;
        }

        var name = ArtRules.CheckName(teamName, "team");
        if (!name.IsValid)
        {
            await turn.SendAsync(Localized.Format(ArtStrings.JoinInvalidName, name.Error), cancellationToken);
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
                await turn.SendAsync(ArtStrings.JoinNoArt, cancellationToken);
                break;
            case 1:
                await turn.SendAsync(await ArtJoin.JoinAsync(turn, arts[0], name.Value, cancellationToken), cancellationToken);
                break;
            default:
                await turn.SendAsync(ArtCards.ChooseArt(name.Value, arts), cancellationToken);
                break;
        }
    }

}
