using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Planning;

namespace ArtBot.Features.Demos;

/// <summary>Reads what a team's prompt card offers: the team's features (backlog order) and objectives of the demo's PI.</summary>
public sealed class DemoPrompts(IPlanStore<Feature> features, IPlanStore<PiObjective> objectives)
{
    public async Task<DemoPromptView> ViewAsync(Art art, SystemDemo demo, ArtTeam team, DemoTeamAnswer? answer, CancellationToken cancellationToken)
    {
        var (teamFeatures, teamObjectives) = await OfTeamAsync(art, demo.Pi, team.ConversationId, cancellationToken);
        return new DemoPromptView(art, demo, DemoAgendaReader.When(art, demo), team, answer, teamFeatures, teamObjectives);
    }

    public async Task<(IReadOnlyList<Feature> Features, IReadOnlyList<PiObjective> Objectives)> OfTeamAsync(Art art, string pi, string teamConversationId, CancellationToken cancellationToken)
    {
        var ofPi = (await features.ListAsync(art.TenantId, art.Id, cancellationToken)).Where(f => f.Pi == pi);
        var teamObjectives = (await objectives.ListAsync(art.TenantId, art.Id, cancellationToken))
            .Where(o => o.Pi == pi && o.TeamConversationId == teamConversationId)
            .ToList();
        return (FeatureBacklog.OfTeam(ofPi, teamConversationId), teamObjectives);
    }
}
