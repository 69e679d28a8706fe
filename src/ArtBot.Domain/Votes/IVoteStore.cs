namespace ArtBot.Domain.Votes;

/// <summary>Votes, their ballots, the per-conversation index and the index of due deadlines.</summary>
public interface IVoteStore
{
    /// <summary>Stores a new vote, its index row and its deadline row; false when a vote with this id exists (a redelivery).</summary>
    Task<bool> CreateAsync(Vote vote, CancellationToken cancellationToken);

    Task SetActivityIdAsync(string voteId, string activityId, CancellationToken cancellationToken);

    /// <summary>The vote's meta row only (one point read).</summary>
    Task<Vote?> GetAsync(string voteId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes (or replaces) the voter's ballot: one unconditional write, idempotent per voter. Returns the receipt of
    /// the version written (compare with <see cref="VoteFinal.Counted"/>). <paramref name="channelUserId"/> (the Teams
    /// user id) and <paramref name="voterName"/> are stored for named votes only.
    /// </summary>
    Task<string> CastAsync(Vote vote, string voterId, string? voterName, string? channelUserId, int value, CancellationToken cancellationToken);

    /// <summary>The voter's current ballot value, if any.</summary>
    Task<int?> GetBallotAsync(Vote vote, string voterId, CancellationToken cancellationToken);

    /// <summary>The vote with its ballots, concerns and final result, in one partition query.</summary>
    Task<VoteState?> ReadStateAsync(string voteId, CancellationToken cancellationToken);

    /// <summary>Stores a concern; <paramref name="concernId"/> makes a redelivery idempotent. No author on anonymous votes.</summary>
    Task AddConcernAsync(Vote vote, string concernId, string text, string? authorName, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the private concern prompt of a voter who gave a 1 or 2 (keyed like the voter's ballot, so an anonymous
    /// vote keeps no readable voter id): true once per voter and vote, for the one caller that then sends it.
    /// </summary>
    Task<bool> ClaimConcernPromptAsync(Vote vote, string voterId, CancellationToken cancellationToken);

    /// <summary>Records that a concern was raised as a risk (the impediments store's id).</summary>
    Task MarkConcernRaisedAsync(string voteId, string concernId, string riskId, CancellationToken cancellationToken);

    /// <summary>
    /// First step of a close: marks the vote closed (ETag-guarded, so exactly one caller ever gets true). Ballots are
    /// not counted yet; <see cref="FinishCloseAsync"/> freezes the result.
    /// </summary>
    Task<bool> BeginCloseAsync(string voteId, DateTimeOffset closedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Second step of a close (idempotent; any instance may run it, e.g. after a crash): reads the ballots of a
    /// vote already marked closed, stores the final tally with the receipts it counted (ETag-guarded: the first
    /// writer wins, others return its result) and records it on the history row.
    /// </summary>
    Task<VoteState> FinishCloseAsync(string voteId, CancellationToken cancellationToken);

    /// <summary>The votes of a conversation, newest first, with the final tally of closed ones.</summary>
    Task<IReadOnlyList<VoteSummary>> ListAsync(string tenantId, string conversationId, int max, CancellationToken cancellationToken);

    /// <summary>The votes of every conversation of an ART (team and ART votes), newest first: the PI roll-up.</summary>
    Task<IReadOnlyList<VoteSummary>> ListForArtAsync(string tenantId, string artId, int max, CancellationToken cancellationToken);

    /// <summary>Votes whose deadline is at or before <paramref name="now"/> and not yet handled (a cheap range query).</summary>
    Task<IReadOnlyList<DueVote>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Removes a deadline row once its vote's close is complete.</summary>
    Task RemoveDueAsync(DueVote dueVote, CancellationToken cancellationToken);
}

/// <summary>One line of a conversation's vote history.</summary>
public sealed record VoteSummary(string VoteId, string Question, bool Anonymous, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, VoteTally? FinalTally)
{
    public int Round { get; init; } = 1;
    public bool HideResults { get; init; }
    public string? PiName { get; init; }
    public VoteScope Scope { get; init; } = VoteScope.Team;
    public string? TeamName { get; init; }
    public string? ConversationId { get; init; }
}

/// <summary>A vote whose deadline has passed.</summary>
public sealed record DueVote(string VoteId, DateTimeOffset Deadline);
