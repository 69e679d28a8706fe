using ArtBot.Domain.Votes;

namespace ArtBot.UnitTests.Votes;

public sealed class VoteRulesTests
{
    [Fact]
    public void Tally_counts_averages_to_one_decimal_and_distributes()
    {
        var tally = VoteTally.From([5, 4, 4, 3, 1, 1]);

        Assert.Equal(6, tally.Count);
        Assert.Equal(3.0, tally.Average);
        Assert.Equal([2, 0, 1, 2, 1], tally.Distribution);
        Assert.Equal(2, tally.CountOf(4));
    }

    [Theory]
    [InlineData(new[] { 3, 4 }, 3.5)]
    [InlineData(new[] { 1, 2, 2 }, 1.7)]
    [InlineData(new[] { 2, 3, 3, 3 }, 2.8)]
    [InlineData(new[] { 5 }, 5.0)]
    public void Average_is_rounded_to_one_decimal(int[] values, double expected) =>
        Assert.Equal(expected, VoteTally.From(values).Average);

    [Fact]
    public void An_empty_tally_has_no_outcome()
    {
        Assert.Equal(0, VoteTally.Empty.Count);
        Assert.Null(VoteTally.From([]).Outcome);
    }

    [Fact]
    public void Values_outside_the_scale_are_not_counted()
    {
        Assert.Equal(1, VoteTally.From([0, 6, -3, 4]).Count);
    }

    [Theory]
    [InlineData(new[] { 3 }, VoteOutcome.CommitmentAccepted)]
    [InlineData(new[] { 5, 1 }, VoteOutcome.CommitmentAccepted)]
    [InlineData(new[] { 3, 3, 2 }, VoteOutcome.ReworkAndVoteAgain)]
    [InlineData(new[] { 1, 2 }, VoteOutcome.ReworkAndVoteAgain)]
    public void Average_of_three_or_more_accepts_the_commitment(int[] values, VoteOutcome expected)
    {
        Assert.Equal(expected, VoteRules.OutcomeOf(VoteTally.From(values)));
        Assert.Equal(expected, VoteTally.From(values).Outcome);
    }

    [Fact]
    public void Outcomes_read_as_safe_says()
    {
        Assert.Equal("Commitment accepted", VoteRules.Describe(VoteOutcome.CommitmentAccepted));
        Assert.Equal("Rework the plan and vote again", VoteRules.Describe(VoteOutcome.ReworkAndVoteAgain));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    [InlineData(" 3 ", 3)]
    public void Whole_numbers_one_to_five_are_ballots(string text, int expected)
    {
        Assert.True(VoteRules.TryParseValue(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("-1")]
    [InlineData("+3")]
    [InlineData("3.0")]
    [InlineData("2.5")]
    [InlineData("three")]
    [InlineData("1e0")]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(VoteRules.TryParseValue(text, out var value));
        Assert.Equal(0, value);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(5, false)]
    public void Voters_of_one_or_two_are_invited_to_voice_a_concern(int value, bool invited) =>
        Assert.Equal(invited, VoteScale.InvitesConcern(value));

    [Fact]
    public void Every_value_has_a_meaning()
    {
        Assert.Equal("Very confident", VoteScale.Meaning(5));
        Assert.Equal("No confidence", VoteScale.Meaning(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => VoteScale.Meaning(0));
    }

    [Fact]
    public void A_question_is_cleaned_of_html_and_markdown_and_whitespace()
    {
        var check = VoteRules.CheckQuestion("  <script>alert(1)</script> Are **we**\n\n ready &amp; [sure](x)?  ");

        Assert.Null(check.Error);
        Assert.Equal(@"alert\(1\) Are \*\*we\*\* ready & \[sure\]\(x\)?", check.Question);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<b></b>")]
    public void An_empty_question_is_refused(string? text)
    {
        var check = VoteRules.CheckQuestion(text);

        Assert.Null(check.Question);
        Assert.Contains("add a question", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_over_the_limit_is_refused_and_one_at_the_limit_accepted()
    {
        Assert.NotNull(VoteRules.CheckQuestion(new string('a', VoteRules.MaxQuestionLength)).Question);
        var refused = VoteRules.CheckQuestion(new string('a', 10_000));
        Assert.Null(refused.Question);
        Assert.Contains("10000 characters", refused.Error, StringComparison.Ordinal);
    }
}
