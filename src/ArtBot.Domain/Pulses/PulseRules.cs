namespace ArtBot.Domain.Pulses;

/// <summary>The pulse's rules: the scale, the word, when a figure may be shown, and how figures are put together.</summary>
public static class PulseRules
{
    /// <summary>A team's figure is shown only from this many answers, so nobody's answer can be read back from it.</summary>
    public const int MinAnswers = 3;
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int MaxWordLength = 30;

    public static bool IsScore(int score) => score is >= MinScore and <= MaxScore;

    /// <summary>The optional word, trimmed and on one line; null when empty; false when longer than <see cref="MaxWordLength"/>.</summary>
    public static bool TryWord(string? text, out string? word)
    {
        var trimmed = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        word = trimmed.Length == 0 ? null : trimmed;
        return trimmed.Length <= MaxWordLength;
    }

    /// <summary>The figure of a team's answers: the count always; average, distribution and words from <see cref="MinAnswers"/>.</summary>
    public static PulseFigure Figure(IReadOnlyCollection<PulseAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count < MinAnswers)
        {
            return new PulseFigure(answers.Count, null, [], []);
        }

        var distribution = Enumerable.Range(MinScore, MaxScore - MinScore + 1).Select(s => answers.Count(a => a.Score == s)).ToList();
        var words = answers.Select(a => a.Word).OfType<string>().Order(StringComparer.InvariantCultureIgnoreCase).ToList();
        return new PulseFigure(answers.Count, answers.Average(a => a.Score), distribution, words);
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the two middle ones for an even count); null when empty.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The ART's spread for one iteration, from its teams' pulses; the ART's average only from <see cref="MinAnswers"/> answers.</summary>
    public static PulseSpread Spread(int iteration, IEnumerable<PulseResults> teams)
    {
        var ofIteration = teams.Where(t => t.Pulse.Iteration == iteration && t.Answers.Count > 0).ToList();
        var shown = ofIteration.Select(t => t.Figure).Where(f => f.IsShown).Select(f => f.Average!.Value).ToList();
        var all = ofIteration.SelectMany(t => t.Answers).ToList();
        return new PulseSpread(
            iteration, ofIteration.Count, shown.Count,
            shown.Count > 0 ? shown.Min() : null, Median(shown), shown.Count > 0 ? shown.Max() : null,
            all.Count, all.Count >= MinAnswers ? all.Average(a => a.Score) : null);
    }

    /// <summary>A PI's review: each team's shown figure per iteration, and the ART's spread per iteration with answers.</summary>
    public static PulseReview Review(string pi, IReadOnlyList<PulseResults> pulses)
    {
        ArgumentNullException.ThrowIfNull(pulses);
        var teams = pulses
            .Select(p => new TeamPulseFigure(p.Pulse.TeamConversationId, p.Pulse.Iteration, p.Figure))
            .Where(t => t.Figure.IsShown)
            .OrderBy(t => t.Iteration).ThenBy(t => t.TeamConversationId, StringComparer.Ordinal)
            .ToList();
        var art = pulses.Select(p => p.Pulse.Iteration).Distinct().Order().Select(i => Spread(i, pulses)).Where(s => s.Answers > 0).ToList();
        return new PulseReview(pi, teams, art);
    }
}
