namespace ArtBot.Domain.Votes;

/// <summary>One stored ballot. <see cref="VoterName"/> is null for anonymous votes.</summary>
public sealed record Ballot(int Value, string? VoterName);
