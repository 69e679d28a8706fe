using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Pulses;

namespace ArtBot.Domain.Review;

/// <summary>
/// The pure rules of the I&amp;A quantitative review: which PIs it shows (those in the data, by their start, up to the
/// current one, at most <see cref="MaxPis"/>) and each measure's figure for the ART and each team. A figure with too
/// little data has no value ("no data"), never 0.
/// </summary>
public static class ReviewRules
{
    public const int MaxPis = 4;

    public static IReadOnlyList<ReviewMeasure> Measures { get; } = Enum.GetValues<ReviewMeasure>();

    public static ReviewUnit UnitOf(ReviewMeasure measure) => measure switch
    {
        ReviewMeasure.Predictability or ReviewMeasure.DemoAcceptance or ReviewMeasure.ImprovementsDone => ReviewUnit.Percent,
        ReviewMeasure.DemoNotShown or ReviewMeasure.ProblemsFound or ReviewMeasure.ProblemsRepaired => ReviewUnit.Count,
        ReviewMeasure.Satisfaction => ReviewUnit.Score,
        _ => ReviewUnit.Days,
    };

    /// <summary>Improvement items belong to the ART (its I&amp;A): no team has a figure of its own, nor a spread.</summary>
    public static bool HasTeamFigures(ReviewMeasure measure) => measure != ReviewMeasure.ImprovementsDone;

    /// <summary>
    /// The PIs of the data, oldest first: named by objectives (with their start), the current PI, and demo feedback or
    /// integration problems (starting at their first row); later PIs than <paramref name="current"/> are left out; the
    /// last <paramref name="maxPis"/>. A PI ends the day before the next one starts; the current one on its end.
    /// </summary>
    public static IReadOnlyList<ReviewPi> Pis(ReviewData data, ProgramIncrement? current, int maxPis = MaxPis)
    {
        ArgumentNullException.ThrowIfNull(data);
        var starts = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        void Add(string name, DateOnly start, bool known)
        {
            if (!starts.TryGetValue(name, out var seen) || (known && start < seen))
            {
                starts[name] = start;
            }
        }

        foreach (var group in data.Objectives.GroupBy(o => o.Pi, StringComparer.Ordinal))
        {
            starts[group.Key] = group.Min(o => o.PiStart);
        }

        foreach (var group in data.Feedback.Select(f => (f.Pi, f.CreatedAt)).Concat(data.Problems.Select(p => (p.Pi, p.CreatedAt))).GroupBy(r => r.Pi, StringComparer.Ordinal))
        {
            Add(group.Key, DateOnly.FromDateTime(group.Min(r => r.CreatedAt).UtcDateTime), known: false);
        }

        if (current is not null)
        {
            starts[current.Name] = current.Start;
        }

        var ordered = starts.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        var at = current is null ? -1 : ordered.FindIndex(p => p.Key == current.Name);
        var upTo = at >= 0 ? ordered.Take(at + 1).ToList() : ordered;
        var pis = upTo.Select((p, i) => new ReviewPi(
            p.Key, p.Value,
            current is not null && p.Key == current.Name ? current.End
            : i + 1 < upTo.Count ? upTo[i + 1].Value.AddDays(-1)
            : null)).ToList();
        return [.. pis.TakeLast(Math.Max(1, maxPis))];
    }

