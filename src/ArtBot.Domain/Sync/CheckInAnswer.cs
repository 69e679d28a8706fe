using ArtBot.Domain.Arts;
using ArtBot.Domain.People;

namespace ArtBot.Domain.Sync;

/// <summary>
/// A team's answer to the check-in of one sync occurrence, and who gave it. One per team and occurrence; editing
/// replaces it. <see cref="Version"/> is the store's concurrency token.
/// </summary>
public sealed record CheckInAnswer
{
    public required OccurrenceKey Occurrence { get; init; }
    /// <summary>The team's channel (no thread suffix).</summary>
    public required string TeamConversationId { get; init; }
    public required string TeamName { get; init; }
    public required ObjectiveStatus Status { get; init; }
    public string Progress { get; init; } = "";
    public IReadOnlyList<CheckInItem> Blockers { get; init; } = [];
    public IReadOnlyList<CheckInItem> Dependencies { get; init; } = [];
    public string Milestones { get; init; } = "";
    public required Person AnsweredBy { get; init; }
    public DateTimeOffset AnsweredAt { get; init; }
    /// <summary>How many times it was saved (1 = first answer).</summary>
    public int Revision { get; init; } = 1;
    public string? Version { get; init; }

    /// <summary>Blockers and dependencies flagged "needs help", in card order.</summary>
    public IEnumerable<(CheckInItemKind Kind, int Index, CheckInItem Item)> NeedingHelp() =>
        Blockers.Select((item, i) => (CheckInItemKind.Blocker, i, item))
            .Concat(Dependencies.Select((item, i) => (CheckInItemKind.Dependency, i, item)))
            .Where(x => x.item.NeedsHelp);
}

/// <summary>
/// A blocker or dependency; <see cref="ImpedimentId"/> is set once it was raised as an impediment,
/// <see cref="DependencyId"/> once a dependency was tracked between teams.
/// </summary>
public sealed record CheckInItem(string Text, bool NeedsHelp)
{
    public string? ImpedimentId { get; init; }
    public string? DependencyId { get; init; }
}

public enum CheckInItemKind
{
    Blocker,
    Dependency,
}

/// <summary>Progress toward the PI objectives.</summary>
public enum ObjectiveStatus
{
    OnTrack,
    AtRisk,
    OffTrack,
}

/// <summary>Identifies one sync occurrence of one ART.</summary>
public sealed record OccurrenceKey(string TenantId, string ArtId, DateOnly Date)
{
    public static OccurrenceKey Of(Art art, SyncOccurrence occurrence) => new(art.TenantId, art.Id, occurrence.Date);
}
