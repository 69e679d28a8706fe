namespace ArtBot.Domain.Votes;

/// <summary>Count, average (one decimal) and distribution of the ballots of a vote.</summary>
public sealed record VoteTally(int Count, double Average, IReadOnlyList<int> Distribution)
{
    public static VoteTally Empty { get; } = new(0, 0, [0, 0, 0, 0, 0]);

    /// <summary>Ballots for <paramref name="value"/> (1-5).</summary>
    public int CountOf(int value) => Distribution[value - 1];

    /// <summary>The tally of these values; values outside 1-5 are ignored.</summary>
    public static VoteTally From(IEnumerable<int> values)
    {
        var distribution = new int[VoteScale.Max];
        var count = 0;
        var sum = 0;
        foreach (var value in values)
        {
            if (!VoteScale.IsValid(value))
            {
                continue;
            }

            distribution[value - 1]++;
            count++;
            sum += value;
        }

        var average = count == 0 ? 0 : Math.Round((double)sum / count, 1, MidpointRounding.AwayFromZero);
        return new VoteTally(count, average, distribution);
    }

    /// <summary>The SAFe reading of this tally; null while nobody voted.</summary>
    public VoteOutcome? Outcome => Count == 0 ? null : VoteRules.OutcomeOf(this);
}
