using ArtBot.Domain.People;

namespace ArtBot.Domain.Planning;

/// <summary>
/// A dependency between two teams of an ART in a PI (a string on PI Planning's program board): the requesting team
/// needs something from the providing team by an iteration. The providing team commits to an iteration, declines with
/// a reason, or marks it delivered. <see cref="Version"/> is the store's concurrency token.
/// </summary>
public sealed record Dependency : IPlanItem
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string ArtId { get; init; }
    public required string Pi { get; init; }
    public DateOnly PiStart { get; init; }
    public required string Text { get; init; }
    public required string RequesterConversationId { get; init; }
    public required string RequesterTeamName { get; init; }
    public required string ProviderConversationId { get; init; }
    public required string ProviderTeamName { get; init; }
    /// <summary>The iteration (number in the PI) by which the requesting team needs it.</summary>
    public required int NeededBy { get; init; }
    /// <summary>The iteration the providing team committed to; null until it commits.</summary>
    public int? CommittedIteration { get; init; }
    /// <summary>The requesting team's objective it serves, if linked.</summary>
    public string? ObjectiveId { get; init; }
    /// <summary>The requesting team's feature that needs it (its part's iteration is when it is needed), if tied.</summary>
    public string? RequesterFeatureId { get; init; }
    /// <summary>The providing team's feature that delivers it (its part's iteration is when it comes), if tied.</summary>
    public string? ProviderFeatureId { get; init; }
    /// <summary>As stored: requested, committed, at risk (committed late), delivered or declined.</summary>
    public DependencyStatus Status { get; init; } = DependencyStatus.Requested;
    public string? DeclineReason { get; init; }
    /// <summary>The risk raised for it (an impediment of kind risk), once.</summary>
    public string? RiskId { get; init; }
    public required Person RequestedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? Version { get; init; }

    public bool IsClosed => Status is DependencyStatus.Delivered or DependencyStatus.Declined;

    /// <summary>The iteration it should arrive in: the committed one, else the needed one.</summary>
    public int DueIteration => CommittedIteration ?? NeededBy;
}
