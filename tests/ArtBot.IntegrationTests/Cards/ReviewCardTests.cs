using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Pulses;
using ArtBot.Domain.Review;
using ArtBot.Features.Review;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>The quantitative review cards for the catalog: 12 teams over 4 PIs (the ART's view and a team's), and an ART without data.</summary>
public sealed class ReviewCardTests
{
    private static readonly Person Sam = new("p", "Sam");
    private static readonly DateTimeOffset Now = new(2027, 12, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly ProgramIncrement Current = new("PI 2027.4 **bold** <b>x</b>", new DateOnly(2027, 10, 4), new DateOnly(2027, 12, 26));

    private static string Team(int i) => $"19:team{i}@thread.tacv2";

    /// <summary>Four PIs of twelve teams with every measure fed (the last PI named with markup).</summary>
    public static IReadOnlyList<PiReview> Pis()
    {
        var pis = new[] { ("PI 2027.1", new DateOnly(2027, 1, 4)), ("PI 2027.2", new DateOnly(2027, 4, 5)), ("PI 2027.3", new DateOnly(2027, 7, 5)), (Current.Name, Current.Start) };
        var teams = Enumerable.Range(1, 12).Select(Team).ToList();
        var data = new ReviewData
        {
            Teams = teams,
            Objectives = [.. pis.SelectMany((p, n) => teams.Select((t, i) => new PiObjective
            {
                Id = $"o{n}{i}", TenantId = "t", ArtId = "a", TeamConversationId = t, TeamName = "Team " + i, Pi = p.Item1, PiStart = p.Item2, Text = "x",
                PlannedValue = 10, ActualValue = 5 + (i + n) % 6, CreatedBy = Sam,
            }))],
            Feedback = [.. pis.SelectMany((p, n) => teams.SelectMany((t, i) => Enumerable.Range(0, 5).Select(k => new DemoFeedback
            {
                Id = $"f{n}{i}{k}", TenantId = "t", ArtId = "a", Pi = p.Item1, Iteration = 1, DemoId = "d", TeamConversationId = t, ItemId = "i" + k,
                Verdict = (k + i + n) % 4 == 0 ? DemoVerdict.NeedsWork : (k + i) % 7 == 0 ? DemoVerdict.NotShown : DemoVerdict.Accepted, By = Sam,
                CreatedAt = p.Item2.ToDateTime(TimeOnly.MinValue).AddDays(12),
            })))],
            Problems = [.. pis.SelectMany((p, n) => teams.Take(n + 3).Select((t, i) => new IntegrationProblem
            {
                Id = $"p{n}{i}", TenantId = "t", ArtId = "a", Pi = p.Item1, Iteration = 2, DemoId = "d", TeamConversationId = t, WhatFailed = "login", RaisedBy = Sam,
                RepairedAt = i % 2 == 0 ? Now : null, CreatedAt = p.Item2.ToDateTime(TimeOnly.MinValue).AddDays(26),
            }))],
            Impediments = [.. teams.Select((t, i) => new Impediment
            {
                Id = "i" + i, TenantId = "t", ScopeId = "s", ConversationId = t, ArtId = "a", Title = "x", RaisedBy = Sam, Source = ImpedimentSource.Command("a"),
                RaisedAt = Now.AddDays(-7 * i - 3), ResolvedAt = i % 3 == 0 ? Now.AddDays(-2 * i) : null,
            })],
            Improvements = [.. pis.SelectMany((p, n) => Enumerable.Range(0, 4).Select(k => new ImprovementItem
            {
                Id = $"m{n}{k}", Scope = new ImprovementScope("t", "a", "19:home"), Title = "x", Problem = "x", TargetPi = p.Item1,
                Status = k <= n % 3 ? ImprovementStatus.Done : ImprovementStatus.InProgress,
            }))],
            Pulses = [.. pis.Select((p, n) => new PulseReview(p.Item1,
                [.. teams.Select((t, i) => new TeamPulseFigure(t, 1, new PulseFigure(5, 2.5 + (i + n) % 5 * 0.5, [], [])))],
                [new PulseSpread(1, 12, 12, 2.5, 3.5, 4.5, 60, 3.4 + n * 0.1)]))],
        };
        return ReviewRules.Review(data, ReviewRules.Pis(data, Current), Now);
    }

    private static Art Art() => new()
    {
        Id = "a",
        TenantId = "t",
        Name = "Rocket ART **x**",
        HomeConversationId = "19:home@thread.tacv2",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        SummaryConversationId = "19:home@thread.tacv2",
        Sync = new SyncSchedule(DayOfWeek.Wednesday, new TimeOnly(10, 0), "UTC"),
        Rtes = [Sam],
        CreatedBy = Sam,
    };

    private static ArtTeam ArtTeam() => new() { TenantId = "t", ArtId = "a", ConversationId = Team(3), TeamName = "Rocket <b>team</b>", ServiceUrl = "https://smba.trafficmanager.net/emea/" };

    public static Dictionary<string, AdaptiveCard> All() => new(StringComparer.Ordinal)
    {
        ["review-art-12-teams-4-pis"] = ReviewCard.Build(Art(), Pis()),
        ["review-team-4-pis"] = ReviewCard.Build(Art(), Pis(), ArtTeam()),
        ["review-one-pi-without-data"] = ReviewCard.Build(Art(), ReviewRules.Review(new ReviewData(), ReviewRules.Pis(new ReviewData(), Current), Now)),
        ["review-none"] = ReviewCard.Build(Art(), []),
    };

    private static string Text(AdaptiveCard card) => string.Join("\n", CardJson.VisibleStrings(card));

    [Fact]
    public void The_arts_card_shows_the_spread_and_no_team_and_the_teams_card_its_own_figures()
    {
        var art = Text(ReviewCard.Build(Art(), Pis()));
        Assert.Contains("Teams: lowest", art, StringComparison.Ordinal);
        Assert.DoesNotContain("Team 1", art, StringComparison.Ordinal);
        Assert.Contains("from", art, StringComparison.Ordinal);

        var team = Text(ReviewCard.Build(Art(), Pis(), ArtTeam()));
        Assert.Contains("Your team:", team, StringComparison.Ordinal);
        Assert.DoesNotContain("Teams: lowest", team, StringComparison.Ordinal);
        Assert.Contains("no data", Text(All()["review-one-pi-without-data"]), StringComparison.Ordinal);
    }
}
