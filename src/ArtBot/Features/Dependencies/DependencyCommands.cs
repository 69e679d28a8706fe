using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Dependencies;

/// <summary>
/// <c>dependency &lt;text&gt;</c> in a team's channel answers with the request form (which team provides it, by which
/// iteration, for which objective and feature); <c>dependencies</c> lists the team's incoming and outgoing ones, or in the ART's
/// channel all of them by iteration.
/// </summary>
public sealed class DependencyCommands(ArtContext arts, DependencyBoard board, IPlanStore<PiObjective> objectives, IPlanStore<Feature> features) : IBotFeature
{
    public const string RequestName = "dependency";
    public const string ListName = "dependencies";
    public static string NoPi => DependencyStrings.ErrorNoPi;

    public void Register(FeatureTable table) => table
        .Command(RequestName, () => DependencyStrings.CommandRequestUsage, () => DependencyStrings.CommandRequestDescription, RequestAsync)
        .Command(ListName, () => DependencyStrings.CommandListUsage, () => DependencyStrings.CommandListDescription, ListAsync);

    private async Task RequestAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var art = new ArtTurn(turn, arts);
        if (await ResolveAsync(art, cancellationToken) is not { } place)
        {
            return;
        }

        if (place.Team is not { } team)
        {
            await art.SendAsync(DependencyStrings.RequestFromTeamChannel, cancellationToken);
            return;
        }

        Checked<string>? text = arguments.Length == 0 ? null : DependencyRules.CheckText(arguments);
        if (text is { IsValid: false } refused)
        {
            await art.SendAsync(refused.Error!, cancellationToken);
            return;
        }

        var own = (await objectives.ListCurrentPiAsync(place.Art, cancellationToken)).Where(o => o.TeamConversationId == team.ConversationId).ToList();
        var ours = DependencyFeatures.Of(await features.ListCurrentPiAsync(place.Art, cancellationToken), place.Art, team.ConversationId);
        await art.SendAsync(DependencyFormCard.Build(place.Art, team, place.Teams, own, ours, place.Today, text?.Value), cancellationToken);
    }

    private async Task ListAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var art = new ArtTurn(turn, arts);
        if (await ResolveAsync(art, cancellationToken) is not { } place)
        {
            return;
        }

        var all = await board.CurrentAsync(place.Art, place.Today, cancellationToken);
        var shown = place.Team is { } team
            ? [.. all.Where(d => d.RequesterConversationId == team.ConversationId || d.ProviderConversationId == team.ConversationId)]
            : all;
        await art.SendAsync(DependencyListCard.Build(place.Art, place.Team, shown, place.Today), cancellationToken);
    }

    private static async Task<ArtPlace?> ResolveAsync(ArtTurn art, CancellationToken cancellationToken)
    {
        var place = await ArtPlace.ResolveAsync(art, cancellationToken);
        if (place is null || place.Art.CurrentPi is null)
        {
            await art.SendAsync(place is null ? CommonStrings.NotInAnArt : NoPi, cancellationToken);
            return null;
        }

        return place;
    }
}
