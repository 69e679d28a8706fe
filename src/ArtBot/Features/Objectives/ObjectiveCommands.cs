using ArtBot.BotFramework.Routing;
using ArtBot.Features.Arts;
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
    public const string NoPi = "The ART has no current PI yet: an RTE starts one with `pi start <name> <yyyy-MM-dd> <yyyy-MM-dd>`.";

    public void Register(FeatureTable table) => table
        .Command(
            ObjectivesName,
            "objectives [reopen | lock]",
            "This team's PI objectives with a form to add and edit them (the ART's channel: every team's); RTEs reopen or lock them once the PI started",
            ObjectivesAsync)
        .Command(
            PredictabilityName,
            "predictability",
            "The ART predictability measure: business value delivered against planned, per team and for the ART, this PI and the last ones",
            PredictabilityAsync);

    private async Task ObjectivesAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var art = new ArtTurn(turn, arts);
        var (sub, _) = CommandRouter.Split(arguments);
        if (await ArtPlace.ResolveAsync(art, cancellationToken) is not { } place)
        {
            await art.SendAsync(ArtCommands.NotInAnArt, cancellationToken);
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
                await art.SendAsync(ArtTurn.RteOnly(place.Art, $"{sub} the PI objectives"), cancellationToken);
                break;
            case "reopen" or "lock":
                var reopen = sub == "reopen";
                var saved = await ArtUpdate.ApplyAsync(art, place.Art.Id, a => a with { ObjectivesReopenedFor = reopen ? pi.Name : null }, cancellationToken);
                await art.SendAsync(
                    saved is null ? ArtCommands.NotInAnArt
                    : reopen ? $"The objectives of {pi.Name} are open for changes again; `objectives lock` closes them."
                    : $"The objectives of {pi.Name} are locked" + (place.Today < pi.Start ? $" from the PI's start on {pi.Start:yyyy-MM-dd}." : "."),
                    cancellationToken);
                break;
            default:
                await art.SendAsync("Try `objectives`, or (RTEs) `objectives reopen` and `objectives lock`.", cancellationToken);
                break;
        }
    }

    private async Task PredictabilityAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var art = new ArtTurn(turn, arts);
        if (await art.FindArtAsync(cancellationToken) is not { } membership)
        {
            await art.SendAsync(ArtCommands.NotInAnArt, cancellationToken);
            return;
        }

        await art.SendAsync(await views.PredictabilityAsync(membership.Art, cancellationToken), cancellationToken);
    }
}
