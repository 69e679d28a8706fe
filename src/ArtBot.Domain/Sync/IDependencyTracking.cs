using ArtBot.Domain.Arts;

namespace ArtBot.Domain.Sync;

/// <summary>
/// What the ART sync needs from the dependencies feature: a check-in dependency flagged "needs help" tracked as a
/// dependency between teams in one click from the summary, and the dependencies at risk or overdue for the summary.
/// </summary>
public interface IDependencyTracking
{
    /// <summary>
    /// Tracks the check-in item of <paramref name="request"/> as a dependency provided by the team of
    /// <paramref name="providerConversationId"/>; keyed by <see cref="BlockerEscalationRequest.SourceId"/>, so a second
    /// click tracks nothing new.
    /// </summary>
    Task<DependencyTrackingResult> TrackAsync(BlockerEscalationRequest request, string providerConversationId, CancellationToken cancellationToken);

    /// <summary>The current PI's dependencies at risk or overdue on <paramref name="today"/> (the ART's date), most urgent first.</summary>
    Task<IReadOnlyList<DependencyAtRisk>> AtRiskAsync(Art art, DateOnly today, CancellationToken cancellationToken);
}

/// <summary>The dependency tracked (its id) or why not.</summary>
public sealed record DependencyTrackingResult(bool Tracked, string? DependencyId, string Message);

/// <summary>A dependency at risk as the summary lists it.</summary>
public sealed record DependencyAtRisk(string RequesterTeamName, string ProviderTeamName, string Text, string Why);
