namespace ArtBot.Domain.Planning;

/// <summary>A team's load in one iteration against its capacity: the points of its feature parts placed there.</summary>
public sealed record TeamLoad(int Iteration, int? Capacity, int Load)
{
    public bool Over => Capacity is { } capacity && Load > capacity;

    /// <summary>The load of team <paramref name="teamConversationId"/> in each of <paramref name="iterationCount"/> iterations.</summary>
    public static IReadOnlyList<TeamLoad> Of(string teamConversationId, IEnumerable<Feature> features, TeamCapacity? capacity, int iterationCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        var load = new int[iterationCount + 1];
        foreach (var part in features.Where(f => f.State != FeatureState.Removed).Select(f => f.PartOf(teamConversationId)))
        {
            if (part is { Iteration: { } i } && i >= 1 && i <= iterationCount)
            {
                load[i] += part.Points ?? 0;
            }
        }

        return [.. Enumerable.Range(1, iterationCount).Select(i => new TeamLoad(i, capacity?.Of(i), load[i]))];
    }
}
