using ArtBot.Domain.Arts;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Text;
using ArtBot.Features.Impediments;

namespace ArtBot.Features.Sync;

/// <summary>
/// Raises a check-in blocker as a tracked impediment of its team (the impediments feature's store): source
/// <see cref="ImpedimentSourceKind.CheckInBlocker"/> linking back to the ART sync and team, the team's scope (so it is
/// in the team's and the ART's lists), and its card posted in the team's channel where the team can own, ROAM and
/// resolve it. Keyed by the blocker (<see cref="BlockerEscalationRequest.SourceId"/>): a second click raises nothing new.
/// </summary>
public sealed class ImpedimentBlockerEscalation(IArtStore arts, IImpedimentStore impediments, SharedImpedimentCards cards) : IBlockerEscalation
{
    public async Task<BlockerEscalationResult> RaiseImpedimentAsync(BlockerEscalationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var teams = await arts.GetTeamsAsync(request.Art.TenantId, request.Art.Id, cancellationToken);
        var team = teams.FirstOrDefault(t => t.ConversationId == request.TeamConversationId);
        var text = PlainText.FromHtml(request.Text).Trim();
        var title = ImpedimentRules.FitTitle(text);
        if (title.Length == 0)
        {
            return new BlockerEscalationResult(false, null, SyncStrings.ErrorRaiseNoText);
        }

        var description = request.Kind == CheckInItemKind.Blocker ? SyncStrings.RaisedDescriptionBlocker : SyncStrings.RaisedDescriptionDependency;
        var draft = new Impediment
        {
            Id = "",
            TenantId = request.Art.TenantId,
            ScopeId = team?.TeamsTeamId ?? request.TeamConversationId,
            ConversationId = request.TeamConversationId,
            TeamId = team?.TeamsTeamId,
            TeamName = request.TeamName,
            ArtId = request.Art.Id,
            Kind = ImpedimentKind.Impediment,
            Title = title,
            Description = Localized.Format(description, request.TeamName, SyncText.SyncDate(request.SyncDate), request.Art.Name)
                + (text.Length > title.Length ? "\n\n" + text : ""),
            RaisedBy = request.RaisedBy,
            RaisedAt = request.RaisedAt,
            Source = ImpedimentSource.CheckInBlocker($"{request.Art.Id}/{request.SyncDate:yyyyMMdd}", request.TeamConversationId),
            ServiceUrl = team?.ServiceUrl ?? request.ServiceUrl,
            PostedConversationId = request.TeamConversationId,
        };

        var raised = await impediments.RaiseAsync(draft, "checkin:" + request.SourceId, cancellationToken);
        if (raised.Created)
        {
            await cards.PostAsync(raised.Impediment, null, cancellationToken);
        }

        return new BlockerEscalationResult(true, raised.Impediment.Id, Localized.Format(SyncStrings.RaisedForTeam, request.TeamName));
    }
}
