namespace ArtBot.Domain.Improvements;

/// <summary>The dots one participant placed: at most one per problem, at most the workshop's allowance.</summary>
public sealed record ParticipantDots(string ParticipantId, string? Name, IReadOnlyList<string> ProblemIds)
{
    public int Remaining(int allowance) => Math.Max(0, allowance - ProblemIds.Count);
}
