using ArtBot.Domain.Text;

namespace ArtBot.Domain.Improvements;

/// <summary>
/// An Inspect &amp; Adapt problem-solving workshop: people add problems and dot-vote on them; when voting closes the
/// top problems become improvement items. Owned by the conversation it was started in.
/// </summary>
public sealed record Workshop
{
    public required string Id { get; init; }
    public required ImprovementScope Scope { get; init; }
    /// <summary>The conversation without a channel thread suffix.</summary>
    public required string ConversationId { get; init; }
    /// <summary>Where the workshop card was posted (the thread when started in one).</summary>
    public required string PostedConversationId { get; init; }
    public required string ServiceUrl { get; init; }
    /// <summary>The PI being inspected (the ART's current PI); null when there is none.</summary>
    public string? Pi { get; init; }
    /// <summary>Dots each participant may spend.</summary>
    public int DotsPerPerson { get; init; } = DotRules.DefaultDots;
    public required string StarterId { get; init; }
    public string? StarterName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? ClosedByName { get; init; }
    /// <summary>The id of the shared card's activity, once posted.</summary>
    public string? ActivityId { get; init; }
    /// <summary>The language and zone of the shared card (the ART's, else the starter's); null on older rows.</summary>
    public CardLocale? Locale { get; init; }
    /// <summary>Last PI's improvement items as they stood when the workshop opened (shown before new problems).</summary>
    public IReadOnlyList<ReviewedItem> Review { get; init; } = [];
    /// <summary>Set when closed: the ids of the problems that became improvement items.</summary>
    public IReadOnlyList<string> SelectedProblemIds { get; init; } = [];

    public bool IsClosed => ClosedAt is not null;
}

/// <summary>One of last PI's improvement items as shown at the start of a workshop.</summary>
public sealed record ReviewedItem(string ItemId, string Title, ImprovementStatus Status, string? OwnerName, string? Outcome, string? CarriedFromPi);
