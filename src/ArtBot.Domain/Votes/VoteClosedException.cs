namespace ArtBot.Domain.Votes;

/// <summary>A ballot could not be written because the vote is closed (or unknown).</summary>
public sealed class VoteClosedException(string voteId) : InvalidOperationException($"Vote {voteId} is closed or unknown; its ballots cannot be changed.")
{
    public string VoteId { get; } = voteId;
}
