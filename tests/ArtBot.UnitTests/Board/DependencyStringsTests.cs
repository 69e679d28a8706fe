using ArtBot.Domain.People;
using ArtBot.Domain.Planning;

namespace ArtBot.UnitTests.Board;

/// <summary>The program board's conflict rules on their edges: a PI of six iterations, the sixth the IP iteration.</summary>
public sealed class DependencyStringsTests
{
    private const int Count = 6;
    private const int Ip = 6;
    private static readonly HashSet<string> BothInArt = ["rocket", "comet"];

    [Theory]
    [InlineData(3, 1, StringState.OnTrack, 0)]
    [InlineData(3, 2, StringState.OnTrack, 0)]
    [InlineData(3, 3, StringState.Warning, 0)] // same iteration: no slack
    [InlineData(3, 4, StringState.Conflict, 1)]
    [InlineData(2, 5, StringState.Conflict, 3)]
    [InlineData(6, 6, StringState.Warning, 0)] // needed in the IP iteration and delivered there
    [InlineData(6, 5, StringState.OnTrack, 0)]
    [InlineData(5, 6, StringState.Conflict, 1)] // late into the IP iteration is late
    public void A_commitment_is_judged_against_the_need(int needed, int committed, StringState state, int late) =>
        Assert.Equal(new StringVerdict(state, late), DependencyStrings.Judge(DependencyStatus.Committed, Ends(needed, committed), Count, Ip));

    [Fact]
    public void Planned_delivery_in_the_ip_iteration_is_a_warning_even_when_needed_later_never_on_track()
    {
        // A PI without an IP iteration has no such rule.
        Assert.Equal(StringState.OnTrack, DependencyStrings.Judge(DependencyStatus.Committed, Ends(6, 5), Count, ipIteration: null).State);
        Assert.Equal(StringState.Warning, DependencyStrings.Judge(DependencyStatus.Committed, Ends(7, 6), 7, Ip).State);
    }

    [Fact]
    public void Not_yet_committed_is_requested_and_needs_no_action()
    {
        var verdict = DependencyStrings.Judge(DependencyStatus.Requested, Ends(3, null), Count, Ip);
        Assert.Equal(StringState.Requested, verdict.State);
        Assert.False(verdict.NeedsAction);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(7, 2)]
    [InlineData(3, 7)]
    public void Needed_or_committed_outside_the_pis_iterations_is_outside_the_pi(int needed, int committed)
    {
        var verdict = DependencyStrings.Judge(DependencyStatus.Committed, Ends(needed, committed), Count, Ip);
        Assert.Equal(new StringVerdict(StringState.OutsidePi, 0), verdict);
        Assert.True(verdict.NeedsAction);
    }

    [Fact]
    public void A_feature_of_another_pi_puts_the_string_outside_the_pi()
    {
        var dependency = Dependency(neededBy: 3, committed: 2) with { ProviderFeatureId = "f" };
        var ends = DependencyStrings.EndsOf(dependency, null, Feature("PI 2026.4", ("comet", 1)), BothInArt, "PI 2027.1");
        Assert.True(ends.FeatureOutsidePi);
        Assert.Equal(StringState.OutsidePi, DependencyStrings.Judge(DependencyStatus.Committed, ends, Count, Ip).State);
    }

    [Fact]
    public void Declined_and_delivered_are_facts_before_any_iteration_rule()
    {
        var late = Ends(2, 5);
        Assert.Equal(StringState.Declined, DependencyStrings.Judge(DependencyStatus.Declined, late, Count, Ip).State);
        Assert.True(DependencyStrings.Judge(DependencyStatus.Declined, late, Count, Ip).NeedsAction);
        Assert.Equal(StringState.Delivered, DependencyStrings.Judge(DependencyStatus.Delivered, late, Count, Ip).State);
        Assert.False(DependencyStrings.Judge(DependencyStatus.Delivered, late, Count, Ip).NeedsAction);
        Assert.Equal(StringState.Delivered, DependencyStrings.Judge(DependencyStatus.Delivered, Ends(2, 5) with { ProviderInArt = false }, Count, Ip).State);
    }

    [Fact]
    public void A_team_that_left_the_art_is_said_before_the_iterations()
    {
        var ends = DependencyStrings.EndsOf(Dependency(neededBy: 3, committed: 2), null, null, new HashSet<string> { "rocket" }, "PI 2027.1");
        Assert.False(ends.ProviderInArt);
        Assert.Equal(StringState.TeamLeft, DependencyStrings.Judge(DependencyStatus.Committed, ends, Count, Ip).State);
    }

    [Fact]
    public void Tied_features_parts_decide_the_ends_and_an_unplanned_part_falls_back_to_the_dependency()
    {
        var dependency = Dependency(neededBy: 3, committed: 2) with { RequesterFeatureId = "r", ProviderFeatureId = "p" };
        var planned = DependencyStrings.EndsOf(dependency, Feature("PI 2027.1", ("rocket", 2)), Feature("PI 2027.1", ("comet", 4)), BothInArt, "PI 2027.1");
        Assert.Equal((2, (int?)4), (planned.Needed, planned.Committed));
        var unplanned = DependencyStrings.EndsOf(dependency, Feature("PI 2027.1", ("rocket", null)), Feature("PI 2027.1", ("comet", null)), BothInArt, "PI 2027.1");
        Assert.Equal((3, (int?)2), (unplanned.Needed, unplanned.Committed));
        var otherTeamsPart = DependencyStrings.EndsOf(dependency, null, Feature("PI 2027.1", ("rocket", 5)), BothInArt, "PI 2027.1");
        Assert.Equal(2, otherTeamsPart.Committed); // the providing team has no part in that feature: its commitment counts
    }

    private static StringEnds Ends(int needed, int? committed) => new(needed, committed, true, true, false);

    private static Dependency Dependency(int neededBy, int? committed) => new()
    {
        Id = "0123456789abcdef", TenantId = "t", ArtId = "a", Pi = "PI 2027.1", Text = "Login",
        RequesterConversationId = "rocket", RequesterTeamName = "Rocket", ProviderConversationId = "comet", ProviderTeamName = "Comet",
        NeededBy = neededBy, CommittedIteration = committed, Status = committed is null ? DependencyStatus.Requested : DependencyStatus.Committed,
        RequestedBy = new Person("p", "P"),
    };

    private static Feature Feature(string pi, (string Team, int? Iteration) part) => new()
    {
        Id = "fedcba9876543210", TenantId = "t", ArtId = "a", Pi = pi, Title = "F", CreatedBy = new Person("p", "P"),
        Parts = [new FeaturePart(part.Team, part.Team, part.Iteration, 3)],
    };
}
