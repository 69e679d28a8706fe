using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Board;
using ArtBot.Features.Common;

namespace ArtBot.Features.Backlog;

/// <summary>The backlog cards built from the store: the PI's features, a team's plan, the milestones.</summary>
public sealed class BacklogViews(FeaturePlanning planning, IPlanStore<Milestone> milestones)
{
    public FeaturePlanning Planning => planning;

    public IPlanStore<Milestone> Milestones => milestones;

    public Task<IReadOnlyList<Feature>> FeaturesAsync(Art art, CancellationToken cancellationToken) => planning.Features.ListCurrentPiAsync(art, cancellationToken);

    public async Task<AdaptiveCard> ListAsync(ArtPlace place, int page, string? notice, CancellationToken cancellationToken) =>
        FeatureListCard.Build(place.Art, await FeaturesAsync(place.Art, cancellationToken), page, KeepsBacklog(place), notice);

    public async Task<AdaptiveCard> PlanAsync(ArtPlace place, ArtTeam team, int page, string? notice, string? color, CancellationToken cancellationToken) =>
        TeamPlanCard.Build(place.Art, team, await FeaturesAsync(place.Art, cancellationToken),
            await planning.CapacityAsync(place.Art, team, cancellationToken), page, notice, color);

    public async Task<AdaptiveCard> MilestonesAsync(ArtPlace place, string? notice, string? color, CancellationToken cancellationToken) =>
        MilestoneListCard.Build(place.Art, await milestones.ListCurrentPiAsync(place.Art, cancellationToken), KeepsBacklog(place), notice, color);

    /// <summary>Product Managers and RTEs keep the ART backlog (by Entra object id or Teams id).</summary>
    public static bool KeepsBacklog(ArtPlace place) => place.Turn.Activity.KeepsBacklogOf(place.Art);

    /// <summary>"Only the Product Managers and RTEs of {ART} ({names}) ...", naming who can.</summary>
    public static string OnlyBacklogKeepers(Art art) => Localized.Format(BacklogStrings.OnlyBacklogKeepers, art.Name,
        string.Join(", ", art.ProductManagers.Concat(art.Rtes).DistinctBy(p => p.Id).Select(p => p.DisplayName)));
}
