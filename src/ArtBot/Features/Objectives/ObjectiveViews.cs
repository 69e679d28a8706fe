using ArtBot.Features.Common;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;

namespace ArtBot.Features.Objectives;

/// <summary>The objectives cards built from the store: a team's, every team's, and the predictability chart.</summary>
public sealed class ObjectiveViews(IPlanStore<PiObjective> objectives)
{
    public IPlanStore<PiObjective> Store => objectives;

    /// <summary>The objectives of the ART's current PI (all teams), oldest first.</summary>
    public Task<IReadOnlyList<PiObjective>> CurrentAsync(Art art, CancellationToken cancellationToken) => objectives.ListCurrentPiAsync(art, cancellationToken);

    public async Task<AdaptiveCard> TeamAsync(ArtPlace place, ArtTeam team, string? notice, string? color, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(place.Art, cancellationToken);
        return TeamObjectivesCard.Build(
            place.Art, team, [.. current.Where(o => o.TeamConversationId == team.ConversationId)], place.Today, place.Team is null, notice, color);
    }

    public async Task<AdaptiveCard> ArtAsync(ArtPlace place, CancellationToken cancellationToken) =>
        ArtObjectivesCard.Build(place.Art, place.Teams, await CurrentAsync(place.Art, cancellationToken), place.Today);

    /// <summary>The predictability chart: this PI and the last ones (up to <see cref="PredictabilityCard.PisShown"/>).</summary>
    public async Task<AdaptiveCard> PredictabilityAsync(Art art, CancellationToken cancellationToken) =>
        PredictabilityCard.Build(art, PiPredictability.History(
            await objectives.ListAsync(art.TenantId, art.Id, cancellationToken), art.CurrentPi?.Name, PredictabilityCard.PisShown));
}
