using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Features.Board;

namespace ArtBot.UnitTests.Board;

/// <summary>Capacity defaults from the previous PI, load against capacity, WSJF and a feature's state after a move.</summary>
public sealed class PlanningRulesTests
{
    private static readonly ProgramIncrement Pi = new("PI 2027.2", new DateOnly(2027, 4, 5), new DateOnly(2027, 6, 27));

    [Fact]
    public void Capacity_defaults_to_the_previous_pis_figures_the_ip_iteration_to_the_previous_ip()
    {
        var iterations = IterationCadence.Default.Of(Pi); // six, the last IP
        var previous = Capacity([30, 32, null, 28, 10]); // four regular iterations, then IP
        Assert.Equal([30, 32, 28, 28, 28, 10], CapacityDefaults.From(previous, iterations, previousLastIsIp: true));
        Assert.Equal([null, null, null, null, null, null], CapacityDefaults.From(null, iterations, previousLastIsIp: true));
        Assert.Equal([30, 32, 10, 28, 10, null], CapacityDefaults.From(previous, iterations, previousLastIsIp: false)); // no IP figure before
    }

    [Fact]
    public void Load_counts_placed_parts_of_live_features_and_says_over_capacity()
    {
        var features = new[]
        {
            Feature(FeatureState.Planned, ("rocket", 1, 8), ("comet", 1, 5)),
            Feature(FeatureState.Backlog, ("rocket", 1, 5), ("rocket", null, 3)),
            Feature(FeatureState.Removed, ("rocket", 1, 40)),
            Feature(FeatureState.Planned, ("rocket", 9, 40)), // outside the PI's iterations
        };
        var load = TeamLoad.Of("rocket", features, Capacity([12, 20]), 2);
        Assert.Equal([new TeamLoad(1, 12, 13), new TeamLoad(2, 20, 0)], load);
        Assert.True(load[0].Over);
        Assert.False(new TeamLoad(1, null, 99).Over); // no capacity stated: never "over"
    }

    [Theory]
    [InlineData(8, 5, 3, 5, 3.2)]
    [InlineData(20, 20, 20, 1, 60.0)]
    [InlineData(1, 1, 1, 20, 0.2)]
    public void Wsjf_is_cost_of_delay_over_job_size(int value, int time, int risk, int size, double score)
    {
        var wsjf = new Wsjf(value, time, risk, size);
        Assert.True(wsjf.IsValid);
        Assert.Equal(score, wsjf.Score);
    }

    [Fact]
    public void Wsjf_inputs_are_on_the_modified_fibonacci_scale() => Assert.False(new Wsjf(4, 5, 3, 5).IsValid);

    [Fact]
    public void A_feature_is_planned_once_every_part_is_placed_and_keeps_a_later_state()
    {
        Assert.Equal(FeatureState.Planned, FeaturePlanning.StateAfter(FeatureState.Backlog, [new("a", "A", 1, null), new("b", "B", 2, null)]));
        Assert.Equal(FeatureState.Backlog, FeaturePlanning.StateAfter(FeatureState.Planned, [new("a", "A", 1, null), new("b", "B", null, null)]));
        Assert.Equal(FeatureState.Backlog, FeaturePlanning.StateAfter(FeatureState.Backlog, []));
        Assert.Equal(FeatureState.InProgress, FeaturePlanning.StateAfter(FeatureState.InProgress, [new("a", "A", null, null)]));
    }

    private static TeamCapacity Capacity(int?[] figures) => new()
    {
        Id = "0123456789abcdef", TenantId = "t", ArtId = "a", Pi = "PI 2027.1", TeamConversationId = "rocket", TeamName = "Rocket",
        PerIteration = figures, CreatedBy = new Person("p", "P"),
    };

    private static Feature Feature(FeatureState state, params (string Team, int? Iteration, int Points)[] parts) => new()
    {
        Id = "fedcba9876543210", TenantId = "t", ArtId = "a", Pi = "PI 2027.2", Title = "F", State = state, CreatedBy = new Person("p", "P"),
        Parts = [.. parts.Select(p => new FeaturePart(p.Team, p.Team, p.Iteration, p.Points))],
    };
}
