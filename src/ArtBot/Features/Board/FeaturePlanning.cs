using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;

namespace ArtBot.Features.Board;

/// <summary>
/// Changes to the program board, whether made on a channel's card or on the board itself: a team places its part of a
/// feature, states its capacity; Product Managers add features and milestones. Every change is ETag-guarded and kept in
/// the item's history; a move made from a stale view (the part is no longer where the mover saw it) is refused with the
/// feature as it is now, so two people moving the same feature never lose a move silently.
/// </summary>
public sealed class FeaturePlanning(
    IPlanStore<Feature> features, IPlanStore<TeamCapacity> capacities, IPlanStore<Milestone> milestones, TimeProvider time)
{
    /// <summary>Attempts at an update whose ETag lost to another change that left the mover's part untouched.</summary>
    private const int Attempts = 5;

    /// <summary>How far before or after its PI a milestone may be dated.</summary>
    public const int MilestoneMarginDays = 366;

    public IPlanStore<Feature> Features => features;

    /// <summary>
    /// Moves <paramref name="team"/>'s part of the feature from <paramref name="from"/> (as the mover saw it; null: not
    /// planned) to <paramref name="to"/> (null: take it out of the iterations), and sets its size when
    /// <paramref name="points"/> is given.
    /// </summary>
    public async Task<PlanResult> MoveAsync(
        Art art, string featureId, string team, int? from, int? to, int? points, Person by, CancellationToken cancellationToken)
    {
        if (art.CurrentPi is not { } pi)
        {
            return new(PlanOutcome.NoPi, null);
        }

        var count = art.Cadence.Of(pi).Count;
        if ((to is { } target && (target < 1 || target > count)) || points is < 0 or > TeamCapacity.MaxPoints)
        {
            return new(PlanOutcome.Invalid, null);
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var feature = await features.GetAsync(art.TenantId, art.Id, featureId, cancellationToken);
            if (feature is null || feature.Pi != pi.Name || feature.State == FeatureState.Removed || feature.PartOf(team) is not { } part)
            {
                return new(PlanOutcome.NotFound, feature);
            }

            if (part.Iteration != from)
            {
                return new(PlanOutcome.Conflict, feature);
            }

            var moved = part with { Iteration = to, Points = points ?? part.Points };
            if (moved == part)
            {
                return new(PlanOutcome.Unchanged, feature);
            }

            var now = time.GetUtcNow();
            var parts = feature.Parts.Select(p => ReferenceEquals(p, part) ? moved : p).ToList();
            var changes = new List<PlanChange>();
            if (moved.Iteration != part.Iteration)
            {
                changes.Add(new(now, by, IterationField(part.TeamName), Text(part.Iteration), Text(moved.Iteration)));
            }

            if (moved.Points != part.Points)
            {
                changes.Add(new(now, by, PointsField(part.TeamName), Text(part.Points), Text(moved.Points)));
            }

            var state = StateAfter(feature.State, parts);
            if (state != feature.State)
            {
                changes.Add(new(now, by, "state", feature.State.ToString(), state.ToString()));
            }

            var saved = await features.UpdateAsync(feature with { Parts = parts, State = state, UpdatedAt = now }, changes, cancellationToken);
            if (saved is not null)
            {
                return new(PlanOutcome.Done, saved);
            }
        }

        return new(PlanOutcome.Conflict, await features.GetAsync(art.TenantId, art.Id, featureId, cancellationToken));
    }

    /// <summary>The team's capacity for the current PI: as stated, else the previous PI's (not stored until the team changes it).</summary>
    public async Task<TeamCapacity?> CapacityAsync(Art art, ArtTeam team, CancellationToken cancellationToken)
    {
        if (art.CurrentPi is not { } pi)
        {
            return null;
        }

        var stated = await capacities.GetAsync(art.TenantId, art.Id, PlanIds.Capacity(art.TenantId, art.Id, team.ConversationId, pi.Name), cancellationToken);
        return stated ?? await DefaultCapacityAsync(art, team, pi, cancellationToken);
    }

    /// <summary>Sets the team's capacity in one iteration of the current PI (null: not stated).</summary>
    public async Task<PlanResult<TeamCapacity>> SetCapacityAsync(
        Art art, ArtTeam team, int iteration, int? points, Person by, CancellationToken cancellationToken)
    {
        if (art.CurrentPi is not { } pi)
        {
            return new(PlanOutcome.NoPi, null);
        }

        var count = art.Cadence.Of(pi).Count;
        if (iteration < 1 || iteration > count || points is < 0 or > TeamCapacity.MaxPoints)
        {
            return new(PlanOutcome.Invalid, null);
        }

        var id = PlanIds.Capacity(art.TenantId, art.Id, team.ConversationId, pi.Name);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var now = time.GetUtcNow();
            var stored = await capacities.GetAsync(art.TenantId, art.Id, id, cancellationToken);
            var current = stored ?? await DefaultCapacityAsync(art, team, pi, cancellationToken);
            var figures = Enumerable.Range(1, count).Select(i => current.Of(i)).ToList();
            var before = figures[iteration - 1];
            if (before == points && stored is not null)
            {
                return new(PlanOutcome.Unchanged, stored);
            }

            figures[iteration - 1] = points;
            var change = new PlanChange(now, by, "capacity:" + iteration.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(before), Text(points));
            if (stored is null)
            {
                // The first figure a team states creates its capacity for the PI: the defaults with that figure, in one row.
                var created = current with { Id = id, PerIteration = figures, CreatedBy = by, CreatedAt = now, UpdatedAt = now };
                var first = new PlanChange(now, by, PlanChange.CreatedField, null, string.Join(",", figures.Select(Text)));
                if (await capacities.CreateAsync(created, first, cancellationToken)
                    && await capacities.GetAsync(art.TenantId, art.Id, id, cancellationToken) is { } fresh)
                {
                    return new(PlanOutcome.Done, fresh);
                }

                continue; // another instance created it first: change that one
            }

            if (await capacities.UpdateAsync(stored with { PerIteration = figures, UpdatedAt = now }, [change], cancellationToken) is { } saved)
            {
                return new(PlanOutcome.Done, saved);
            }
        }

        return new(PlanOutcome.Conflict, null);
    }

    /// <summary>Adds a feature to the current PI's backlog with a part for each team named; <paramref name="key"/> makes a redelivery create nothing twice.</summary>
    public async Task<PlanResult> AddFeatureAsync(
        Art art, string key, string title, string? description, int? businessValue, IReadOnlyList<ArtTeam> teams, Person by, CancellationToken cancellationToken)
    {
        title = title.Trim();
        if (art.CurrentPi is not { } pi)
        {
            return new(PlanOutcome.NoPi, null);
        }

        if (title.Length is 0 or > Feature.MaxTitle || description?.Length > Feature.MaxDescription || businessValue is < 1 or > 10 || teams.Count > Feature.MaxParts)
        {
            return new(PlanOutcome.Invalid, null);
        }

        var now = time.GetUtcNow();
        var feature = new Feature
        {
            Id = PlanIds.Feature(art.TenantId, art.Id, key),
            TenantId = art.TenantId,
            ArtId = art.Id,
            Pi = pi.Name,
            PiStart = pi.Start,
            Title = title,
            Description = description is { Length: > 0 } ? description.Trim() : null,
            BusinessValue = businessValue,
            Parts = [.. teams.DistinctBy(t => t.ConversationId).Select(t => new FeaturePart(t.ConversationId, t.TeamName, null, null))],
            CreatedBy = by,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await features.CreateAsync(feature, new PlanChange(now, by, PlanChange.CreatedField, null, title), cancellationToken);
        return new(PlanOutcome.Done, await features.GetAsync(art.TenantId, art.Id, feature.Id, cancellationToken));
    }

    /// <summary>
    /// Sets a feature's business value and WSJF inputs (null: none), one history entry per field that changed; a
    /// concurrent change to another field is merged by re-reading.
    /// </summary>
    public async Task<PlanResult> RateAsync(
        Art art, string featureId, int? businessValue, Wsjf? wsjf, Person by, CancellationToken cancellationToken)
    {
        if (businessValue is < 1 or > 10 || wsjf is { IsValid: false })
        {
            return new(PlanOutcome.Invalid, null);
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await features.GetAsync(art.TenantId, art.Id, featureId, cancellationToken) is not { } feature)
            {
                return new(PlanOutcome.NotFound, null);
            }

            var now = time.GetUtcNow();
            var changes = new List<PlanChange>();
            if (feature.BusinessValue != businessValue)
            {
                changes.Add(new(now, by, BusinessValueField, Text(feature.BusinessValue), Text(businessValue)));
            }

            if (feature.Wsjf != wsjf)
            {
                changes.Add(new(now, by, WsjfField, WsjfText(feature.Wsjf), WsjfText(wsjf)));
            }

            if (changes.Count == 0)
            {
                return new(PlanOutcome.Unchanged, feature);
            }

            if (await features.UpdateAsync(feature with { BusinessValue = businessValue, Wsjf = wsjf, UpdatedAt = now }, changes, cancellationToken) is { } saved)
            {
                return new(PlanOutcome.Done, saved);
            }
        }

        return new(PlanOutcome.Conflict, await features.GetAsync(art.TenantId, art.Id, featureId, cancellationToken));
    }

    /// <summary>Adds a milestone of the current PI; <paramref name="key"/> makes a redelivery create nothing twice.</summary>
    public async Task<PlanResult<Milestone>> AddMilestoneAsync(
        Art art, string key, DateOnly date, string title, MilestoneKind kind, Person by, CancellationToken cancellationToken)
    {
        title = title.Trim();
        if (art.CurrentPi is not { } pi)
        {
            return new(PlanOutcome.NoPi, null);
        }

        // A milestone belongs near its PI: a date far outside it is a typing slip (or no date at all), not a plan.
        if (title.Length is 0 or > Milestone.MaxTitle || !Enum.IsDefined(kind) || date < pi.Start.AddDays(-MilestoneMarginDays) || date > pi.End.AddDays(MilestoneMarginDays))
        {
            return new(PlanOutcome.Invalid, null);
        }

        var now = time.GetUtcNow();
        var milestone = new Milestone
        {
            Id = PlanIds.Milestone(art.TenantId, art.Id, key),
            TenantId = art.TenantId,
            ArtId = art.Id,
            Pi = pi.Name,
            PiStart = pi.Start,
            Date = date,
            Title = title,
            Kind = kind,
            CreatedBy = by,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await milestones.CreateAsync(milestone, new PlanChange(now, by, PlanChange.CreatedField, null, title), cancellationToken);
        return new(PlanOutcome.Done, await milestones.GetAsync(art.TenantId, art.Id, milestone.Id, cancellationToken));
    }

    /// <summary>Takes a milestone off the board (kept with its history).</summary>
    public async Task<PlanOutcome> RemoveMilestoneAsync(Art art, string id, Person by, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await milestones.GetAsync(art.TenantId, art.Id, id, cancellationToken) is not { } milestone)
            {
                return PlanOutcome.NotFound;
            }

            if (milestone.Removed)
            {
                return PlanOutcome.Unchanged;
            }

            var now = time.GetUtcNow();
            if (await milestones.UpdateAsync(milestone with { Removed = true, UpdatedAt = now }, [new(now, by, "removed", "false", "true")], cancellationToken) is not null)
            {
                return PlanOutcome.Done;
            }
        }

        return PlanOutcome.Conflict;
    }

    /// <summary>The history field of a team's part's iteration: "iteration:{team}".</summary>
    public static string IterationField(string teamName) => "iteration:" + teamName;

    public static string PointsField(string teamName) => "points:" + teamName;

    public const string BusinessValueField = "businessValue";

    /// <summary>The history field of the WSJF inputs: "bv/tc/rr/size" (empty: none).</summary>
    public const string WsjfField = "wsjf";

    /// <summary>Backlog until every part is placed, then Planned; a feature in progress or done keeps its state.</summary>
    public static FeatureState StateAfter(FeatureState state, IReadOnlyList<FeaturePart> parts) => state switch
    {
        FeatureState.Backlog or FeatureState.Planned => parts.Count > 0 && parts.All(p => p.Iteration is not null) ? FeatureState.Planned : FeatureState.Backlog,
        _ => state,
    };

    private async Task<TeamCapacity> DefaultCapacityAsync(Art art, ArtTeam team, ProgramIncrement pi, CancellationToken cancellationToken)
    {
        var previous = (await capacities.ListAsync(art.TenantId, art.Id, cancellationToken))
            .Where(c => c.TeamConversationId == team.ConversationId && c.PiStart < pi.Start)
            .MaxBy(c => c.PiStart);
        return new TeamCapacity
        {
            Id = PlanIds.Capacity(art.TenantId, art.Id, team.ConversationId, pi.Name),
            TenantId = art.TenantId,
            ArtId = art.Id,
            Pi = pi.Name,
            PiStart = pi.Start,
            TeamConversationId = team.ConversationId,
            TeamName = team.TeamName,
            PerIteration = CapacityDefaults.From(previous, art.Cadence.Of(pi), art.Cadence.LastIsIp),
            CreatedBy = new Person("", null),
        };
    }

    private static string? WsjfText(Wsjf? wsjf) => wsjf is { } w
        ? string.Join("/", new[] { w.BusinessValue, w.TimeCriticality, w.RiskReduction, w.JobSize }.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        : null;

    private static string? Text(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public enum PlanOutcome
{
    Done,
    Unchanged,
    /// <summary>The item changed since the caller saw it (a move from a stale view): the result holds it as it is now.</summary>
    Conflict,
    NotFound,
    Invalid,
    /// <summary>The ART has no current PI to plan.</summary>
    NoPi,
}

/// <summary>What a planning change did, and the feature as stored after it (or as it is, on a conflict).</summary>
public sealed record PlanResult(PlanOutcome Outcome, Feature? Feature);

public sealed record PlanResult<T>(PlanOutcome Outcome, T? Item)
    where T : class;
