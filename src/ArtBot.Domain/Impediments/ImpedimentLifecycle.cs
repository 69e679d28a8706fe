using ArtBot.Domain.People;
using ArtBot.Domain.Text;

namespace ArtBot.Domain.Impediments;

/// <summary>
/// The lifecycle of an impediment: ownership, ROAM status, escalation, resolution and reopening. Every rule takes the
/// current state and returns the change (with its history line) or a refusal, so a store can re-apply it on fresh
/// state after a concurrent edit. Refusals are in the reader's language; history lines are stored, so they stay English.
/// </summary>
public static class ImpedimentLifecycle
{
    public static ImpedimentChange TakeOwnership(Impediment impediment, Person actor)
    {
        if (!impediment.IsOpen)
        {
            return ImpedimentChange.Refuse(ImpedimentRuleStrings.RefuseTakeOwnershipResolved);
        }

        if (impediment.Owner?.Id == actor.Id)
        {
            return ImpedimentChange.Refuse(ImpedimentRuleStrings.RefuseAlreadyYours);
        }

        return ImpedimentChange.To(
            impediment with { Owner = actor, Roam = impediment.Roam ?? RoamStatus.Owned },
            impediment.Owner is { } previous ? $"took ownership from {Stored(previous)}" : "took ownership",
            impediment.Owner is { } from ? new(ImpedimentEventKind.TookOwnershipFrom, Stored(from)) : new(ImpedimentEventKind.TookOwnership));
    }

    public static ImpedimentChange SetOwner(Impediment impediment, Person actor, Person owner)
    {
        if (!impediment.IsOpen)
        {
            return ImpedimentChange.Refuse(ImpedimentRuleStrings.RefuseSetOwnerResolved);
        }

        if (impediment.Owner?.Id == owner.Id)
        {
            return ImpedimentChange.Refuse(Localized.Format(ImpedimentRuleStrings.RefuseAlreadyOwns, owner.DisplayName));
        }

        return ImpedimentChange.To(
            impediment with { Owner = owner, Roam = impediment.Roam ?? RoamStatus.Owned },
            owner.Id == actor.Id ? "took ownership" : $"made {Stored(owner)} the owner",
            owner.Id == actor.Id ? new(ImpedimentEventKind.TookOwnership) : new(ImpedimentEventKind.MadeOwner, Stored(owner)));
    }

    /// <summary>Sets the ROAM status. Resolved resolves it (see <see cref="Resolve"/>); Owned without an owner makes the actor the owner.</summary>
    public static ImpedimentChange SetRoam(Impediment impediment, Person actor, RoamStatus roam, DateTimeOffset now)
    {
        if (roam == RoamStatus.Resolved)
        {
            return Resolve(impediment, actor, null, now);
        }

        if (!impediment.IsOpen)
        {
            return ImpedimentChange.Refuse(ImpedimentRuleStrings.RefuseRoamResolved);
        }

        if (impediment.Roam == roam)
        {
            return ImpedimentChange.Refuse(Localized.Format(ImpedimentRuleStrings.RefuseRoamAlready, ImpedimentRules.Describe(roam)));
        }

        var updated = impediment with { Roam = roam };
        if (roam == RoamStatus.Owned && impediment.Owner is null)
        {
            updated = updated with { Owner = actor };
        }

        var tookOwnership = updated.Owner != impediment.Owner;
        return ImpedimentChange.To(updated, $"set ROAM to {roam}" + (tookOwnership ? " and took ownership" : ""),
            new(tookOwnership ? ImpedimentEventKind.SetRoamAndTookOwnership : ImpedimentEventKind.SetRoam, roam.ToString()));
    }

    public static ImpedimentChange Escalate(Impediment impediment, Person actor, DateTimeOffset now, string target)
    {
        if (!impediment.IsOpen)
        {
            return ImpedimentChange.Refuse(ImpedimentRuleStrings.RefuseEscalateResolved);
        }

        if (impediment.EscalatedAt is { } at)
        {
            return ImpedimentChange.Refuse(Localized.Format(ImpedimentRuleStrings.RefuseAlreadyEscalated, impediment.EscalatedBy?.DisplayName ?? PersonStrings.Someone, Localized.Date(at)));
        }

        return ImpedimentChange.To(impediment with { EscalatedAt = now, EscalatedBy = actor }, $"escalated it to {target}", new(ImpedimentEventKind.Escalated));
    }

    /// <summary>Resolves it with a note (null when set through the ROAM status): ROAM Resolved, resolution time recorded.</summary>
    public static ImpedimentChange Resolve(Impediment impediment, Person actor, string? note, DateTimeOffset now)
    {
        if (!impediment.IsOpen)
        {
            return ImpedimentChange.Refuse(ImpedimentRuleStrings.RefuseAlreadyResolved);
        }

        return ImpedimentChange.To(
            impediment with { Roam = RoamStatus.Resolved, ResolvedAt = now, ResolutionNote = note },
            note is null ? "resolved it" : $"resolved it: {note}",
            note is null ? new(ImpedimentEventKind.Resolved) : new(ImpedimentEventKind.ResolvedWithNote, note));
    }

    /// <summary>Opens a resolved impediment again: ROAM back to Owned when it has an owner, else not ROAMed.</summary>
    public static ImpedimentChange Reopen(Impediment impediment, Person actor)
    {
        if (impediment.IsOpen)
        {
            return ImpedimentChange.Refuse(ImpedimentRuleStrings.RefuseAlreadyOpen);
        }

        return ImpedimentChange.To(
            impediment with
            {
                Roam = impediment.Owner is null ? null : RoamStatus.Owned,
                ResolvedAt = null,
                ResolutionNote = null,
                EscalatedAt = null,
                EscalatedBy = null,
            },
            "reopened it",
            new(ImpedimentEventKind.Reopened));
    }

    // A name in a (stored, English) history line.
    private static string Stored(Person person) => person.Name is { Length: > 0 } name ? name : "someone";
}
