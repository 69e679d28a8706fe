using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtBot.Features.Board;

// The program board's API answers and requests (docs/room-api.md, "Program board"): plain records, serialized by BoardJsonContext.

/// <summary>
/// The board of the ART's current PI: iterations as columns, teams as rows (each with its load against capacity), the
/// milestone row, features with each team's part, the dependency strings and the conflicts to act on.
/// </summary>
public sealed record BoardView(
    bool Available, string? Pi, IReadOnlyList<BoardIteration> Iterations, IReadOnlyList<BoardTeam> Teams, IReadOnlyList<BoardMilestone> Milestones,
    IReadOnlyList<BoardFeature> Features, IReadOnlyList<BoardString> Strings, IReadOnlyList<BoardConflict> Conflicts, BoardPermissions Can);

public sealed record BoardIteration(int Number, DateOnly Start, DateOnly End, bool IsIp, bool IsCurrent);

/// <summary>A row of the board. <see cref="InArt"/> false: a team that left the ART but still has features or strings.</summary>
public sealed record BoardTeam(string ConversationId, string Name, bool InArt, IReadOnlyList<BoardLoad> Load);

public sealed record BoardLoad(int Iteration, int? Capacity, int Load, bool Over);

/// <summary>A milestone; <see cref="Iteration"/> is the column its date falls in (null: outside the PI's iterations).</summary>
public sealed record BoardMilestone(string Id, DateOnly Date, string Title, string Kind, int? Iteration);

/// <summary>A feature card. <see cref="Version"/> goes back with a move, so a move made from a stale board is refused.</summary>
public sealed record BoardFeature(
    string Id, string Title, string? Description, int? BusinessValue, double? Wsjf, string State, string? SourceUrl, string? SourceId,
    IReadOnlyList<BoardPart> Parts, IReadOnlyList<string> Objectives, string Version);

/// <summary>A team's part of a feature: the card shown in that team's row, in its iteration's column (null: not planned).</summary>
public sealed record BoardPart(string Team, string TeamName, int? Iteration, int? Points);

/// <summary>
/// A dependency's string, from the providing team (its feature's part, or its commitment) to the needing team. State:
/// onTrack, warning, requested, conflict, delivered, declined, teamLeft, outsidePi; <see cref="Words"/> says it in the
/// reader's language ("3 iterations late").
/// </summary>
public sealed record BoardString(
    string DependencyId, string Text, string FromTeam, string FromTeamName, string? FromFeature, int? FromIteration,
    string ToTeam, string ToTeamName, string? ToFeature, int ToIteration, string State, int IterationsLate, string Words);

/// <summary>A string someone must act on (conflict, declined, a team that left, outside the PI), with what they may do.</summary>
public sealed record BoardConflict(
    string DependencyId, string Text, string State, string Words, string FromTeamName, string ToTeamName, int Needed, int? Committed,
    string? RiskId, IReadOnlyList<int> ProposeIterations);

/// <summary>What the signed-in person may change: the backlog (Product Managers, RTEs) and which teams' parts and capacity.</summary>
public sealed record BoardPermissions(bool KeepBacklog, IReadOnlyList<string> Teams);

/// <summary>Moves a team's part of a feature from an iteration (as the mover saw it; null: not planned) to another (null: unplan).</summary>
public sealed record BoardMove(string FeatureId, string Team, int? From, int? To);

/// <summary>A move refused because the part is no longer where the mover saw it: the feature as it is now.</summary>
public sealed record BoardMoveConflict(string Title, string Detail, BoardFeature Current);

public sealed record BoardCapacity(string Team, int Iteration, int? Points);

public sealed record BoardNewMilestone(DateOnly Date, string Title, string Kind);

public sealed record BoardNewFeature(string Title, string? Description, int? BusinessValue, IReadOnlyList<string> Teams);

/// <summary>Proposes the providing team commits the dependency in another iteration (posted to its channel).</summary>
public sealed record BoardProposal(int Iteration);

public sealed record BoardChange(DateTimeOffset At, string? By, string Field, string? From, string? To);

public sealed record BoardHistory(string FeatureId, IReadOnlyList<BoardChange> Changes);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(BoardView))]
[JsonSerializable(typeof(BoardFeature))]
[JsonSerializable(typeof(BoardTeam))]
[JsonSerializable(typeof(BoardMilestone))]
[JsonSerializable(typeof(BoardMove))]
[JsonSerializable(typeof(BoardMoveConflict))]
[JsonSerializable(typeof(BoardCapacity))]
[JsonSerializable(typeof(BoardNewMilestone))]
[JsonSerializable(typeof(BoardNewFeature))]
[JsonSerializable(typeof(BoardProposal))]
[JsonSerializable(typeof(BoardHistory))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
internal sealed partial class BoardJsonContext : JsonSerializerContext;
