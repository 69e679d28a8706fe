using ArtBot.Domain.People;
using ArtBot.Domain.Planning;

namespace ArtBot.Domain.Demos;

/// <summary>
/// What failed when the increment was shown integrated (a feature that broke another team's, a degraded response time):
/// recorded from a demo item, later given its root cause and repair plan (owner, due iteration), repaired. Open ones are
/// listed in the ART sync summary and offered to the next I&amp;A workshop's problem list. Learning, not blame: it names the
/// team that showed the item, not a culprit.
/// </summary>
public sealed record IntegrationProblem : IPlanItem
{
    public const int MaxText = 500;

    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string ArtId { get; init; }
    public required string Pi { get; init; }
    /// <summary>The iteration whose demo showed it.</summary>
    public required int Iteration { get; init; }
    public required string DemoId { get; init; }
    /// <summary>The demo item it was found on; null when raised on the demo as a whole.</summary>
    public string? ItemId { get; init; }
    public string? ItemTitle { get; init; }
    /// <summary>The team that showed the item (whose channel hears about it); null on the demo as a whole.</summary>
    public string? TeamConversationId { get; init; }
    public string? TeamName { get; init; }
    public required string WhatFailed { get; init; }
    public string? RootCause { get; init; }
    public Person? RepairOwner { get; init; }
    /// <summary>The iteration (of <see cref="RepairPi"/>, else of <see cref="Pi"/>) the repair is due in.</summary>
    public int? RepairDueIteration { get; init; }
    public string? RepairPi { get; init; }
    public DateTimeOffset? RepairedAt { get; init; }
    /// <summary>The I&amp;A workshop it was offered to as a problem, once offered (offered once).</summary>
    public string? OfferedToWorkshopId { get; init; }
    public required Person RaisedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? Version { get; init; }

    public bool IsOpen => RepairedAt is null;

    public bool HasRepairPlan => RootCause is { Length: > 0 } && RepairOwner is not null && RepairDueIteration is not null;
}
