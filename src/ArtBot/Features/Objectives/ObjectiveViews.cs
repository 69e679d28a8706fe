using ArtBot.Features.Common;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;

namespace ArtBot.Features.Objectives;

/// <summary>The objectives cards built from the store: a team's, every team's, an objective's features, and the predictability chart.</summary>
public sealed class ObjectiveViews(IPlanStore<PiObjective> objectives, IPlanStore<Feature> features)
{
    public IPlanStore<PiObjective> Store => objectives;

    /// <summary>The features of the ART's current PI (every team's).</summary>
    public Task<IReadOnlyList<Feature>> FeaturesAsync(Art art, CancellationToken cancellationToken) => features.ListCurrentPiAsync(art, cancellationToken);

    /// <summary>The objectives of the ART's current PI (all teams), oldest first.</summary>
    public Task<IReadOnlyList<PiObjective>> CurrentAsync(Art art, CancellationToken cancellationToken) => objectives.ListCurrentPiAsync(art, cancellationToken);

    public async Task<AdaptiveCard> TeamAsync(ArtPlace place, ArtTeam team, string? notice, string? color, CancellationToken cancellationToken)
    {
        var current = CurrentAsync(place.Art, cancellationToken);
        var all = FeaturesAsync(place.Art, cancellationToken);
        await Task.WhenAll(current, all);
        return TeamObjectivesCard.Build(
            place.Art, team, [.. current.Result.Where(o => o.TeamConversationId == team.ConversationId)], all.Result, place.Today, place.Team is null, notice, color);
    }

    public async Task<AdaptiveCard> ArtAsync(ArtPlace place, CancellationToken cancellationToken)
    {
        var current = CurrentAsync(place.Art, cancellationToken);
        var all = FeaturesAsync(place.Art, cancellationToken);
        await Task.WhenAll(current, all);
        return ArtObjectivesCard.Build(place.Art, place.Teams, current.Result, all.Result, place.Today);
    }

    public async Task<AdaptiveCard> FeaturesCardAsync(ArtTeam team, PiObjective objective, Art art, CancellationToken cancellationToken) =>
        ObjectiveFeaturesCard.Build(team, objective, await FeaturesAsync(art, cancellationToken));

    /// <summary>The predictability chart: this PI and the last ones (up to <see cref="PredictabilityCard.PisShown"/>).</summary>
    public async Task<AdaptiveCard> PredictabilityAsync(Art art, CancellationToken cancellationToken) =>
        PredictabilityCard.Build(art, PiPredictability.History(
            await objectives.ListAsync(art.TenantId, art.Id, cancellationToken), art.CurrentPi?.Name, PredictabilityCard.PisShown));
}
