using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Pulses;
using ArtBot.Domain.Review;

namespace ArtBot.Features.Review;

/// <summary>
/// Reads an ART's quantitative review from the stores (objectives, demo feedback, integration problems, impediments,
/// improvement items, pulses) side by side, and puts it together with <see cref="ReviewRules"/>: the current PI and
/// the last ones, oldest first.
/// </summary>
public sealed class ReviewReader(
    IArtStore arts, IPlanStore<PiObjective> objectives, IPlanStore<DemoFeedback> feedback, IPlanStore<IntegrationProblem> problems,
    IImpedimentStore impediments, IImprovementStore improvements, IPulseStore pulses, TimeProvider time)
{
    /// <summary>Most impediments read (oldest first; the ART's resolved ones too).</summary>
    public const int MaxImpediments = 2000;

    public async Task<IReadOnlyList<PiReview>> ReadAsync(Art art, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(art);
        var teams = arts.GetTeamsAsync(art.TenantId, art.Id, cancellationToken);
        var objectiveList = objectives.ListAsync(art.TenantId, art.Id, cancellationToken);
        var feedbackList = feedback.ListAsync(art.TenantId, art.Id, cancellationToken);
        var problemList = problems.ListAsync(art.TenantId, art.Id, cancellationToken);
        var impedimentList = impediments.ListForArtAsync(art.TenantId, art.Id, new ImpedimentQuery(ImpedimentKind.Impediment, IncludeResolved: true), MaxImpediments, cancellationToken);
        var itemList = improvements.ListAsync(new ImprovementScope(art.TenantId, art.Id, art.HomeConversationId), cancellationToken);
        await Task.WhenAll(teams, objectiveList, feedbackList, problemList, impedimentList, itemList);

        var data = new ReviewData
        {
            Teams = [.. (await teams).Select(t => t.ConversationId)],
            Objectives = await objectiveList,
            Feedback = await feedbackList,
            Problems = await problemList,
            Impediments = (await impedimentList).Items,
            Improvements = await itemList,
        };
        var pis = ReviewRules.Pis(data, art.CurrentPi);
        var pulseReviews = await Task.WhenAll(pis.Select(pi => pulses.GetReviewAsync(art.TenantId, art.Id, pi.Name, cancellationToken)));
        return ReviewRules.Review(data with { Pulses = pulseReviews }, pis, time.GetUtcNow());
    }
}
