using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Objectives;

/// <summary>
/// <c>objectives</c>: a team's PI objectives in its channel, every team's in the ART's channel; <c>objectives reopen|lock</c>
/// (RTEs) after the PI started; <c>predictability</c>: the ART predictability measure.
/// </summary>
public sealed class ObjectiveCommands(ArtContext arts, ObjectiveViews views) : IBotFeature
{
    public const string ObjectivesName = "objectives";
    public const string PredictabilityName = "predictability";
    public static string NoPi => ObjectiveStrings.ErrorNoPi;

    public void Register(FeatureTable table) => table
        .Command(
            ObjectivesName,
            () => ObjectiveStrings.CommandObjectivesUsage,
            () => ObjectiveStrings.CommandObjectivesDescription,
            ObjectivesAsync)
        .Command(
            PredictabilityName,
            () => ObjectiveStrings.CommandPredictabilityUsage,
            () => ObjectiveStrings.CommandPredictabilityDescription,
            PredictabilityAsync);

    private async Task ObjectivesAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var art = new ArtTurn(turn, arts);
        var (sub, _) = CommandRouter.Split(arguments);
        if (await ArtPlace.ResolveAsync(art, cancellationToken) is not { } place)
        {
            await art.SendAsync(CommonStrings.NotInAnArt, cancellationToken);
            return;
        }

        if (place.Art.CurrentPi is not { } pi)
        {
            await art.SendAsync(NoPi, cancellationToken);
            return;
        }

        switch (sub)
        {
            case "":
                await art.SendAsync(place.Team is { } team
                    ? await views.TeamAsync(place, team, null, null, cancellationToken)
                    : await views.ArtAsync(place, cancellationToken), cancellationToken);
                break;
            case "reopen" or "lock" when !place.IsRte:
                await art.SendAsync(ArtTurn.OnlyRtes(place.Art, sub == "reopen" ? ObjectiveStrings.RteOnlyReopen : ObjectiveStrings.RteOnlyLock), cancellationToken);
                break;
            case "reopen" or "lock":
                var reopen = sub == "reopen";
                var saved = await ArtUpdate.ApplyAsync(art, place.Art.Id, a => a with { ObjectivesReopenedFor = reopen ? pi.Name : null }, cancellationToken);
                await art.SendAsync(
                    saved is null ? CommonStrings.NotInAnArt
                    : reopen ? Localized.Format(ObjectiveStrings.Reopened, pi.Name)
                    : place.Today < pi.Start ? Localized.Format(ObjectiveStrings.LockedFromStart, pi.Name, pi.Start.ToString(ObjectiveStrings.DatePattern, Localized.Culture))
                    : Localized.Format(ObjectiveStrings.Locked, pi.Name),
                    cancellationToken);
                break;
            default:
                await art.SendAsync(ObjectiveStrings.CommandHelp, cancellationToken);
                break;
        }
    }

    private async Task PredictabilityAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var art = new ArtTurn(turn, arts);
        if (await art.FindArtAsync(cancellationToken) is not { } membership)
        {
            await art.SendAsync(CommonStrings.NotInAnArt, cancellationToken);
            return;
        }

        await art.SendAsync(await views.PredictabilityAsync(membership.Art, cancellationToken), cancellationToken);
    }
}
