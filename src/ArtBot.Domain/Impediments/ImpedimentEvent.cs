namespace ArtBot.Domain.Impediments;

/// <summary>What a history row records, so that a card can say it in its reader's language (rows stored before have none).</summary>
public enum ImpedimentEventKind
{
    Raised,
    TookOwnership,
    TookOwnershipFrom,
    MadeOwner,
    SetRoam,
    SetRoamAndTookOwnership,
    Escalated,
    Resolved,
    ResolvedWithNote,
    Reopened,
}

/// <summary>
/// A history row's event and its detail: the person's name (ownership), the ROAM status's name (<see cref="RoamStatus"/>),
/// the resolution note. The row keeps its English sentence too (<see cref="ImpedimentHistoryEntry.What"/>, the audit line).
/// </summary>
public sealed record ImpedimentEvent(ImpedimentEventKind Kind, string? Detail = null);
