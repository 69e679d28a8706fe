using ArtBot.Domain.People;

namespace ArtBot.Domain.Planning;

/// <summary>A date on the program board's milestone row: a release, an event (a trade show, an audit) or an external date.</summary>
public sealed record Milestone : IPlanItem
{
    public const int MaxTitle = 120;

    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string ArtId { get; init; }
    public required string Pi { get; init; }
    public DateOnly PiStart { get; init; }
    public required DateOnly Date { get; init; }
    public required string Title { get; init; }
    public MilestoneKind Kind { get; init; } = MilestoneKind.Release;
    /// <summary>Taken off the board (kept for its history).</summary>
    public bool Removed { get; init; }
    public required Person CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? Version { get; init; }
}

public enum MilestoneKind
{
    Release,
    Event,
    External,
}
