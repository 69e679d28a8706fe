using ArtBot.Domain.People;

namespace ArtBot.Domain.Impediments;

/// <summary>Impediments and risks with their history. Every change is optimistic (versioned) and never lost.</summary>
public interface IImpedimentStore
{
    /// <summary>
    /// Stores a new impediment and its first history entry ("raised it"). The id is derived from the tenant, scope and
    /// <paramref name="key"/> (the activity, message or concern id that raised it): raising with the same key again
    /// stores nothing and returns the existing impediment with <see cref="RaiseResult.Created"/> false.
    /// </summary>
    Task<RaiseResult> RaiseAsync(Impediment draft, string key, CancellationToken cancellationToken);

    /// <summary>The impediment with its history, if it exists in this tenant's scope.</summary>
    Task<Impediment?> GetAsync(string tenantId, string scopeId, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the current state and writes it with its history entry, guarded by the
    /// version read. When someone else changed it meanwhile, the change is applied again to the fresh state (a few
    /// times); a rule refusing on the fresh state, or repeated conflicts, are reported, never silently dropped.
    /// </summary>
    Task<ImpedimentUpdate> UpdateAsync(string tenantId, string scopeId, string id, Person actor, Func<Impediment, ImpedimentChange> change, CancellationToken cancellationToken);

    /// <summary>The impediments of a scope matching <paramref name="query"/>, oldest first, at most <paramref name="max"/> (with the total count).</summary>
    Task<ImpedimentList> ListAsync(string tenantId, string scopeId, ImpedimentQuery query, int max, CancellationToken cancellationToken);

    /// <summary>The impediments of every team of an ART, oldest first (the ART's channel, the ART sync summary).</summary>
    Task<ImpedimentList> ListForArtAsync(string tenantId, string artId, ImpedimentQuery query, int max, CancellationToken cancellationToken);
}

/// <summary>The answer of <see cref="IImpedimentStore.RaiseAsync"/>.</summary>
public sealed record RaiseResult(Impediment Impediment, bool Created);

/// <summary>What <see cref="IImpedimentStore.UpdateAsync"/> did.</summary>
public enum ImpedimentUpdateStatus
{
    Updated,
    NotFound,
    Refused,
    Conflict,
}

/// <summary>The answer of <see cref="IImpedimentStore.UpdateAsync"/>: the stored state (with history) and, when not updated, why.</summary>
public sealed record ImpedimentUpdate(ImpedimentUpdateStatus Status, Impediment? Impediment, string? Message)
{
    public bool IsUpdated => Status == ImpedimentUpdateStatus.Updated;
}

/// <summary>Which impediments a list shows. <see cref="PersonId"/>: only those this person owns or raised.</summary>
public sealed record ImpedimentQuery(ImpedimentKind? Kind, bool IncludeResolved = false, string? PersonId = null)
{
    /// <summary>How many of the matching impediments (oldest first) come before the page asked for.</summary>
    public int Skip { get; init; }

    public bool Matches(Impediment impediment) =>
        (Kind is null || impediment.Kind == Kind)
        && (IncludeResolved || impediment.IsOpen)
        && (PersonId is null || impediment.Owner?.Id == PersonId || impediment.RaisedBy.Id == PersonId);
}

/// <summary>A page of a list: the first items (oldest first) and how many matched in all.</summary>
public sealed record ImpedimentList(IReadOnlyList<Impediment> Items, int Total)
{
    /// <summary>How many matching impediments come before <see cref="Items"/> (the query's skip).</summary>
    public int Skipped { get; init; }
}
