namespace ArtBot.Domain.Votes;

/// <summary>Votes, their ballots and the per-conversation index.</summary>
public interface IVoteStore
{
    /// <summary>Stores a new vote and its index row; false when a vote with this id exists (a redelivery).</summary>
    Task<bool> CreateAsync(Vote vote, CancellationToken cancellationToken);

    Task SetActivityIdAsync(string voteId, string activityId, CancellationToken cancellationToken);

    Task<Vote?> GetAsync(string voteId, CancellationToken cancellationToken);

    /// <summary>Writes (or replaces) the voter's ballot: one write, idempotent per voter.</summary>
    Task CastAsync(Vote vote, string voterId, string? voterName, int value, CancellationToken cancellationToken);

    /// <summary>The voter's current ballot value, if any.</summary>
    Task<int?> GetBallotAsync(Vote vote, string voterId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ballot>> GetBallotsAsync(string voteId, CancellationToken cancellationToken);

    /// <summary>Stores a concern; <paramref name="concernId"/> makes a redelivery idempotent. No author on anonymous votes.</summary>
    Task AddConcernAsync(Vote vote, string concernId, string text, string? authorName, CancellationToken cancellationToken);

    Task<IReadOnlyList<VoteConcern>> GetConcernsAsync(string voteId, CancellationToken cancellationToken);

    /// <summary>Closes the vote; false when it was already closed. Records the final tally on the index row.</summary>
    Task<bool> CloseAsync(Vote vote, DateTimeOffset closedAt, VoteTally finalTally, CancellationToken cancellationToken);

    /// <summary>The votes of a conversation, newest first, with the final tally of closed ones.</summary>
    Task<IReadOnlyList<VoteSummary>> ListAsync(string tenantId, string conversationId, int max, CancellationToken cancellationToken);
}

/// <summary>One line of a conversation's vote history.</summary>
public sealed record VoteSummary(string VoteId, string Question, bool Anonymous, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, VoteTally? FinalTally);
