namespace ArtBot.Domain.Planning;

/// <summary>How the ART backlog is read: its order, and a team's features in it.</summary>
public static class FeatureBacklog
{
    /// <summary>Highest WSJF first, then business value, then oldest: the order cards, the board and choices list features in.</summary>
    public static IEnumerable<Feature> Ordered(IEnumerable<Feature> features) => features
        .OrderByDescending(f => f.Wsjf?.Score ?? -1)
        .ThenByDescending(f => f.BusinessValue ?? -1)
        .ThenBy(f => f.CreatedAt)
        .ThenBy(f => f.Id, StringComparer.Ordinal);

    /// <summary>The features with a part of <paramref name="teamConversationId"/>, not removed, in backlog order (of the PI the caller read).</summary>
    public static List<Feature> OfTeam(IEnumerable<Feature> features, string teamConversationId) =>
        [.. Ordered(features.Where(f => f.State != FeatureState.Removed && f.PartOf(teamConversationId) is not null))];
}
