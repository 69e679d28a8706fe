namespace ArtBot.Domain.Pulses;

/// <summary>
/// A team's figure for one iteration: how many answered and, only from <see cref="PulseRules.MinAnswers"/> answers,
/// the average, the distribution (count of each score, 1 first) and the words in alphabetical order.
/// </summary>
public sealed record PulseFigure(int Answered, double? Average, IReadOnlyList<int> Distribution, IReadOnlyList<string> Words)
{
    /// <summary>True when the figure may be shown (enough people answered to keep each answer anonymous).</summary>
    public bool IsShown => Average is not null;
}
