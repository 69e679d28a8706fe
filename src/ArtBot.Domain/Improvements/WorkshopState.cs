namespace ArtBot.Domain.Improvements;

/// <summary>Everything a workshop card shows: the workshop, its problems (in the order added) and every participant's dots.</summary>
public sealed record WorkshopState(Workshop Workshop, IReadOnlyList<WorkshopProblem> Problems, IReadOnlyList<ParticipantDots> Participants)
{
    /// <summary>The problems ranked by dots (ties: first added first).</summary>
    public IReadOnlyList<RankedProblem> Ranking => DotRules.Rank(Problems, Participants);

    public ParticipantDots? Of(string? participantId) =>
        participantId is null ? null : Participants.FirstOrDefault(p => string.Equals(p.ParticipantId, participantId, StringComparison.Ordinal));
}

/// <summary>A problem with its dot count and rank (1 = most dots).</summary>
public sealed record RankedProblem(WorkshopProblem Problem, int Dots, int Rank);
