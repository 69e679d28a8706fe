namespace ArtBot.Domain.Votes;

/// <summary>A fist-of-five confidence vote, owned by the conversation it was started in.</summary>
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
    public required string CreatorId { get; init; }
    public string? CreatorName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>The id of the shared card's activity, once posted.</summary>
    public string? ActivityId { get; init; }
    public int Round { get; init; } = 1;
    public string? PreviousVoteId { get; init; }

    public bool IsClosed => ClosedAt is not null;
}
