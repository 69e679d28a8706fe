using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Pulses;
using ArtBot.Domain.Review;

namespace ArtBot.UnitTests.Review;

public sealed class ReviewRulesTests
{
    private const string Rocket = "19:rocket@thread.tacv2";
    private const string Comet = "19:comet@thread.tacv2";
    private const string Moon = "19:moon@thread.tacv2";
    private static readonly Person Sam = new("p", "Sam");
    private static readonly ProgramIncrement Pi2 = new("PI 2", new DateOnly(2027, 4, 5), new DateOnly(2027, 6, 27));
    private static readonly DateTimeOffset Now = new(2027, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static PiObjective Objective(string pi, DateOnly start, string team, int? planned, int? actual, bool committed = true) => new()
    {
        Id = Guid.NewGuid().ToString("N"), TenantId = "t", ArtId = "a", TeamConversationId = team, TeamName = team, Pi = pi, PiStart = start,
        Text = "x", Committed = committed, PlannedValue = planned, ActualValue = actual, CreatedBy = Sam,
    };

    private static DemoFeedback Feedback(string pi, string team, DemoVerdict verdict) => new()
    {
        Id = Guid.NewGuid().ToString("N"), TenantId = "t", ArtId = "a", Pi = pi, Iteration = 1, DemoId = "d", TeamConversationId = team,
        ItemId = "i", Verdict = verdict, By = Sam, CreatedAt = new DateTimeOffset(2027, 4, 16, 14, 0, 0, TimeSpan.Zero),
    };

    private static IntegrationProblem Problem(string pi, string? team, bool repaired) => new()
    {
        Id = Guid.NewGuid().ToString("N"), TenantId = "t", ArtId = "a", Pi = pi, Iteration = 1, DemoId = "d", TeamConversationId = team,
        WhatFailed = "login", RaisedBy = Sam, RepairedAt = repaired ? Now.AddDays(-1) : null, CreatedAt = new DateTimeOffset(2027, 4, 16, 14, 0, 0, TimeSpan.Zero),
    };

    private static Impediment Impediment(string team, DateTimeOffset raised, DateTimeOffset? resolved = null, ImpedimentKind kind = ImpedimentKind.Impediment) => new()
    {
        Id = Guid.NewGuid().ToString("N"), TenantId = "t", ScopeId = "s", ConversationId = team, ArtId = "a", Title = "x", Kind = kind,
        RaisedBy = Sam, RaisedAt = raised, ResolvedAt = resolved, Source = ImpedimentSource.Command("a1"),
    };

    private static ImprovementItem Item(string? target, ImprovementStatus status, string? carriedFrom = null) => new()
    {
        Id = Guid.NewGuid().ToString("N"), Scope = new ImprovementScope("t", "a", "19:home"), Title = "x", Problem = "x",
        TargetPi = target, CarriedFromPi = carriedFrom, Status = status,
    };

    private static ReviewData Data() => new()
    {
        Teams = [Rocket, Comet, Moon],
        Objectives =
        [
            Objective("PI 1", new DateOnly(2027, 1, 4), Rocket, 10, 8),
            Objective("PI 1", new DateOnly(2027, 1, 4), Comet, 10, 10),
            Objective("PI 2", Pi2.Start, Rocket, 10, 9),
            Objective("PI 2", Pi2.Start, Comet, 10, 7),
            Objective("PI 2", Pi2.Start, Comet, null, 2, committed: false),
            Objective("PI 3", new DateOnly(2027, 7, 5), Rocket, 5, null),
        ],
        Feedback =
        [
            Feedback("PI 2", Rocket, DemoVerdict.Accepted), Feedback("PI 2", Rocket, DemoVerdict.Accepted), Feedback("PI 2", Rocket, DemoVerdict.NeedsWork),
            Feedback("PI 2", Comet, DemoVerdict.Accepted), Feedback("PI 2", Comet, DemoVerdict.NotShown),
        ],
        Problems = [Problem("PI 2", Rocket, repaired: true), Problem("PI 2", Rocket, repaired: false), Problem("PI 2", null, repaired: false)],
        Impediments =
        [
            Impediment(Rocket, Now.AddDays(-10)),
            Impediment(Comet, Now.AddDays(-4)),
            Impediment(Comet, Now.AddDays(-20), Now.AddDays(-14)),
            Impediment(Rocket, Now.AddDays(-3), kind: ImpedimentKind.Risk),
        ],
        Improvements =
        [
            Item("PI 2", ImprovementStatus.Done), Item("PI 2", ImprovementStatus.InProgress), Item("PI 2", ImprovementStatus.Dropped, carriedFrom: "PI 1"),
            Item("PI 1", ImprovementStatus.Done),
        ],
        Pulses =
        [
            new PulseReview("PI 2",
                [new TeamPulseFigure(Rocket, 1, new PulseFigure(4, 4.0, [], [])), new TeamPulseFigure(Comet, 1, new PulseFigure(3, 3.0, [], []))],
                [new PulseSpread(1, 3, 2, 3.0, 3.5, 4.0, 9, 3.6)]),
        ],
    };

    [Fact]
    public void The_pis_are_those_of_the_data_by_their_start_up_to_the_current_one()
    {
        var pis = ReviewRules.Pis(Data(), Pi2);

        Assert.Equal(["PI 1", "PI 2"], pis.Select(p => p.Name));
        Assert.Equal(new DateOnly(2027, 4, 4), pis[0].End); // the day before the next PI
        Assert.Equal(Pi2.End, pis[1].End);
        Assert.Equal(["PI 2", "PI 3"], ReviewRules.Pis(Data(), null, 2).Select(p => p.Name));
    }

    [Fact]
    public void The_arts_figures_follow_each_measures_rule()
    {
        var review = ReviewRules.Review(Data(), ReviewRules.Pis(Data(), Pi2), Now);
        var art = review[^1].Art;

        Assert.Equal(90, art[ReviewMeasure.Predictability].Value); // (9 + 7 + 2) / (10 + 10)
        Assert.Equal(75, art[ReviewMeasure.DemoAcceptance].Value); // 3 accepted of 4 judged, not shown apart
        Assert.Equal(4, art[ReviewMeasure.DemoAcceptance].Sample);
        Assert.Equal(1, art[ReviewMeasure.DemoNotShown].Value);
        Assert.Equal((3.0, 1.0), (art[ReviewMeasure.ProblemsFound].Value!.Value, art[ReviewMeasure.ProblemsRepaired].Value!.Value));
        Assert.Equal(7, art[ReviewMeasure.ImpedimentOpenMedianDays].Value); // 10 and 4 days; the risk is not counted
        Assert.Equal(10, art[ReviewMeasure.ImpedimentOldestDays].Value);
        Assert.Equal(6, art[ReviewMeasure.ImpedimentResolveMedianDays].Value);
        Assert.Equal(33, art[ReviewMeasure.ImprovementsDone].Value); // 1 done of 3 planned (one carried over, dropped)
        Assert.Equal(3.6, art[ReviewMeasure.Satisfaction].Value!.Value, 6);
        Assert.Equal(ReviewTrend.Same, ReviewRules.Trend(review, ReviewMeasure.Predictability)); // PI 1: (8 + 10) / 20
    }

    [Fact]
    public void Too_little_data_is_no_data_not_zero()
    {
        var review = ReviewRules.Review(Data(), ReviewRules.Pis(Data(), Pi2), Now);
        var first = review[0].Art;

        Assert.Null(first[ReviewMeasure.DemoAcceptance].Value);
        Assert.Null(first[ReviewMeasure.ProblemsFound].Value);
        Assert.Null(first[ReviewMeasure.Satisfaction].Value);
        Assert.Null(review[^1].Team(Moon)[ReviewMeasure.Predictability].Value);
        Assert.Null(review[^1].Team(Rocket)[ReviewMeasure.ImprovementsDone].Value); // the ART's, not a team's
        Assert.Null(ReviewRules.Satisfaction(new PulseReview("PI 2", [new TeamPulseFigure(Rocket, 1, new PulseFigure(2, null, [], []))], []), Rocket).Value);
    }

    [Fact]
    public void Team_figures_are_the_teams_own_and_the_spread_names_nobody()
    {
        var last = ReviewRules.Review(Data(), ReviewRules.Pis(Data(), Pi2), Now)[^1];

        Assert.Equal(90, last.Team(Rocket)[ReviewMeasure.Predictability].Value);
        Assert.Equal(67, last.Team(Rocket)[ReviewMeasure.DemoAcceptance].Value);
        Assert.Equal(2, last.Team(Rocket)[ReviewMeasure.ProblemsFound].Value);
        Assert.Equal(4.0, last.Team(Rocket)[ReviewMeasure.Satisfaction].Value);
        Assert.Equal(new ReviewSpread(2, 67, 83.5, 100), last.Spread(ReviewMeasure.DemoAcceptance));
        Assert.Equal(new ReviewSpread(2, 3.0, 3.5, 4.0), last.Spread(ReviewMeasure.Satisfaction));
        Assert.Equal(ReviewSpread.None, last.Spread(ReviewMeasure.ImprovementsDone));
    }

    [Fact]
    public void Trends_compare_the_last_pi_with_the_one_before()
    {
        Assert.Equal(ReviewTrend.Up, ReviewTrends.Of(80, 70));
        Assert.Equal(ReviewTrend.Down, ReviewTrends.Of(3.51, 3.6));
        Assert.Equal(ReviewTrend.Same, ReviewTrends.Of(3.61, 3.6));
        Assert.Equal(ReviewTrend.None, ReviewTrends.Of(null, 3.6));
    }

    [Fact]
    public void Impediments_are_aged_at_the_pis_end_when_it_is_over()
    {
        var data = Data() with { Impediments = [Impediment(Rocket, new DateTimeOffset(2027, 3, 20, 0, 0, 0, TimeSpan.Zero))] };
        var first = ReviewRules.Review(data, ReviewRules.Pis(data, Pi2), Now)[0].Art;

        Assert.Equal(16, first[ReviewMeasure.ImpedimentOldestDays].Value); // 20 Mar to the end of 4 Apr
    }
}
