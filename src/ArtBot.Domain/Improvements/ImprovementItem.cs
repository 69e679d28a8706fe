namespace ArtBot.Domain.Improvements;

/// <summary>
/// An improvement item: a problem the ART chose to fix, with an owner, the PI it is targeted at, the outcome expected
/// and a status. <see cref="Version"/> is the store's concurrency token: an update from a stale copy is refused.
/// </summary>
public sealed record ImprovementItem
{
    public required string Id { get; init; }
    public required ImprovementScope Scope { get; init; }
    public required string Title { get; init; }
    public required string Problem { get; init; }
    /// <summary>Root-cause notes: the answers to "why?" (5 whys), in order.</summary>
    public IReadOnlyList<string> Whys { get; init; } = [];
    /// <summary>The owner's Entra object id (else Teams user id).</summary>
    public string? OwnerId { get; init; }
    public string? OwnerName { get; init; }
    /// <summary>The owner's Teams user id (<c>29:</c>), for a 1:1 reminder.</summary>
    public string? OwnerTeamsId { get; init; }
    /// <summary>The PI the item should be done in; null until a PI follows the workshop.</summary>
    public string? TargetPi { get; init; }
    /// <summary>The PI whose Inspect &amp; Adapt produced the item.</summary>
    public string? SourcePi { get; init; }
    /// <summary>The PI the item was carried over from, when it was not finished there.</summary>
    public string? CarriedFromPi { get; init; }
    public string? ExpectedOutcome { get; init; }
    public ImprovementStatus Status { get; init; } = ImprovementStatus.Proposed;
    public IReadOnlyList<string> ImpedimentIds { get; init; } = [];
    public string? WorkshopId { get; init; }
    public int Dots { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? Version { get; init; }

    public bool IsOpen => ImprovementRules.IsOpen(Status);
}
