using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Pulses;
using ArtBot.Domain.Review;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Review;

/// <summary>
/// The I&amp;A quantitative review as a card: per measure the latest PI's figure with its trend ("up from"), the figures over
/// the PIs and, in the ART's channel, the spread across the teams (lowest, median, highest: no team named). In a team's
/// channel the team's own figure comes first, next to the ART's.
/// </summary>
public static class ReviewCard
{
    public static AdaptiveCard Build(Art art, IReadOnlyList<PiReview> pis, ArtTeam? team = null)
    {
        ArgumentNullException.ThrowIfNull(art);
        ArgumentNullException.ThrowIfNull(pis);
        var title = team is null
            ? Localized.Format(ReviewStrings.Title, PlainText.EscapeMarkdown(art.Name))
            : Localized.Format(ReviewStrings.TitleTeam, PlainText.EscapeMarkdown(team.TeamName), PlainText.EscapeMarkdown(art.Name));
        var body = new List<CardElement> { new TextBlock(title) { Size = "Large", Weight = "Bolder", Style = "heading" } };
        if (pis.Count == 0)
        {
            body.Add(new TextBlock(Localized.Format(ReviewStrings.None, PlainText.EscapeMarkdown(art.Name))));
            return new AdaptiveCard { Body = body, FallbackText = Localized.Format(ReviewStrings.Title, art.Name) };
        }

        var latest = pis[^1];
        body.Add(new TextBlock(Localized.Format(ReviewStrings.Subtitle, PlainText.EscapeMarkdown(latest.Pi))) { IsSubtle = true, Spacing = "None" });
        foreach (var measure in ReviewRules.Measures)
        {
            if (team is not null && !ReviewRules.HasTeamFigures(measure))
            {
                body.Add(new TextBlock(Name(measure)) { Weight = "Bolder", Separator = true });
                body.Add(new TextBlock(Localized.Format(ReviewStrings.LineArt, WithTrend(pis, measure, null))) { Spacing = "None" });
                continue;
            }

            body.Add(new TextBlock(Name(measure)) { Weight = "Bolder", Separator = true });
            if (team is not null)
            {
                body.Add(new TextBlock(Localized.Format(ReviewStrings.LineTeam, WithTrend(pis, measure, team.ConversationId))) { Spacing = "None" });
            }

            body.Add(new TextBlock(Localized.Format(ReviewStrings.LineArt, WithTrend(pis, measure, null))) { Spacing = "None" });
            if (pis.Count > 1)
            {
                var history = string.Join(" \u00b7 ", pis.Select(p =>
                    PlainText.EscapeMarkdown(p.Pi) + " " + Value(measure, (team is null ? p.Art : p.Team(team.ConversationId))[measure].Value)));
                body.Add(new TextBlock(Localized.Format(ReviewStrings.History, history)) { IsSubtle = true, Spacing = "None" });
            }

            if (team is null)
            {
                var spread = latest.Spread(measure);
                body.Add(new TextBlock(spread is { Lowest: { } low, Median: { } median, Highest: { } high }
                    ? Localized.Format(ReviewStrings.Spread, Value(measure, low), Value(measure, median), Value(measure, high), Localized.Count(spread.Teams))
                    : ReviewStrings.SpreadNone) { IsSubtle = true, Spacing = "None" });
            }
        }

        body.Add(new TextBlock(Localized.Format(ReviewStrings.Footnote, PulseRules.MinAnswers)) { IsSubtle = true, Size = "Small", Separator = true });
        var fallback = Localized.Format(ReviewStrings.Fallback, art.Name, Name(ReviewMeasure.Predictability) + " " + Value(ReviewMeasure.Predictability, latest.Art[ReviewMeasure.Predictability].Value));
        return new AdaptiveCard { Body = body, FallbackText = fallback };
    }

    /// <summary>The measure's name in the reader's language.</summary>
    public static string Name(ReviewMeasure measure) => measure switch
    {
        ReviewMeasure.Predictability => ReviewStrings.MeasurePredictability,
        ReviewMeasure.DemoAcceptance => ReviewStrings.MeasureDemoAcceptance,
        ReviewMeasure.DemoNotShown => ReviewStrings.MeasureDemoNotShown,
        ReviewMeasure.ProblemsFound => ReviewStrings.MeasureProblemsFound,
        ReviewMeasure.ProblemsRepaired => ReviewStrings.MeasureProblemsRepaired,
        ReviewMeasure.ImpedimentOpenMedianDays => ReviewStrings.MeasureImpedimentOpenMedianDays,
        ReviewMeasure.ImpedimentOldestDays => ReviewStrings.MeasureImpedimentOldestDays,
        ReviewMeasure.ImpedimentResolveMedianDays => ReviewStrings.MeasureImpedimentResolveMedianDays,
        ReviewMeasure.ImprovementsDone => ReviewStrings.MeasureImprovementsDone,
        _ => ReviewStrings.MeasureSatisfaction,
    };

    /// <summary>A value in the measure's unit ("90%", "3", "12 days", "3.8 of 5"), or "no data".</summary>
    public static string Value(ReviewMeasure measure, double? value) => value is not { } v ? ReviewStrings.NoData : ReviewRules.UnitOf(measure) switch
    {
        ReviewUnit.Percent => Localized.Percent(v / 100),
        ReviewUnit.Days => Localized.Format(ReviewStrings.ValueDays, Localized.Number(v, "0.#")),
        ReviewUnit.Score => Localized.Format(ReviewStrings.ValueScore, Localized.Number(v, "0.0")),
        _ => Localized.Number(v, "0.#"),
    };

    /// <summary>The latest PI's value with its move since the PI before: "90%, up from 85%".</summary>
    public static string WithTrend(IReadOnlyList<PiReview> pis, ReviewMeasure measure, string? team)
    {
        ArgumentNullException.ThrowIfNull(pis);
        ReviewFigure Of(PiReview pi) => (team is null ? pi.Art : pi.Team(team))[measure];
        var now = Of(pis[^1]).Value;
        var before = pis.Count > 1 ? Of(pis[^2]).Value : null;
        return ReviewRules.Trend(pis, measure, team) switch
        {
            ReviewTrend.Up => Localized.Format(ReviewStrings.TrendUp, Value(measure, now), Value(measure, before)),
            ReviewTrend.Down => Localized.Format(ReviewStrings.TrendDown, Value(measure, now), Value(measure, before)),
            ReviewTrend.Same => Localized.Format(ReviewStrings.TrendSame, Value(measure, now)),
            _ => Value(measure, now),
        };
    }
}
