using Azure.Data.Tables;
using ArtBot.Domain.Votes;
using Azure;

namespace ArtBot.Storage.Votes;

/// <summary>The <c>meta</c> row of a vote in the <c>votes</c> table (PK vote id).</summary>
public sealed class VoteEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = VoteStore.MetaRowKey;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string TenantId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string PostedConversationId { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string Question { get; set; } = "";
    public bool Anonymous { get; set; }
    public bool HideResults { get; set; }
    /// <summary>Key of the voter hashes of an anonymous vote; removed when the vote closes.</summary>
    public string? Salt { get; set; }
    public string CreatorId { get; set; } = "";
    public string? CreatorChannelId { get; set; }
    public string? CreatorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int? DurationMinutes { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ActivityId { get; set; }
    public int Round { get; set; } = 1;
    public string? PreviousVoteId { get; set; }
    public string? ArtId { get; set; }
    public string? PiName { get; set; }
    public string Scope { get; set; } = nameof(VoteScope.Team);
    public string? TeamName { get; set; }
    /// <summary>The PI objectives the vote is on, as the card states them; absent on older rows.</summary>
    public string? Commitment { get; set; }
    /// <summary>The Teams meeting the vote was started in; absent on other votes.</summary>
    public string? MeetingId { get; set; }
    /// <summary>The shared card's language and time zone; absent on older rows.</summary>
    public string? Language { get; set; }
    public string? TimeZone { get; set; }
    /// <summary>The row key of this vote's <c>voteindex</c> row.</summary>
    public string IndexRowKey { get; set; } = "";

    /// <summary>Set by the second step of a close: the frozen tally and the receipts it counted.</summary>
    public int? FinalCount { get; set; }
    public double? FinalAverage { get; set; }
    public string? FinalDistribution { get; set; }
    public string? FinalCounted { get; set; }
}

/// <summary>
/// A ballot row (PK vote id, RK <see cref="VoterKeys.RowKey"/>). Anonymous ballots hold only the value; named ones
/// also the voter's id, Teams id and name.
/// </summary>
public sealed class BallotEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Value { get; set; }
    public string? VoterName { get; set; }
    public string? VoterId { get; set; }
    public string? ChannelUserId { get; set; }
}

/// <summary>A row of the <c>voteindex</c> table: PK tenant|conversation (encoded), RK inverted time + vote id.</summary>
public sealed class VoteIndexEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string VoteId { get; set; } = "";
    public string Question { get; set; } = "";
    public bool Anonymous { get; set; }
    public bool HideResults { get; set; }
    public int Round { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Set on the ART's rows (PK tenant|art|id): where the vote ran and for which PI and team.</summary>
    public string? ConversationId { get; set; }
    public string? PiName { get; set; }
    public string? Scope { get; set; }
    public string? TeamName { get; set; }
    public int? FinalCount { get; set; }
    public double? FinalAverage { get; set; }
    public string? FinalDistribution { get; set; }
}

/// <summary>A row of the <c>votedue</c> table: PK <c>due</c>, RK deadline ticks + vote id, so due votes are a range query.</summary>
public sealed class DueVoteEntity : ITableEntity
{
    public string PartitionKey { get; set; } = VoteStore.DuePartitionKey;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string VoteId { get; set; } = "";
    public DateTimeOffset Deadline { get; set; }
}
