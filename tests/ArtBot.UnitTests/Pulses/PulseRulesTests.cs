using ArtBot.Domain.Pulses;

namespace ArtBot.UnitTests.Pulses;

public sealed class PulseRulesTests
{
    private static Pulse Pulse(int iteration, string team) => new()
    {
        TenantId = "t",
        ArtId = "a",
        Pi = "PI 2027.1",
        Iteration = iteration,
        IterationEnd = new DateOnly(2027, 1, 17),
        TeamConversationId = team,
        PostedConversationId = team,
        ServiceUrl = "https://smba.example/",
    };

    private static PulseResults Team(int iteration, string team, params int[] scores) =>
        new(Pulse(iteration, team), [.. scores.Select(s => new PulseAnswer(s, null))]);

    [Fact]
    public void The_threshold_is_three_answers()
    {
        Assert.Equal(3, PulseRules.MinAnswers);
    }

    [Fact]
    public void Below_three_answers_only_the_count_is_shown()
    {
        var figure = PulseRules.Figure([new PulseAnswer(5, "great"), new PulseAnswer(1, "awful")]);

        Assert.Equal(2, figure.Answered);
        Assert.False(figure.IsShown);
        Assert.Null(figure.Average);
        Assert.Empty(figure.Distribution);
        Assert.Empty(figure.Words);
    }

    [Fact]
    public void From_three_answers_the_average_distribution_and_sorted_words_are_shown()
    {
        var figure = PulseRules.Figure([new PulseAnswer(4, "tired"), new PulseAnswer(5, "Calm"), new PulseAnswer(4, null), new PulseAnswer(2, "busy")]);

        Assert.True(figure.IsShown);
        Assert.Equal(3.75, figure.Average);
        Assert.Equal([0, 1, 0, 2, 1], figure.Distribution);
        Assert.Equal(["busy", "Calm", "tired"], figure.Words);
    }

    [Theory]
    [InlineData(new double[] { }, null)]
    [InlineData(new double[] { 3.0 }, 3.0)]
    [InlineData(new double[] { 4.0, 2.0, 3.5 }, 3.5)]
    [InlineData(new double[] { 4.0, 1.0, 2.0, 5.0 }, 3.0)]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones(double[] values, double? median)
    {
        Assert.Equal(median, PulseRules.Median(values));
    }

    [Theory]
    [InlineData(null, true, null)]
    [InlineData("   ", true, null)]
    [InlineData("  very   focused ", true, "very focused")]
    [InlineData("123456789012345678901234567890", true, "123456789012345678901234567890")]
    [InlineData("1234567890123456789012345678901", false, "1234567890123456789012345678901")]
    public void The_word_is_trimmed_and_at_most_thirty_characters(string? text, bool valid, string? word)
    {
        Assert.Equal(valid, PulseRules.TryWord(text, out var result));
        Assert.Equal(word, result);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Scores_run_from_one_to_five(int score, bool valid) => Assert.Equal(valid, PulseRules.IsScore(score));

    [Fact]
    public void The_spread_counts_teams_and_uses_only_shown_figures_for_lowest_median_and_highest()
    {
        var pulses = new[]
        {
            Team(2, "rocket", 4, 4, 5),       // 4.33
            Team(2, "comet", 2, 3, 3, 4),     // 3.0
            Team(2, "meteor", 1, 1),          // below the threshold: counted, not ranged
            Team(2, "quiet"),                 // nobody answered: not a team that answered
            Team(1, "rocket", 5, 5, 5),       // another iteration
        };

        var spread = PulseRules.Spread(2, pulses);

        Assert.Equal(3, spread.TeamsAnswered);
        Assert.Equal(2, spread.TeamsWithFigure);
        Assert.Equal(3.0, spread.Lowest);
        Assert.Equal(3.0, spread.Lowest);
        Assert.Equal((3.0 + 13.0 / 3) / 2, spread.Median!.Value, 9);
        Assert.Equal(13.0 / 3, spread.Highest!.Value, 9);
        Assert.Equal(9, spread.Answers);
        Assert.Equal(27.0 / 9, spread.ArtAverage);
    }

    [Fact]
    public void The_art_average_needs_three_answers_too()
    {
        var spread = PulseRules.Spread(1, [Team(1, "rocket", 5), Team(1, "comet", 1)]);

        Assert.Equal(2, spread.TeamsAnswered);
        Assert.Equal(0, spread.TeamsWithFigure);
        Assert.Null(spread.Median);
        Assert.Null(spread.ArtAverage);
    }

    [Fact]
    public void The_review_holds_shown_team_figures_per_iteration_and_the_arts_spread()
    {
        var review = PulseRules.Review("PI 2027.1", [Team(1, "rocket", 3, 4, 5), Team(1, "comet", 2), Team(2, "rocket", 1, 1, 1)]);

        Assert.Equal([(1, "rocket"), (2, "rocket")], review.Teams.Select(t => (t.Iteration, t.TeamConversationId)));
        Assert.Equal([1, 2], review.Art.Select(a => a.Iteration));
        Assert.Equal(2, review.Art[0].TeamsAnswered);
        Assert.Equal(14.0 / 4, review.Art[0].ArtAverage);
    }

    [Fact]
    public void A_pulse_ends_after_its_iterations_last_day()
    {
        var pulse = Pulse(1, "rocket");

        Assert.False(pulse.HasEnded(new DateOnly(2027, 1, 17)));
        Assert.True(pulse.HasEnded(new DateOnly(2027, 1, 18)));
    }
}
