namespace ArtBot.Domain.Planning;

/// <summary>How a dependency's string on the program board stands, in words as well as colour.</summary>
public enum StringState
{
    /// <summary>Committed in an iteration before the one it is needed in.</summary>
    OnTrack,
    /// <summary>Committed in the iteration it is needed in, or in the IP iteration: no slack.</summary>
    Warning,
    /// <summary>Asked for; the providing team has not placed or committed it.</summary>
    Requested,
    /// <summary>Committed later than needed.</summary>
    Conflict,
    Delivered,
    /// <summary>The providing team declined it: the need stays unmet.</summary>
    Declined,
    /// <summary>One of the two teams is no longer in the ART.</summary>
    TeamLeft,
    /// <summary>Needed or committed outside the PI's iterations, or tied to a feature of another PI.</summary>
    OutsidePi,
}

/// <summary>
/// The two ends of a string as the board resolved them: the iteration the requesting team needs it in (its tied
/// feature's part when placed, else the dependency's needed-by), the iteration the providing team will deliver it in
/// (its tied feature's part when placed, else its commitment), whether both teams are still in the ART, and whether a
/// tied feature belongs to another PI.
/// </summary>
public sealed record StringEnds(int Needed, int? Committed, bool RequesterInArt, bool ProviderInArt, bool FeatureOutsidePi);

/// <summary>A string's state and, for a conflict, by how many iterations it comes late.</summary>
public sealed record StringVerdict(StringState State, int IterationsLate)
{
    /// <summary>A state someone must act on: listed beside the board with its actions.</summary>
    public bool NeedsAction => State is StringState.Conflict or StringState.Declined or StringState.TeamLeft or StringState.OutsidePi;
}

/// <summary>The program board's conflict rules: pure, so every edge is a unit test (same iteration, IP, outside the PI...).</summary>
public static class DependencyStrings
{
    /// <summary>The ends of <paramref name="dependency"/>, from the features it is tied to where their parts are placed.</summary>
    public static StringEnds EndsOf(
        Dependency dependency, Feature? requesterFeature, Feature? providerFeature, IReadOnlySet<string> teamsInArt, string currentPi)
    {
        ArgumentNullException.ThrowIfNull(dependency);
        ArgumentNullException.ThrowIfNull(teamsInArt);
        var needed = requesterFeature?.PartOf(dependency.RequesterConversationId)?.Iteration ?? dependency.NeededBy;
        var committed = providerFeature?.PartOf(dependency.ProviderConversationId)?.Iteration ?? dependency.CommittedIteration;
        var otherPi = (requesterFeature is { } r && !string.Equals(r.Pi, currentPi, StringComparison.Ordinal))
            || (providerFeature is { } p && !string.Equals(p.Pi, currentPi, StringComparison.Ordinal));
        return new StringEnds(
            needed, committed, teamsInArt.Contains(dependency.RequesterConversationId), teamsInArt.Contains(dependency.ProviderConversationId), otherPi);
    }

    /// <summary>
    /// The verdict for a dependency of <paramref name="status"/> with <paramref name="ends"/>, in a PI of
    /// <paramref name="iterationCount"/> iterations whose IP iteration (if any) is <paramref name="ipIteration"/>.
    /// Delivered and declined come first (they are facts); then a team that left, then anything outside the PI.
    /// </summary>
    public static StringVerdict Judge(DependencyStatus status, StringEnds ends, int iterationCount, int? ipIteration)
    {
        ArgumentNullException.ThrowIfNull(ends);
        if (status == DependencyStatus.Delivered)
        {
            return new(StringState.Delivered, 0);
        }

        if (status == DependencyStatus.Declined)
        {
            return new(StringState.Declined, 0);
        }

        if (!ends.RequesterInArt || !ends.ProviderInArt)
        {
            return new(StringState.TeamLeft, 0);
        }

        if (ends.FeatureOutsidePi || !Within(ends.Needed, iterationCount) || (ends.Committed is { } c && !Within(c, iterationCount)))
        {
            return new(StringState.OutsidePi, 0);
        }

        if (ends.Committed is not { } committed)
        {
            return new(StringState.Requested, 0);
        }

        if (committed > ends.Needed)
        {
            return new(StringState.Conflict, committed - ends.Needed);
        }

        // The same iteration leaves no slack; the IP iteration is for innovation and planning, not for planned delivery.
        return committed == ends.Needed || committed == ipIteration ? new(StringState.Warning, 0) : new(StringState.OnTrack, 0);
    }

    private static bool Within(int iteration, int count) => iteration >= 1 && iteration <= count;
}
