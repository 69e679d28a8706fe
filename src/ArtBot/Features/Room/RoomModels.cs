using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtBot.Features.Room;

// The ART room API's answers (README, "ART room API"): plain records, serialized by RoomJsonContext.

public sealed record RoomContext(string Scope, RoomArt? Art, RoomTeam? Team, IReadOnlyList<RoomTeam> Teams, RoomPerson User, IReadOnlyList<string> Views);

public sealed record RoomArt(string Id, string Name, RoomPi? Pi, IReadOnlyList<RoomIteration> Iterations);

public sealed record RoomPi(string Name, DateOnly Start, DateOnly End);

public sealed record RoomIteration(int Number, DateOnly Start, DateOnly End, bool IsIp);

public sealed record RoomTeam(string ConversationId, string Name);

public sealed record RoomPerson(string Name);

public sealed record OverviewView(bool Available, string? Pi, IReadOnlyList<RoomVote> Votes, RoomSeries Confidence);

public sealed record RoomVote(string? Team, string Scope, string Question, int Round, int Count, double? Average, bool Closed, string Outcome);

/// <summary>Values per label (a PI), one series per team (or status); null where there is no value.</summary>
public sealed record RoomSeries(IReadOnlyList<string> Pis, IReadOnlyList<RoomSeriesLine> Series);

public sealed record RoomSeriesLine(string Name, IReadOnlyList<double?> Values);

public sealed record RisksView(bool Available, IReadOnlyList<RoamColumn> Roam, IReadOnlyList<RoomImpediment> Impediments, IReadOnlyList<string> Teams);

public sealed record RoamColumn(string Status, IReadOnlyList<RoomImpediment> Items);

public sealed record RoomImpediment(string Id, string Title, string? Team, string? Owner, int AgeDays, string Severity, bool Escalated, string Kind, string? Roam);

public sealed record SyncView(bool Available, IReadOnlyList<DateOnly> Weeks, IReadOnlyList<SyncRow> Rows);

public sealed record SyncRow(string Team, IReadOnlyList<string> Cells);

public sealed record ImprovementsView(bool Available, IReadOnlyList<RoomImprovement> Items, RoomSeries ByStatus);

public sealed record RoomImprovement(string Id, string Title, string Status, string? Owner, string? TargetPi, string? SourcePi, string? CarriedFromPi, int AgeDays);

public sealed record PredictabilityView(bool Available, RoomBand Band, IReadOnlyList<RoomPiFigure> Pis);

public sealed record RoomBand(int Low, int High);

public sealed record RoomPiFigure(string Pi, RoomFigure Art, IReadOnlyList<RoomTeamFigure> Teams);

public sealed record RoomFigure(int? Percent, int Planned, int Actual);

public sealed record RoomTeamFigure(string Team, int? Percent, int Planned, int Actual);

/// <summary>The I&amp;A quantitative review: the PIs (oldest first) and each measure's figures in them; <c>scope</c> "art" or "team".</summary>
public sealed record ReviewView(bool Available, string Scope, IReadOnlyList<string> Pis, IReadOnlyList<RoomMeasure> Measures);

/// <summary>
/// One measure: its key, unit (<c>percent</c>, <c>count</c>, <c>days</c>, <c>score</c>), whether teams have figures of their own,
/// the latest PI's trend (<c>up</c>, <c>down</c>, <c>same</c>, <c>none</c>; the team's in a team's channel) and a point per PI.
/// </summary>
public sealed record RoomMeasure(string Key, string Unit, bool TeamFigures, string Trend, IReadOnlyList<RoomMeasurePoint> Points);

/// <summary>A measure in one PI: the ART's value (null: no data) and sample; the team's in a team's channel; the spread in the ART's.</summary>
public sealed record RoomMeasurePoint(string Pi, double? Art, int ArtSample, double? Team, int? TeamSample, RoomSpread? Spread);

/// <summary>The spread across the teams with a value: how many, the lowest, median and highest (no team named).</summary>
public sealed record RoomSpread(int Teams, double? Lowest, double? Median, double? Highest);

/// <summary>
/// The System Demos of one PI (<c>pi</c>; the current one unless asked), oldest first, and the PIs that have demos. In a
/// team's channel only that team's items and problems.
/// </summary>
public sealed record DemosView(bool Available, string? Pi, IReadOnlyList<string> Pis, IReadOnlyList<RoomDemo> Demos);

/// <summary>One iteration's System Demo: when (the ART's time zone), whether skipped, what the teams showed, the teams with nothing to show, and the integration problems.</summary>
public sealed record RoomDemo(
    int Iteration, DateOnly Date, string Time, bool Skipped, IReadOnlyList<RoomDemoItem> Items, IReadOnlyList<string> NothingToShow, IReadOnlyList<RoomIntegrationProblem> Problems);

/// <summary>An item a team showed (<c>kind</c>: <c>feature</c>, <c>objective</c>, <c>text</c>), its verdicts counted, and each person's feedback.</summary>
public sealed record RoomDemoItem(
    string Team, string Kind, string Title, string? Presenter, int Accepted, int NeedsWork, int NotShown, IReadOnlyList<RoomDemoFeedback> Feedback);

/// <summary>One person's feedback (<c>verdict</c>: <c>accepted</c>, <c>needsWork</c>, <c>notShown</c>) and the day it was last given.</summary>
public sealed record RoomDemoFeedback(string By, string Verdict, string? Comment, DateOnly Given);

/// <summary>
/// An integration problem found in the demo (<c>status</c>: <c>open</c>, <c>planned</c> when it has its root cause and repair
/// plan, <c>repaired</c>); team and item null when raised on the demo as a whole.
/// </summary>
public sealed record RoomIntegrationProblem(
    string? Team, string? Item, string WhatFailed, string Status, string? RootCause, string? Owner, int? DueIteration, string? DuePi, DateOnly Raised, DateOnly? Repaired);

public sealed record DependenciesView(bool Available, IReadOnlyList<RoomIteration> Iterations, IReadOnlyList<string> Teams, IReadOnlyList<RoomDependency> Items);

public sealed record RoomDependency(string Id, string Text, string From, string To, int NeededBy, int? Committed, string Status, string? Why);

public sealed record MineView(
    IReadOnlyList<RoomImpediment> Impediments, IReadOnlyList<RoomImpediment> Risks, IReadOnlyList<RoomImprovement> Improvements, IReadOnlyList<RoomDependency> Dependencies);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RoomContext))]
[JsonSerializable(typeof(OverviewView))]
[JsonSerializable(typeof(RisksView))]
[JsonSerializable(typeof(SyncView))]
[JsonSerializable(typeof(ImprovementsView))]
[JsonSerializable(typeof(PredictabilityView))]
[JsonSerializable(typeof(ReviewView))]
[JsonSerializable(typeof(DemosView))]
[JsonSerializable(typeof(DependenciesView))]
[JsonSerializable(typeof(MineView))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
internal sealed partial class RoomJsonContext : JsonSerializerContext;
