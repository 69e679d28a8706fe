namespace ArtBot.Domain.Review;

/// <summary>How a figure moved since the PI before: up, down, the same, or not comparable (a value missing).</summary>
public enum ReviewTrend
{
    None,
    Up,
    Down,
    Same,
}

public static class ReviewTrends
{
    /// <summary>The move from <paramref name="previous"/> to <paramref name="current"/>; equal when they round to the same tenth.</summary>
    public static ReviewTrend Of(double? current, double? previous) =>
        current is not { } now || previous is not { } before ? ReviewTrend.None
        : Math.Round(now, 1) > Math.Round(before, 1) ? ReviewTrend.Up
        : Math.Round(now, 1) < Math.Round(before, 1) ? ReviewTrend.Down
        : ReviewTrend.Same;
}
