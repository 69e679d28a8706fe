using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtBot.Features.Meetings;

/// <summary><c>GET /api/meeting/context</c>: the meeting's ART, what the caller may do, and its votes.</summary>
public sealed record MeetingContext(
    string MeetingId,
    bool Linked,
    string? ArtName,
    string? TeamName,
    IReadOnlyList<string> Teams,
    bool CanStartArtVote,
    string? Role,
    bool CanStart,
    string? RoleNote,
    IReadOnlyList<LinkableArt>? Linkable,
    IReadOnlyList<LiveVote> Votes);

/// <summary>An ART a private meeting can be linked to, with its teams.</summary>
public sealed record LinkableArt(string ArtId, string ArtName, IReadOnlyList<string> Teams);

/// <summary>A vote as the side panel, the stage and the bubble show it.</summary>
public sealed record LiveVote
{
    public required string VoteId { get; init; }
    public required string Question { get; init; }
    public required string Scope { get; init; }
    public string? TeamName { get; init; }
    public int Round { get; init; }
    public bool Anonymous { get; init; }
    public bool HideResults { get; init; }
    public bool Open { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public DateTimeOffset ServerTime { get; init; }
    public int Voted { get; init; }
    /// <summary>People in the meeting now (join and leave events); null when Teams sent none.</summary>
    public int? InMeeting { get; init; }
    /// <summary>Ballots per value 1..5; null while the vote hides its results.</summary>
    public IReadOnlyList<int>? Distribution { get; init; }
    public double? Average { get; init; }
    public string? Verdict { get; init; }
    public bool? Confident { get; init; }
    public int? Mine { get; init; }
    public bool CanManage { get; init; }
    public IReadOnlyList<LiveConcern>? Concerns { get; init; }
    public string? NextVoteId { get; init; }
}

/// <summary>A concern voiced on a vote (shown to those who manage it) and the risk it became, if any.</summary>
public sealed record LiveConcern(string ConcernId, string Text, string? Author, string? RiskId);

/// <summary><c>POST /api/meeting/link</c>.</summary>
public sealed record LinkRequest(string? Meeting, string? Chat, string? ArtId, string? Team);

/// <summary><c>POST /api/meeting/votes</c>.</summary>
public sealed record StartVoteRequest(string? Meeting, string? Chat, string? Scope, string? Team, string? Question, bool Anonymous, bool HideResults, int? Minutes);

/// <summary><c>POST /api/meeting/votes/{voteId}/ballot</c>.</summary>
public sealed record BallotRequest(int? Value);

/// <summary><c>POST /api/meeting/votes/{voteId}/concerns</c>.</summary>
public sealed record ConcernRequest(string? Text);

/// <summary>The concern stored.</summary>
public sealed record ConcernCreated(string ConcernId);

/// <summary>The risk a concern became.</summary>
public sealed record RiskRaised(string RiskId, string Title);

/// <summary>The meeting API's JSON (source-generated).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(MeetingContext))]
[JsonSerializable(typeof(LiveVote))]
[JsonSerializable(typeof(LinkRequest))]
[JsonSerializable(typeof(StartVoteRequest))]
[JsonSerializable(typeof(BallotRequest))]
[JsonSerializable(typeof(ConcernRequest))]
[JsonSerializable(typeof(ConcernCreated))]
[JsonSerializable(typeof(RiskRaised))]
public sealed partial class MeetingJsonContext : JsonSerializerContext;
