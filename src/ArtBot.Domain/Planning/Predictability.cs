namespace ArtBot.Domain.Planning;

/// <summary>
/// SAFe's ART predictability measure for one team or ART in one PI: the actual business value of all objectives
/// (committed and uncommitted) against the planned business value of the committed ones, so it can exceed 100%.
/// Objectives without a planned or actual value are named, never silently counted as zero.
/// </summary>
public sealed record Predictability(
    int PlannedCommitted,
    int Actual,
    int Objectives,
    IReadOnlyList<PiObjective> WithoutPlanned,
    IReadOnlyList<PiObjective> WithoutActual,
    IReadOnlyList<PiObjective> AddedLate)
{
    /// <summary>SAFe's target band: a predictable ART delivers 80 to 100% of its planned business value.</summary>
    public const int BandLow = 80;
    public const int BandHigh = 100;

    /// <summary>The figure in percent, rounded; null without committed planned value (nothing to measure against).</summary>
    public int? Percent => PlannedCommitted > 0 ? (int)Math.Round(100.0 * Actual / PlannedCommitted, MidpointRounding.AwayFromZero) : null;

    public bool IsInBand => Percent is >= BandLow and <= BandHigh;

    /// <summary>Every objective has its planned and actual value: the figure is final.</summary>
    public bool IsComplete => WithoutPlanned.Count == 0 && WithoutActual.Count == 0;

    /// <summary>The measure over <paramref name="objectives"/> (one team's or the whole ART's, of one PI). Pure.</summary>
    public static Predictability Of(IEnumerable<PiObjective> objectives)
    {
        var list = objectives.ToList();
        return new Predictability(
            list.Where(o => o.Committed).Sum(o => o.PlannedValue ?? 0),
            list.Sum(o => o.ActualValue ?? 0),
            list.Count,
            [.. list.Where(o => o.PlannedValue is null)],
            [.. list.Where(o => o.ActualValue is null)],
            [.. list.Where(IsAddedLate)]);
    }

    /// <summary>Added on or after the first day of its PI (after PI Planning): counted like the others, but shown.</summary>
    public static bool IsAddedLate(PiObjective objective) =>
        DateOnly.FromDateTime(objective.CreatedAt.UtcDateTime) >= objective.PiStart;
}

/// <summary>One team's measure in one PI.</summary>
public sealed record TeamPredictability(string TeamConversationId, string TeamName, Predictability Figure);

/// <summary>One PI's measure: the ART's over all its teams, and each team's (by name).</summary>
public sealed record PiPredictability(string Pi, DateOnly PiStart, Predictability Art, IReadOnlyList<TeamPredictability> Teams)
{
    /// <summary>
    /// The PIs of <paramref name="objectives"/> (one ART's), oldest first, the last <paramref name="maxPis"/> up to and
    /// including <paramref name="currentPi"/> (later PIs, planned ahead, are left out). Pure.
    /// </summary>
    public static IReadOnlyList<PiPredictability> History(IEnumerable<PiObjective> objectives, string? currentPi, int maxPis)
    {
        var byPi = objectives.GroupBy(o => o.Pi, StringComparer.Ordinal)
            .Select(g => (Pi: g.Key, Start: g.Min(o => o.PiStart), Objectives: g.ToList()))
            .OrderBy(p => p.Start).ThenBy(p => p.Pi, StringComparer.Ordinal)
            .ToList();
        var current = byPi.FindIndex(p => string.Equals(p.Pi, currentPi, StringComparison.Ordinal));
        var upTo = current >= 0 ? byPi.Take(current + 1) : byPi;
        return [.. upTo.TakeLast(Math.Max(1, maxPis)).Select(p => new PiPredictability(
            p.Pi,
            p.Start,
            Predictability.Of(p.Objectives),
            [.. p.Objectives.GroupBy(o => o.TeamConversationId, StringComparer.Ordinal)
                .Select(t => new TeamPredictability(t.Key, t.OrderByDescending(o => o.UpdatedAt).First().TeamName, Predictability.Of(t)))
                .OrderBy(t => t.TeamName, StringComparer.OrdinalIgnoreCase)]))];
    }
}
