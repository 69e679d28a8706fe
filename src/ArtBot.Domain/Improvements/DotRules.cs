namespace ArtBot.Domain.Improvements;

/// <summary>The pure rules of dot voting: allowance, spending, taking back, ranking and choosing the top problems.</summary>
public static class DotRules
{
    public const int DefaultDots = 3;
    public const int MaxDots = 10;
    public const int DefaultTop = 3;
    /// <summary>Most problems a workshop takes (keeps the card well under Teams' message size).</summary>
    public const int MaxProblems = 20;

    /// <summary>
    /// The participant's dots after spending one on <paramref name="problemId"/>: unchanged when already there (so a
    /// redelivered click counts once), refused when the allowance is used up.
    /// </summary>
    public static DotResult Spend(ParticipantDots current, string problemId, int allowance)
    {
        if (current.ProblemIds.Contains(problemId, StringComparer.Ordinal))
        {
            return new DotResult(DotOutcome.Unchanged, current);
        }

        if (current.ProblemIds.Count >= allowance)
        {
            return new DotResult(DotOutcome.NoDotsLeft, current);
        }

        return new DotResult(DotOutcome.Changed, current with { ProblemIds = [.. current.ProblemIds, problemId] });
    }

    /// <summary>The participant's dots after taking back the one on <paramref name="problemId"/>; unchanged if none was there.</summary>
    public static DotResult TakeBack(ParticipantDots current, string problemId) =>
        current.ProblemIds.Contains(problemId, StringComparer.Ordinal)
            ? new DotResult(DotOutcome.Changed, current with { ProblemIds = [.. current.ProblemIds.Where(p => !string.Equals(p, problemId, StringComparison.Ordinal))] })
            : new DotResult(DotOutcome.Unchanged, current);

    /// <summary>Problems by dots, most first; ties keep the order they were added in and share a rank.</summary>
    public static IReadOnlyList<RankedProblem> Rank(IReadOnlyList<WorkshopProblem> problems, IReadOnlyList<ParticipantDots> participants)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in participants.SelectMany(p => p.ProblemIds.Distinct(StringComparer.Ordinal)))
        {
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        var ordered = problems
            .Select((problem, index) => (problem, index, dots: counts.GetValueOrDefault(problem.Id)))
            .OrderByDescending(p => p.dots).ThenBy(p => p.problem.AddedAt).ThenBy(p => p.index)
            .ToList();
        var ranked = new List<RankedProblem>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].dots == ordered[i - 1].dots ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedProblem(ordered[i].problem, ordered[i].dots, rank));
        }

        return ranked;
    }

    /// <summary>
    /// The problems that become improvement items: those <paramref name="picked"/> (ids of this workshop, in ranking
    /// order) when any are given, else the top <paramref name="top"/> of the ranking that got at least one dot.
    /// </summary>
    public static IReadOnlyList<RankedProblem> Select(IReadOnlyList<RankedProblem> ranking, int top, IReadOnlyCollection<string>? picked)
    {
        if (picked is { Count: > 0 })
        {
            return [.. ranking.Where(r => picked.Contains(r.Problem.Id))];
        }

        return [.. ranking.Where(r => r.Dots > 0).Take(Math.Max(0, top))];
    }

    /// <summary>Reads a dot allowance or a top-N count typed or sent by a card: a whole number 1..<paramref name="max"/>.</summary>
    public static bool TryParseCount(string? text, int max, out int value)
    {
        var ok = int.TryParse(text?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            && parsed >= 1 && parsed <= max;
        value = ok ? parsed : 0;
        return ok;
    }
}
