using ArtBot.Domain.Improvements;

namespace ArtBot.UnitTests.Improvements;

public sealed class DotRulesTests
{
    private static readonly DateTimeOffset T0 = new(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static ParticipantDots Dots(params string[] problems) => new("p", "P", problems);

    private static WorkshopProblem Problem(string id, int minute) => new(id, "Problem " + id, null, T0.AddMinutes(minute));

    [Fact]
    public void Spending_places_a_dot_and_counts_it_against_the_allowance()
    {
        var result = DotRules.Spend(Dots("a"), "b", 3);

        Assert.Equal(DotOutcome.Changed, result.Outcome);
        Assert.Equal(["a", "b"], result.Dots.ProblemIds);
        Assert.Equal(1, result.Dots.Remaining(3));
    }

    [Fact]
    public void Spending_again_on_the_same_problem_changes_nothing_so_a_redelivery_counts_once()
    {
        var result = DotRules.Spend(Dots("a", "b"), "a", 3);

        Assert.Equal(DotOutcome.Unchanged, result.Outcome);
        Assert.Equal(["a", "b"], result.Dots.ProblemIds);
    }

    [Fact]
    public void Spending_past_the_allowance_is_refused_and_changes_nothing()
    {
        var current = Dots("a", "b", "c");

        var result = DotRules.Spend(current, "d", 3);

        Assert.Equal(DotOutcome.NoDotsLeft, result.Outcome);
        Assert.Same(current, result.Dots);
        Assert.Equal(0, current.Remaining(3));
    }

    [Fact]
    public void A_smaller_allowance_is_enforced_too()
    {
        Assert.Equal(DotOutcome.NoDotsLeft, DotRules.Spend(Dots("a"), "b", 1).Outcome);
    }

    [Fact]
    public void Taking_back_frees_the_dot_and_taking_back_twice_changes_nothing()
    {
        var taken = DotRules.TakeBack(Dots("a", "b"), "a");
        var again = DotRules.TakeBack(taken.Dots, "a");

        Assert.Equal(DotOutcome.Changed, taken.Outcome);
        Assert.Equal(["b"], taken.Dots.ProblemIds);
        Assert.Equal(DotOutcome.Unchanged, again.Outcome);
        Assert.Equal(DotOutcome.Changed, DotRules.Spend(taken.Dots, "c", 2).Outcome);
    }

    [Fact]
    public void Ranking_orders_by_dots_then_by_the_order_problems_were_added_and_ties_share_a_rank()
    {
        var problems = new[] { Problem("a", 0), Problem("b", 1), Problem("c", 2), Problem("d", 3) };
        var participants = new[]
        {
            new ParticipantDots("1", null, ["c", "b"]),
            new ParticipantDots("2", null, ["c", "d"]),
            new ParticipantDots("3", null, ["b", "c"]),
            new ParticipantDots("4", null, ["d"]),
        };

        var ranking = DotRules.Rank(problems, participants);

        Assert.Equal(["c", "b", "d", "a"], ranking.Select(r => r.Problem.Id));
        Assert.Equal([3, 2, 2, 0], ranking.Select(r => r.Dots));
        Assert.Equal([1, 2, 2, 4], ranking.Select(r => r.Rank));
    }

    [Fact]
    public void The_top_n_become_items_but_never_a_problem_without_dots()
    {
        var problems = new[] { Problem("a", 0), Problem("b", 1), Problem("c", 2) };
        var ranking = DotRules.Rank(problems, [new ParticipantDots("1", null, ["b", "a"])]);

        Assert.Equal(["a", "b"], DotRules.Select(ranking, 3, null).Select(r => r.Problem.Id));
        Assert.Equal(["a"], DotRules.Select(ranking, 1, []).Select(r => r.Problem.Id));
    }

    [Fact]
    public void Picked_problems_win_over_the_top_n_and_keep_the_ranking_order()
    {
        var problems = new[] { Problem("a", 0), Problem("b", 1), Problem("c", 2) };
        var ranking = DotRules.Rank(problems, [new ParticipantDots("1", null, ["b"])]);

        Assert.Equal(["b", "c"], DotRules.Select(ranking, 1, ["c", "b"]).Select(r => r.Problem.Id));
    }

    [Theory]
    [InlineData("3", true, 3)]
    [InlineData(" 10 ", true, 10)]
    [InlineData("0", false, 0)]
    [InlineData("11", false, 0)]
    [InlineData("-1", false, 0)]
    [InlineData("2.5", false, 0)]
    [InlineData("three", false, 0)]
    [InlineData(null, false, 0)]
    public void Counts_are_whole_numbers_in_range(string? text, bool ok, int expected)
    {
        Assert.Equal(ok, DotRules.TryParseCount(text, DotRules.MaxDots, out var value));
        Assert.Equal(expected, value);
    }
}
