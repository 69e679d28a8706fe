using ArtBot.Domain.People;

namespace ArtBot.Domain.Planning;

/// <summary>
/// A team's PI objective: what the team plans to deliver in a PI, committed or uncommitted (a stretch objective), with
/// the business value its Business Owners planned (1 to 10) and, at the end of the PI, the value they rate as actually
/// delivered (0 to 10). <see cref="Version"/> is the store's concurrency token: an update from a stale copy is refused.
/// </summary>
public sealed record PiObjective : IPlanItem
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string ArtId { get; init; }
    /// <summary>The team's channel (no thread suffix): the team's identity in its ART.</summary>
    public required string TeamConversationId { get; init; }
    public required string TeamName { get; init; }
    public required string Pi { get; init; }
    /// <summary>The PI's first day, so PIs sort in time order (their names are people's text).</summary>
    public DateOnly PiStart { get; init; }
    public required string Text { get; init; }
    /// <summary>False: an uncommitted (stretch) objective; its planned value is not in the predictability's denominator.</summary>
    public bool Committed { get; init; } = true;
    public int? PlannedValue { get; init; }
    public int? ActualValue { get; init; }
    /// <summary>The features of the ART backlog this objective covers.</summary>
    public IReadOnlyList<string> FeatureIds { get; init; } = [];
    public required Person CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? Version { get; init; }
}
