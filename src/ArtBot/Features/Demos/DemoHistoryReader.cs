using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Planning;

namespace ArtBot.Features.Demos;

/// <summary>Every System Demo of an ART with the teams' answers, the feedback and the integration problems (all PIs).</summary>
public sealed record DemoHistory(
    IReadOnlyList<SystemDemo> Demos, IReadOnlyList<DemoTeamAnswer> Answers, IReadOnlyList<DemoFeedback> Feedback, IReadOnlyList<IntegrationProblem> Problems);

/// <summary>Reads an ART's <see cref="DemoHistory"/>: one read per kind of row, side by side (the room's System Demo view and its CSV).</summary>
public sealed class DemoHistoryReader(
    IPlanStore<SystemDemo> demos, IPlanStore<DemoTeamAnswer> answers, IPlanStore<DemoFeedback> feedback, IPlanStore<IntegrationProblem> problems)
{
    public async Task<DemoHistory> ReadAsync(Art art, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(art);
        var demoList = demos.ListAsync(art.TenantId, art.Id, cancellationToken);
        var answerList = answers.ListAsync(art.TenantId, art.Id, cancellationToken);
        var feedbackList = feedback.ListAsync(art.TenantId, art.Id, cancellationToken);
        var problemList = problems.ListAsync(art.TenantId, art.Id, cancellationToken);
        await Task.WhenAll(demoList, answerList, feedbackList, problemList);
        return new DemoHistory(await demoList, await answerList, await feedbackList, await problemList);
    }
}
