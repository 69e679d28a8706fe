using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Dependencies;

/// <summary>
/// The ART sync's view of dependencies: a check-in dependency flagged "needs help" becomes a dependency between teams
/// (requested by the team that reported it, needed by the iteration of the sync, provided by the team chosen on the
/// summary) in one click, and the summary lists the current PI's dependencies at risk or overdue.
/// </summary>
public sealed class CheckInDependencyTracking(IArtStore arts, DependencyBoard board, TimeProvider time) : IDependencyTracking
{
    public async Task<DependencyTrackingResult> TrackAsync(BlockerEscalationRequest request, string providerConversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var art = request.Art;
        if (art.CurrentPi is not { } pi)
        {
            return new DependencyTrackingResult(false, null, DependencyCommands.NoPi);
        }

        var teams = await arts.GetTeamsAsync(art.TenantId, art.Id, cancellationToken);
        var requester = teams.FirstOrDefault(t => t.ConversationId == request.TeamConversationId);
        var provider = teams.FirstOrDefault(t => t.ConversationId == providerConversationId);
        if (requester is null || provider is null || provider.ConversationId == requester.ConversationId)
        {
            return new DependencyTrackingResult(false, null, DependencyStrings.ErrorChooseProvider);
        }

        var text = DependencyRules.CheckText(PlainText.FromHtml(request.Text));
        if (!text.IsValid)
        {
            return new DependencyTrackingResult(false, null, text.Error!);
        }

        var iterations = art.Cadence.Of(pi);
        var neededBy = art.Cadence.At(pi, request.SyncDate)?.Number ?? (request.SyncDate < pi.Start ? 1 : iterations[^1].Number);
        var (dependency, _) = await board.RequestAsync(
            art, requester, provider, text.Value, neededBy, null, null, request.RaisedBy, request.RaisedAt, art.Today(time.GetUtcNow()), "checkin:" + request.SourceId, cancellationToken);
        return new DependencyTrackingResult(true, dependency.Id, Localized.Format(DependencyStrings.Tracked, requester.TeamName, provider.TeamName));
    }

    public async Task<IReadOnlyList<DependencyAtRisk>> AtRiskAsync(Art art, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(art);
        if (art.CurrentPi is not { } pi)
        {
            return [];
        }

        var iterations = art.Cadence.Of(pi);
        return [.. (await board.CurrentAsync(art, today, cancellationToken))
            .Select(d => (Dependency: d, Status: DependencyRules.StatusOn(d, iterations, today)))
            .Where(x => x.Status.Status == DependencyStatus.AtRisk)
            .OrderBy(x => x.Dependency.NeededBy).ThenBy(x => x.Dependency.CreatedAt)
            .Select(x => new DependencyAtRisk(x.Dependency.RequesterTeamName, x.Dependency.ProviderTeamName, x.Dependency.Text, x.Status.Why!))];
    }
}
