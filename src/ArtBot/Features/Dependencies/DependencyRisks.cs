using ArtBot.Domain.Arts;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Impediments;

namespace ArtBot.Features.Dependencies;

/// <summary>
/// Raises a dependency at risk as a risk of the requesting team (the team whose plan is at risk) on the ART's risk list,
/// to ROAM: one risk per dependency (keyed by it, so a second click or a redelivery raises nothing new), its card
/// posted in the requesting team's channel, and linked from the dependency.
/// </summary>
public sealed class DependencyRisks(IImpedimentStore impediments, SharedImpedimentCards cards, IPlanStore<Dependency> store)
{
    private const int MaxAttempts = 3;

    /// <summary>
    /// Raises the risk (once) and links it from the dependency, kept in its history. Returns the dependency as stored
    /// with its risk, or null when it kept changing under the link (the risk exists; a second try links it).
    /// </summary>
    public async Task<Dependency?> RaiseAndLinkAsync(
        Art art, IReadOnlyList<ArtTeam> teams, Dependency dependency, string why, Person by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var risk = await RaiseAsync(art, teams, dependency, why, by, now, cancellationToken);
        var current = dependency;
        for (var attempt = 1; attempt <= MaxAttempts && current.RiskId is null; attempt++)
        {
            var linked = current with { RiskId = risk.Id, UpdatedAt = now };
            current = await store.UpdateAsync(linked, DependencyRules.Changes(current, linked, by, now), cancellationToken)
                ?? await store.GetAsync(current.TenantId, current.ArtId, current.Id, cancellationToken)
                ?? current;
        }

        return current.RiskId is null ? null : current;
    }

    public async Task<Impediment> RaiseAsync(Art art, IReadOnlyList<ArtTeam> teams, Dependency dependency, string why, Person by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var team = teams.FirstOrDefault(t => t.ConversationId == dependency.RequesterConversationId);
        var title = Localized.Format(DependencyStrings.RiskTitle, dependency.Text);
        var draft = new Impediment
        {
            Id = "",
            TenantId = art.TenantId,
            ScopeId = team?.TeamsTeamId ?? dependency.RequesterConversationId,
            ConversationId = dependency.RequesterConversationId,
            TeamId = team?.TeamsTeamId,
            TeamName = dependency.RequesterTeamName,
            ArtId = art.Id,
            Kind = ImpedimentKind.Risk,
            Title = ImpedimentRules.FitTitle(title),
            Description = Localized.Format(DependencyStrings.RiskDescription, dependency.RequesterTeamName, dependency.ProviderTeamName, dependency.NeededBy, dependency.Pi, why),
            RaisedBy = by,
            RaisedAt = now,
            Source = ImpedimentSource.Dependency(dependency.Id),
            ServiceUrl = team?.ServiceUrl ?? art.ServiceUrl,
            PostedConversationId = dependency.RequesterConversationId,
        };
        var raised = await impediments.RaiseAsync(draft, "dependency:" + dependency.Id, cancellationToken);
        if (raised.Created)
        {
            await cards.PostAsync(raised.Impediment, null, cancellationToken);
        }

        return raised.Impediment;
    }
}
