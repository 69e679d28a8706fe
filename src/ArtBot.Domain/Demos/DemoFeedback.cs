using ArtBot.Domain.People;
using ArtBot.Domain.Planning;

namespace ArtBot.Domain.Demos;

/// <summary>
/// One person's feedback on one demo item (<see cref="DemoIds.Feedback"/>: one per item and person; giving it again
/// replaces it, the change goes to its history). Named, not anonymous: the team sees who said what.
/// </summary>
public sealed record DemoFeedback : IPlanItem
{
    public const int MaxComment = 500;

    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string ArtId { get; init; }
    public required string Pi { get; init; }
    public required int Iteration { get; init; }
    public required string DemoId { get; init; }
    public required string TeamConversationId { get; init; }
    public required string ItemId { get; init; }
    public required DemoVerdict Verdict { get; init; }
    public string? Comment { get; init; }
    public required Person By { get; init; }
    /// <summary>The improvement item made from this "needs work", once made (one click: made once).</summary>
    public string? ImprovementItemId { get; init; }
    /// <summary>The feature whose change this "needs work" asked for (its state set back, noted in its history), once done.</summary>
    public string? ChangedFeatureId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? Version { get; init; }
}

public enum DemoVerdict
{
    Accepted,
    NeedsWork,
    NotShown,
}
