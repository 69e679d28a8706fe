namespace ArtBot.Domain.Review;

/// <summary>
/// The spread of one measure across the ART's teams in one PI: how many teams have a value, the lowest, median and
/// highest of them. No team is named: the review shows the system, not a league table.
/// </summary>
public sealed record ReviewSpread(int Teams, double? Lowest, double? Median, double? Highest)
{
    public static readonly ReviewSpread None = new(0, null, null, null);
}
