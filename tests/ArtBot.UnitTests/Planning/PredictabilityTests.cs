using ArtBot.Domain.People;
using ArtBot.Domain.Planning;

namespace ArtBot.UnitTests.Planning;

/// <summary>SAFe's predictability: actual value of all objectives against planned value of the committed ones.</summary>
public sealed class PredictabilityTests
{
    private static readonly DateOnly PiStart = new(2027, 1, 4);
    private static readonly DateTimeOffset Planning = new(2026, 12, 15, 14, 0, 0, TimeSpan.Zero);
    private static readonly Person Dev = new("aad-dev", "Dan Dev");
    private static int _next;

    private static PiObjective Objective(
        int? planned,
        int? actual,
        bool committed = true,
        string team = "19:rocket@thread.tacv2",
        string teamName = "Rocket",
        string pi = "PI 10",
        DateOnly? piStart = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null) => new()
        {
            Id = Interlocked.Increment(ref _next).ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
            TenantId = "tenant-1",
            ArtId = "art-1",
            TeamConversationId = team,
            TeamName = teamName,
            Pi = pi,
            PiStart = piStart ?? PiStart,
            Text = "Objective",
            Committed = committed,
            PlannedValue = planned,
            ActualValue = actual,
            CreatedBy = Dev,
            CreatedAt = createdAt ?? Planning,
            UpdatedAt = updatedAt ?? createdAt ?? Planning,
        };

    [Fact]
    public void Actual_value_of_all_objectives_counts_against_planned_value_of_committed_ones_and_can_exceed_100()
    {
        var figure = Predictability.Of(
        [
            Objective(planned: 8, actual: 9),
            Objective(planned: 12, actual: 10),
            Objective(planned: 5, actual: 5, committed: false),
        ]);

        Assert.Equal(20, figure.PlannedCommitted);
        Assert.Equal(24, figure.Actual);
        Assert.Equal(3, figure.Objectives);
        Assert.Equal(120, figure.Percent);
        Assert.False(figure.IsInBand);
        Assert.True(figure.IsComplete);
    }

    [Theory]
    [InlineData(3, 2, 67)]
    [InlineData(6, 5, 83)]
    [InlineData(8, 7, 88)]
    [InlineData(8, 1, 13)]
    [InlineData(7, 0, 0)]
    public void The_figure_is_rounded_to_whole_percent_halves_up(int planned, int actual, int percent)
    {
        Assert.Equal(percent, Predictability.Of([Objective(planned, actual)]).Percent);
    }

    [Fact]
    public void A_pi_with_no_committed_objectives_has_no_figure()
    {
        var figure = Predictability.Of([Objective(planned: 5, actual: 6, committed: false)]);

        Assert.Equal(0, figure.PlannedCommitted);
        Assert.Equal(6, figure.Actual);
        Assert.Null(figure.Percent);
        Assert.False(figure.IsInBand);
    }

    [Fact]
    public void No_objectives_have_no_figure_and_nothing_missing()
    {
        var figure = Predictability.Of([]);

        Assert.Null(figure.Percent);
        Assert.Equal(0, figure.Objectives);
        Assert.True(figure.IsComplete);
    }

    [Fact]
    public void Committed_objectives_without_planned_value_give_no_figure_and_are_named()
    {
        var unplanned = Objective(planned: null, actual: 4);

        var figure = Predictability.Of([unplanned]);

        Assert.Null(figure.Percent);
        Assert.Same(unplanned, Assert.Single(figure.WithoutPlanned));
        Assert.False(figure.IsComplete);
    }

    [Fact]
    public void Objectives_without_planned_value_are_listed_never_silently_counted()
    {
        var unplanned = Objective(planned: null, actual: 3);
        var planned = Objective(planned: 10, actual: 9);

        var figure = Predictability.Of([planned, unplanned]);

        Assert.Equal([unplanned], figure.WithoutPlanned);
        Assert.Empty(figure.WithoutActual);
        Assert.Equal(10, figure.PlannedCommitted);
        Assert.Equal(12, figure.Actual);
        Assert.False(figure.IsComplete);
    }

    [Fact]
    public void Objectives_without_actual_value_are_listed_and_the_figure_is_not_final()
    {
        var open = Objective(planned: 6, actual: null);
        var stretch = Objective(planned: 3, actual: null, committed: false);
        var done = Objective(planned: 4, actual: 4);

        var figure = Predictability.Of([open, done, stretch]);

        Assert.Equal([open, stretch], figure.WithoutActual);
        Assert.Empty(figure.WithoutPlanned);
        Assert.Equal(10, figure.PlannedCommitted);
        Assert.Equal(4, figure.Actual);
        Assert.Equal(40, figure.Percent);
        Assert.False(figure.IsComplete);
    }

    [Theory]
    [InlineData(80, true)]
    [InlineData(90, true)]
    [InlineData(100, true)]
    [InlineData(79, false)]
    [InlineData(101, false)]
    public void The_target_band_is_80_to_100_percent_both_included(int actual, bool inBand)
    {
        var figure = new Predictability(100, actual, 10, [], [], []);

        Assert.Equal(actual, figure.Percent);
        Assert.Equal(inBand, figure.IsInBand);
    }

