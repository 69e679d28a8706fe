using ArtBot.Domain.Text;

namespace ArtBot.Domain.Votes;

/// <summary>
/// A fist-of-five confidence vote, owned by the conversation it was started in and, when that conversation belongs
/// to an ART, by the ART and its PI at the time (for the PI roll-up).
/// </summary>
public sealed record Vote
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    /// <summary>The conversation without a channel thread suffix.</summary>
    public required string ConversationId { get; init; }
    /// <summary>Where the vote card was posted (the thread when started in one).</summary>
    public required string PostedConversationId { get; init; }
    public required string ServiceUrl { get; init; }
    public required string Question { get; init; }
    public bool Anonymous { get; init; }
    /// <summary>Voters see only their own choice and the number of ballots until the vote closes.</summary>
    public bool HideResults { get; init; }
    public required string CreatorId { get; init; }
    /// <summary>The creator's Teams user id (<c>29:</c>), for the card's user-specific refresh.</summary>
    public string? CreatorChannelId { get; init; }
    public string? CreatorName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>How long the vote runs when it has a deadline (kept for the next round).</summary>
    public int? DurationMinutes { get; init; }
    /// <summary>When the vote closes by itself, if it has a deadline.</summary>
    public DateTimeOffset? Deadline { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>The id of the shared card's activity, once posted.</summary>
    public string? ActivityId { get; init; }
    public int Round { get; init; } = 1;
    /// <summary>The ART of the conversation when the vote started, and its PI then; null outside an ART.</summary>
    public string? ArtId { get; init; }
    public string? PiName { get; init; }
    /// <summary>A team's vote on its PI objectives, or the whole ART's vote.</summary>
    public VoteScope Scope { get; init; } = VoteScope.Team;
    /// <summary>The team's name in its ART (team votes in an ART).</summary>
    public string? TeamName { get; init; }
    /// <summary>What the team (or the ART) commits to as the vote starts: "5 committed objectives, planned business value 38".</summary>
    public string? Commitment { get; init; }
    public string? PreviousVoteId { get; init; }
    /// <summary>The language and zone of the shared card (the ART's, else the creator's); null on votes stored before.</summary>
    public CardLocale? Locale { get; init; }
    /// <summary>The Teams meeting the vote was started in (its side panel), if any: closed when the meeting ends.</summary>
    public string? MeetingId { get; init; }

    public bool IsClosed => ClosedAt is not null;

    /// <summary>True when the distribution and average may be shown (always once closed).</summary>
    public bool ShowsResults => IsClosed || !HideResults;
}