    /// <summary>The review of <paramref name="pis"/> (oldest first) at <paramref name="now"/>.</summary>
    public static IReadOnlyList<PiReview> Review(ReviewData data, IReadOnlyList<ReviewPi> pis, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pis);
        return [.. pis.Select(pi =>
        {
            var teams = data.Teams
                .Concat(data.Objectives.Where(o => o.Pi == pi.Name).Select(o => o.TeamConversationId))
                .Concat(data.Feedback.Where(f => f.Pi == pi.Name).Select(f => f.TeamConversationId))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            return new PiReview(pi.Name, pi.Start, Figures(data, pi, null, now), [.. teams.Select(t => new TeamReview(t, Figures(data, pi, t, now)))]);
        })];
    }

    /// <summary>The figures of one PI for the ART (<paramref name="team"/> null) or one team.</summary>
    public static ReviewFigures Figures(ReviewData data, ReviewPi pi, string? team, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(pi);
        bool Ours(string? teamId) => team is null || string.Equals(teamId, team, StringComparison.Ordinal);
        var start = new DateTimeOffset(pi.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = pi.End is { } last ? new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now;
        var at = end < now ? end : now;
        var values = new Dictionary<ReviewMeasure, ReviewFigure>();

        var objectives = data.Objectives.Where(o => o.Pi == pi.Name && Ours(o.TeamConversationId)).ToList();
        var predictability = Predictability.Of(objectives);
        values[ReviewMeasure.Predictability] = new ReviewFigure(predictability.Percent, objectives.Count);

        var feedback = data.Feedback.Where(f => f.Pi == pi.Name && Ours(f.TeamConversationId)).ToList();
        var problems = data.Problems.Where(p => p.Pi == pi.Name && (team is null || string.Equals(p.TeamConversationId, team, StringComparison.Ordinal))).ToList();
        var accepted = feedback.Count(f => f.Verdict == DemoVerdict.Accepted);
        var judged = accepted + feedback.Count(f => f.Verdict == DemoVerdict.NeedsWork);
        var demoed = feedback.Count > 0 || problems.Count > 0;
        values[ReviewMeasure.DemoAcceptance] = new ReviewFigure(judged > 0 ? Percent(accepted, judged) : null, judged);
        var notShown = feedback.Count(f => f.Verdict == DemoVerdict.NotShown);
        values[ReviewMeasure.DemoNotShown] = new ReviewFigure(feedback.Count > 0 ? notShown : null, feedback.Count);
        values[ReviewMeasure.ProblemsFound] = new ReviewFigure(demoed ? problems.Count : null, problems.Count);
        var repaired = problems.Count(p => p.RepairedAt is not null);
        values[ReviewMeasure.ProblemsRepaired] = new ReviewFigure(demoed ? repaired : null, problems.Count);

        var impediments = data.Impediments.Where(i => i.Kind == ImpedimentKind.Impediment && (team is null || string.Equals(i.ConversationId, team, StringComparison.Ordinal))).ToList();
        var open = impediments.Where(i => i.RaisedAt <= at && (i.ResolvedAt is null || i.ResolvedAt > at)).Select(i => Days(i.RaisedAt, at)).ToList();
        values[ReviewMeasure.ImpedimentOpenMedianDays] = new ReviewFigure(Median(open), open.Count);
        values[ReviewMeasure.ImpedimentOldestDays] = new ReviewFigure(open.Count > 0 ? open.Max() : null, open.Count);
        var resolved = impediments.Where(i => i.ResolvedAt is { } r && r >= start && r <= at).Select(i => Days(i.RaisedAt, i.ResolvedAt!.Value)).ToList();
        values[ReviewMeasure.ImpedimentResolveMedianDays] = new ReviewFigure(Median(resolved), resolved.Count);

        if (team is null)
        {
            var planned = data.Improvements.Where(i => PlannedFor(i, pi.Name)).ToList();
            var done = planned.Count(i => i.Status == ImprovementStatus.Done && i.TargetPi == pi.Name);
            values[ReviewMeasure.ImprovementsDone] = new ReviewFigure(planned.Count > 0 ? Percent(done, planned.Count) : null, planned.Count);
        }

        values[ReviewMeasure.Satisfaction] = Satisfaction(data.Pulses.FirstOrDefault(p => p.Pi == pi.Name), team);
        return new ReviewFigures(values);
    }

    /// <summary>
    /// An improvement item planned for <paramref name="pi"/>: targeted at it (made by the previous PI's workshop, or
    /// carried into it), or carried out of it unfinished (it was planned for it and not done there).
    /// </summary>
    public static bool PlannedFor(ImprovementItem item, string pi)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.TargetPi == pi || item.CarriedFromPi == pi;
    }

    /// <summary>
    /// The PI's satisfaction: the ART's average over the iterations with an ART figure (weighted by their answers), a
    /// team's over its shown figures; the sample counts only the answers behind the figure.
    /// </summary>
    public static ReviewFigure Satisfaction(PulseReview? review, string? team)
    {
        if (review is null)
        {
            return ReviewFigure.None;
        }

        var weighted = team is null
            ? review.Art.Where(s => s.ArtAverage is not null).Select(s => (Average: s.ArtAverage!.Value, Count: s.Answers)).ToList()
            : review.Teams.Where(t => t.TeamConversationId == team && t.Figure.Average is not null).Select(t => (Average: t.Figure.Average!.Value, Count: t.Figure.Answered)).ToList();
        var answers = weighted.Sum(w => w.Count);
        return answers >= PulseRules.MinAnswers
            ? new ReviewFigure(weighted.Sum(w => w.Average * w.Count) / answers, answers)
            : ReviewFigure.None;
    }

    /// <summary>The move of <paramref name="measure"/> for the ART from the PI before the last to the last.</summary>
    public static ReviewTrend Trend(IReadOnlyList<PiReview> pis, ReviewMeasure measure, string? team = null)
    {
        ArgumentNullException.ThrowIfNull(pis);
        if (pis.Count < 2)
        {
            return ReviewTrend.None;
        }

        ReviewFigures Of(PiReview pi) => team is null ? pi.Art : pi.Team(team);
        return ReviewTrends.Of(Of(pis[^1])[measure].Value, Of(pis[^2])[measure].Value);
    }

    public static double? Median(IEnumerable<double> values) => PulseRules.Median(values);

    private static double Percent(int part, int whole) => Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);

    /// <summary>Whole days (an impediment raised this morning is 0 days old).</summary>
    private static double Days(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, Math.Floor((to - from).TotalDays));
}
