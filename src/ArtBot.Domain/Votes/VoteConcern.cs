namespace ArtBot.Domain.Votes;

/// <summary>
/// A concern voiced on a vote (by voters of 1 or 2). <see cref="AuthorName"/> is null when the vote is anonymous.
/// <see cref="RiskId"/> is set once it was raised as a risk to ROAM.
/// </summary>
public sealed record VoteConcern(string Text, string? AuthorName)
{
    public string Id { get; init; } = "";
    public string? RiskId { get; init; }
}
