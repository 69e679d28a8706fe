using ArtBot.Domain.Text;
using ArtBot.Domain.People;

namespace ArtBot.Domain.Impediments;

/// <summary>
/// An impediment or risk raised in a Teams conversation. It belongs to a scope: the team (all channels of a team
/// share one list) or, outside teams, the chat. <see cref="ArtId"/> stays null until the team belongs to an ART.
/// </summary>
public sealed record Impediment
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }

    /// <summary>What the lists are kept by: the team id for a team's channels, else the chat's conversation id.</summary>
    public required string ScopeId { get; init; }

    /// <summary>The channel or chat it was raised in (without a thread suffix).</summary>
    public required string ConversationId { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    public string? ArtId { get; init; }

    public ImpedimentKind Kind { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public Severity Severity { get; init; } = Severity.Medium;

    /// <summary>Null until someone ROAMs it.</summary>
    public RoamStatus? Roam { get; init; }
    public Person? Owner { get; init; }
    public required Person RaisedBy { get; init; }
    public DateTimeOffset RaisedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? ResolutionNote { get; init; }
    public DateTimeOffset? EscalatedAt { get; init; }
    public Person? EscalatedBy { get; init; }

    public required ImpedimentSource Source { get; init; }

    /// <summary>Where its card was posted: service URL, conversation (the thread when raised in one) and activity id.</summary>
    public string? ServiceUrl { get; init; }
    public string? PostedConversationId { get; init; }
    public string? ActivityId { get; init; }
    /// <summary>The language and zone of the shared card (the ART's, else the raiser's); null on older rows.</summary>
    public CardLocale? Locale { get; init; }

    /// <summary>Number of history entries stored (the next entry's sequence number is this plus one).</summary>
    public int HistoryCount { get; init; }

    /// <summary>The history, oldest first, when read with it (empty in lists).</summary>
    public IReadOnlyList<ImpedimentHistoryEntry> History { get; init; } = [];

    /// <summary>The storage version for optimistic concurrency (an ETag); null for an impediment not stored yet.</summary>
    public string? Version { get; init; }

    public bool IsOpen => ResolvedAt is null;

    /// <summary>How long it has been open, or how long it took to resolve (lead time).</summary>
    public TimeSpan Age(DateTimeOffset now) => ((ResolvedAt ?? now) - RaisedAt) is var age && age > TimeSpan.Zero ? age : TimeSpan.Zero;
}