    [Fact]
    public void The_band_applies_to_the_rounded_figure()
    {
        Assert.True(new Predictability(200, 159, 10, [], [], []).IsInBand); // 79.5% shows as 80%
        Assert.False(new Predictability(200, 158, 10, [], [], []).IsInBand); // 79%
        Assert.True(new Predictability(1000, 1004, 10, [], [], []).IsInBand); // 100.4% shows as 100%
        Assert.False(new Predictability(200, 201, 10, [], [], []).IsInBand); // 100.5% shows as 101%
    }

    [Fact]
    public void Objectives_added_on_or_after_the_pis_first_day_are_counted_and_listed_as_added_late()
    {
        var atPlanning = Objective(planned: 5, actual: 5, createdAt: new DateTimeOffset(2027, 1, 3, 23, 59, 59, TimeSpan.Zero));
        var onFirstDay = Objective(planned: 3, actual: 3, createdAt: new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero));
        var later = Objective(planned: 2, actual: 0, createdAt: new DateTimeOffset(2027, 2, 1, 12, 0, 0, TimeSpan.Zero));

        var figure = Predictability.Of([atPlanning, onFirstDay, later]);

        Assert.Equal([onFirstDay, later], figure.AddedLate);
        Assert.Equal(10, figure.PlannedCommitted);
        Assert.Equal(8, figure.Actual);
        Assert.Equal(80, figure.Percent);
    }

    [Fact]
    public void History_orders_pis_by_start_not_by_name()
    {
        PiObjective[] objectives =
        [
            Objective(5, 5, pi: "PI 10", piStart: new DateOnly(2027, 1, 4)),
            Objective(5, 4, pi: "PI 8", piStart: new DateOnly(2026, 7, 6)),
            Objective(5, 3, pi: "PI 9", piStart: new DateOnly(2026, 9, 28)),
        ];

        var history = PiPredictability.History(objectives, "PI 10", 10);

        Assert.Equal(["PI 8", "PI 9", "PI 10"], history.Select(p => p.Pi));
        Assert.Equal([new DateOnly(2026, 7, 6), new DateOnly(2026, 9, 28), new DateOnly(2027, 1, 4)], history.Select(p => p.PiStart));
        Assert.Equal([80, 60, 100], history.Select(p => p.Art.Percent));
    }

    [Fact]
    public void History_leaves_out_pis_after_the_current_one_and_keeps_the_last_ones()
    {
        PiObjective[] objectives =
        [
            Objective(5, null, pi: "PI 11", piStart: new DateOnly(2027, 3, 29)),
            Objective(5, 5, pi: "PI 10", piStart: new DateOnly(2027, 1, 4)),
            Objective(5, 4, pi: "PI 8", piStart: new DateOnly(2026, 7, 6)),
            Objective(5, 3, pi: "PI 9", piStart: new DateOnly(2026, 9, 28)),
        ];

        Assert.Equal(["PI 8", "PI 9", "PI 10"], PiPredictability.History(objectives, "PI 10", 10).Select(p => p.Pi));
        Assert.Equal(["PI 9", "PI 10"], PiPredictability.History(objectives, "PI 10", 2).Select(p => p.Pi));
        Assert.Equal(["PI 10"], PiPredictability.History(objectives, "PI 10", 0).Select(p => p.Pi));
        Assert.Equal(["PI 8", "PI 9"], PiPredictability.History(objectives, "PI 9", 5).Select(p => p.Pi));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("PI 99")]
    public void Without_a_known_current_pi_history_keeps_every_pi(string? currentPi)
    {
        PiObjective[] objectives =
        [
            Objective(5, null, pi: "PI 11", piStart: new DateOnly(2027, 3, 29)),
            Objective(5, 5, pi: "PI 10", piStart: new DateOnly(2027, 1, 4)),
        ];

        Assert.Equal(["PI 10", "PI 11"], PiPredictability.History(objectives, currentPi, 10).Select(p => p.Pi));
    }

    [Fact]
    public void History_groups_each_pi_by_team_sorted_by_name_and_the_art_figure_covers_all_teams()
    {
        var renamedAt = new DateTimeOffset(2027, 1, 20, 9, 0, 0, TimeSpan.Zero);
        PiObjective[] objectives =
        [
            Objective(10, 9, team: "19:zephyr", teamName: "Zephyr"),
            Objective(5, 5, team: "19:rocket", teamName: "Rocket (old)", updatedAt: Planning),
            Objective(5, 2, team: "19:rocket", teamName: "rocket", updatedAt: renamedAt),
            Objective(4, 4, team: "19:apollo", teamName: "Apollo"),
            Objective(6, 6, team: "19:apollo", teamName: "Apollo", committed: false),
        ];

        var pi = Assert.Single(PiPredictability.History(objectives, "PI 10", 6));

        Assert.Equal(["Apollo", "rocket", "Zephyr"], pi.Teams.Select(t => t.TeamName));
        Assert.Equal(["19:apollo", "19:rocket", "19:zephyr"], pi.Teams.Select(t => t.TeamConversationId));
        Assert.Equal([250, 70, 90], pi.Teams.Select(t => t.Figure.Percent));
        Assert.Equal([2, 2, 1], pi.Teams.Select(t => t.Figure.Objectives));
        Assert.Equal(24, pi.Art.PlannedCommitted);
        Assert.Equal(26, pi.Art.Actual);
        Assert.Equal(5, pi.Art.Objectives);
        Assert.Equal(108, pi.Art.Percent);
    }

    [Fact]
    public void No_objectives_have_no_history()
    {
        Assert.Empty(PiPredictability.History([], "PI 10", 6));
    }
}
