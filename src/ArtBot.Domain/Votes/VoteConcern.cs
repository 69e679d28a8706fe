namespace ArtBot.Domain.Votes;

/// <summary>A concern voiced on a vote (by voters of 1 or 2). <see cref="AuthorName"/> is null when the vote is anonymous.</summary>
public sealed record VoteConcern(string Text, string? AuthorName);
