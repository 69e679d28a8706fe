using ArtBot.Domain.Demos;

namespace ArtBot.Features.Demos;

/// <summary>
/// What a team's feedback card shows: the team's part of a demo, every feedback on its items, its integration problems,
/// and the iterations a repair can be due in (the PI's, as numbers).
/// </summary>
public sealed record DemoTeamFeedback(
    DemoTeamAnswer Answer, IReadOnlyList<DemoFeedback> Feedback, IReadOnlyList<IntegrationProblem> Problems, string? RepairPi, IReadOnlyList<int> Iterations);
