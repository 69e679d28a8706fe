using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Planning;

namespace ArtBot.Features.Demos;

/// <summary>Reads what the follow-up cards show, straight from the stores: a team's part of a demo, its feedback, its problems.</summary>
public sealed class DemoFollowUpReader(
    IPlanStore<DemoTeamAnswer> answers, IPlanStore<DemoFeedback> feedback, IPlanStore<IntegrationProblem> problems)
{
    public IPlanStore<DemoTeamAnswer> Answers => answers;
    public IPlanStore<DemoFeedback> Feedback => feedback;
    public IPlanStore<IntegrationProblem> Problems => problems;

    public Task<DemoTeamAnswer?> AnswerAsync(string tenantId, string artId, string demoId, string teamConversationId, CancellationToken cancellationToken) =>
        answers.GetAsync(tenantId, artId, DemoIds.TeamAnswer(tenantId, artId, demoId, teamConversationId), cancellationToken);

    /// <summary>The team's feedback card's content for <paramref name="answer"/>.</summary>
    public async Task<DemoTeamFeedback> ViewAsync(Art art, DemoTeamAnswer answer, CancellationToken cancellationToken)
    {
        var given = (await feedback.ListAsync(answer.TenantId, answer.ArtId, cancellationToken))
            .Where(f => f.DemoId == answer.DemoId && f.TeamConversationId == answer.TeamConversationId)
            .ToList();
        var found = (await problems.ListAsync(answer.TenantId, answer.ArtId, cancellationToken))
            .Where(p => p.DemoId == answer.DemoId && p.TeamConversationId == answer.TeamConversationId)
            .ToList();
        return new DemoTeamFeedback(answer, given, found, art.CurrentPi?.Name, Iterations(art));
    }

    /// <summary>The ART's open integration problems (of every PI), oldest first; of one team when <paramref name="teamConversationId"/> is given.</summary>
    public async Task<IReadOnlyList<IntegrationProblem>> OpenProblemsAsync(Art art, string? teamConversationId, CancellationToken cancellationToken) =>
        [.. (await problems.ListAsync(art.TenantId, art.Id, cancellationToken))
            .Where(p => p.IsOpen && (teamConversationId is null || p.TeamConversationId == teamConversationId))
            .OrderBy(p => p.CreatedAt)];

    /// <summary>The iterations of the ART's current PI a repair can be due in.</summary>
    public static IReadOnlyList<int> Iterations(Art art) =>
        art.CurrentPi is { } pi ? [.. art.Cadence.Of(pi).Select(i => i.Number)] : [];
}
