using ArtBot.Domain.Review;

namespace ArtBot.Features.Room;

/// <summary>
/// The room's review view from the review's PIs: per measure its figure in each PI for the ART (and, in a team's
/// channel, the team's), the trend since the PI before and, in the ART's channel, the spread across the teams (no team
/// named). Measure keys, units and trends are stable words the page translates.
/// </summary>
public static class RoomReview
{
    public static ReviewView Of(IReadOnlyList<PiReview> pis, string? team)
    {
        ArgumentNullException.ThrowIfNull(pis);
        var measures = ReviewRules.Measures.Select(measure =>
        {
            var teamFigures = team is not null && ReviewRules.HasTeamFigures(measure);
            return new RoomMeasure(
                Key(measure),
                Word(ReviewRules.UnitOf(measure)),
                ReviewRules.HasTeamFigures(measure),
                Word(ReviewRules.Trend(pis, measure, teamFigures ? team : null)),
                [.. pis.Select(p =>
                {
                    var art = p.Art[measure];
                    var own = teamFigures ? p.Team(team!)[measure] : null;
                    var spread = team is null && ReviewRules.HasTeamFigures(measure) ? p.Spread(measure) : null;
                    return new RoomMeasurePoint(
                        p.Pi, art.Value, art.Sample, own?.Value, own?.Sample,
                        spread is null ? null : new RoomSpread(spread.Teams, spread.Lowest, spread.Median, spread.Highest));
                })]);
        }).ToList();
        return new ReviewView(true, team is null ? "art" : "team", [.. pis.Select(p => p.Pi)], measures);
    }

    /// <summary>The measure's key in the API and the CSV: <c>predictability</c>, <c>demoAcceptance</c>, …</summary>
    public static string Key(ReviewMeasure measure) => measure.ToString() is var name ? char.ToLowerInvariant(name[0]) + name[1..] : "";

    private static string Word(ReviewUnit unit) => unit.ToString().ToLowerInvariant();

    private static string Word(ReviewTrend trend) => trend.ToString().ToLowerInvariant();
}
