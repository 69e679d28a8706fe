namespace ArtBot.Domain.Review;

/// <summary>One team's figures in one PI.</summary>
public sealed record TeamReview(string TeamConversationId, ReviewFigures Figures);

/// <summary>One PI's review: the ART's figures and each team's (the teams are for their own channel and the spread, never a ranking).</summary>
public sealed record PiReview(string Pi, DateOnly Start, ReviewFigures Art, IReadOnlyList<TeamReview> Teams)
{
    /// <summary>The spread of <paramref name="measure"/> across the teams with a value; none for a measure kept for the ART only.</summary>
    public ReviewSpread Spread(ReviewMeasure measure)
    {
        if (!ReviewRules.HasTeamFigures(measure))
        {
            return ReviewSpread.None;
        }

        var values = Teams.Select(t => t.Figures[measure].Value).OfType<double>().ToList();
        return values.Count == 0
            ? ReviewSpread.None
            : new ReviewSpread(values.Count, values.Min(), ReviewRules.Median(values), values.Max());
    }

    /// <summary>The team's figures; every measure without a value when the team has none in this PI.</summary>
    public ReviewFigures Team(string teamConversationId) =>
        Teams.FirstOrDefault(t => string.Equals(t.TeamConversationId, teamConversationId, StringComparison.Ordinal))?.Figures
        ?? new ReviewFigures(new Dictionary<ReviewMeasure, ReviewFigure>());
}
