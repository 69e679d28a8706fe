using ArtBot.Domain.People;

namespace ArtBot.Domain.Planning;

/// <summary>
/// A feature of the ART backlog for a PI, kept by the ART's Product Managers: typed in ArtBot or read from Azure DevOps
/// Boards (<see cref="Source"/>). Each team involved has its part (<see cref="Parts"/>), placed in an iteration of the PI
/// by that team. <see cref="Version"/> is the store's concurrency token: a move from a stale copy is refused.
/// </summary>
public sealed record Feature : IPlanItem
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 2000;
    public const int MaxParts = 12;

    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string ArtId { get; init; }
    public required string Pi { get; init; }
    public DateOnly PiStart { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>The business value Product Management gives it, 1 to 10.</summary>
    public int? BusinessValue { get; init; }
    /// <summary>The four inputs of its WSJF score, when Product Management rates it that way.</summary>
    public Wsjf? Wsjf { get; init; }
    public FeatureState State { get; init; } = FeatureState.Backlog;
    /// <summary>Each involved team's part: where that team planned it and how big it is.</summary>
    public IReadOnlyList<FeaturePart> Parts { get; init; } = [];
    /// <summary>The work item it was read from; null for a feature typed in ArtBot.</summary>
    public FeatureSource? Source { get; init; }
    public required Person CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? Version { get; init; }

    public FeaturePart? PartOf(string teamConversationId) =>
        Parts.FirstOrDefault(p => string.Equals(p.TeamConversationId, teamConversationId, StringComparison.Ordinal));
}

/// <summary>A team's part of a feature: the iteration it is planned in (null: not yet planned) and its size in points.</summary>
public sealed record FeaturePart(string TeamConversationId, string TeamName, int? Iteration, int? Points);

/// <summary>Where a feature stands in the PI.</summary>
public enum FeatureState
{
    /// <summary>In the ART backlog, not yet planned by every team involved.</summary>
    Backlog,
    /// <summary>Every part placed in an iteration.</summary>
    Planned,
    InProgress,
    Done,
    /// <summary>Taken out of the PI (kept for its history).</summary>
    Removed,
}

/// <summary>
/// Weighted Shortest Job First: cost of delay (user-business value + time criticality + risk reduction or opportunity
/// enablement) divided by job size, each input on SAFe's modified Fibonacci scale (1, 2, 3, 5, 8, 13, 20).
/// </summary>
public sealed record Wsjf(int BusinessValue, int TimeCriticality, int RiskReduction, int JobSize)
{
    public static readonly IReadOnlyList<int> Scale = [1, 2, 3, 5, 8, 13, 20];

    public bool IsValid => Scale.Contains(BusinessValue) && Scale.Contains(TimeCriticality) && Scale.Contains(RiskReduction) && Scale.Contains(JobSize);

    public int CostOfDelay => BusinessValue + TimeCriticality + RiskReduction;

    /// <summary>Cost of delay / job size, rounded to one decimal.</summary>
    public double Score => Math.Round(CostOfDelay / (double)Math.Max(1, JobSize), 1, MidpointRounding.AwayFromZero);
}

/// <summary>The external work item a feature mirrors: its system (<c>azure-devops</c>), id, revision and address.</summary>
public sealed record FeatureSource(string System, string WorkItemId, int Revision, Uri Url, DateTimeOffset ReadAt);
