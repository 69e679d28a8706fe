using System.Text;
using System.Text.Json;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.People;
using ArtBot.Features.Demos;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>
/// The System Demo follow-up cards for the catalog: the team's feedback card (new, followed up, large: 12 items with 15
/// feedback each and long comments), the open integration problems list (none, a few, 40), with their repair forms.
/// </summary>
public sealed class DemoFollowUpCardTests
{
    private static readonly DateTimeOffset T0 = new(2027, 2, 12, 14, 0, 0, TimeSpan.Zero);
    private const string Team = "19:rocket@thread.tacv2";

    internal static Art Art() => new()
    {
        Id = "art-1",
        TenantId = "t",
        Name = "Rocket ART",
        HomeConversationId = "19:home@thread.tacv2",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        SummaryConversationId = "19:home@thread.tacv2",
        CurrentPi = new ProgramIncrement("PI 2027.1", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 28)),
        Sync = new SyncSchedule(DayOfWeek.Wednesday, new TimeOnly(10, 0), "UTC"),
        Rtes = [new Person("rte", "Riley RTE")],
        CreatedBy = new Person("rte", "Riley RTE"),
    };

    internal static DemoTeamAnswer Answer(int items) => new()
    {
        Id = "0123456789abcdef",
        TenantId = "t",
        ArtId = "art-1",
        Pi = "PI 2027.1",
        Iteration = 3,
        DemoId = "fedcba9876543210",
        TeamConversationId = Team,
        TeamName = "Rocket **team** <b>x</b>",
        Items = [.. Enumerable.Range(1, items).Select(i => new DemoItem(
            $"item{i:00}", i % 3 == 0 ? DemoItemKind.Text : DemoItemKind.Feature, i % 3 == 0 ? null : $"feat{i:00}",
            i == 1 ? "Checkout with *saved* cards <script>" : new string((char)('a' + i), DemoItem.MaxTitle), i % 2 == 0 ? new string('p', DemoItem.MaxPresenter) : "Megan Bowen"))],
        AnsweredAt = T0,
        CreatedAt = T0,
    };

    internal static DemoFeedback Feedback(int item, int person, DemoVerdict verdict, string? comment, bool followedUp = false) => new()
    {
        Id = $"fb{item:00}{person:00}0123456789"[..16],
        TenantId = "t",
        ArtId = "art-1",
        Pi = "PI 2027.1",
        Iteration = 3,
        DemoId = "fedcba9876543210",
        TeamConversationId = Team,
        ItemId = $"item{item:00}",
        Verdict = verdict,
        Comment = comment,
        By = new Person($"p{person}", person == 1 ? "Lynne *Robbins*" : $"Stakeholder {person} with a rather long display name"),
        ImprovementItemId = followedUp ? "abcdefabcdefabcd" : null,
        ChangedFeatureId = followedUp ? $"feat{item:00}" : null,
        CreatedAt = T0.AddMinutes(person),
    };

    internal static IntegrationProblem Problem(int n, bool planned = false, bool repaired = false, string? item = "item01") => new()
    {
        Id = $"prob{n:000}0123456789"[..16],
        TenantId = "t",
        ArtId = "art-1",
        Pi = "PI 2027.1",
        Iteration = 3,
        DemoId = "fedcba9876543210",
        ItemId = item,
        ItemTitle = item is null ? null : "Checkout with saved cards",
        TeamConversationId = item is null ? null : Team,
        TeamName = item is null ? null : "Rocket",
        WhatFailed = n == 1 ? "Payment **service** timed out <b>under load</b>" : new string('w', IntegrationProblem.MaxText),
        RootCause = planned ? new string('r', IntegrationProblem.MaxText) : null,
        RepairOwner = planned ? new Person("", "Adele Vance") : null,
        RepairDueIteration = planned ? 4 : null,
        RepairPi = planned ? "PI 2027.1" : null,
        RepairedAt = repaired ? T0.AddDays(3) : null,
        RaisedBy = new Person("bo", "Lynne Robbins"),
        CreatedAt = T0.AddMinutes(n),
    };

    private static readonly IReadOnlyList<int> Iterations = [1, 2, 3, 4, 5, 6];

    public static Dictionary<string, AdaptiveCard> All()
    {
        var small = Answer(3);
        var smallFeedback = new List<DemoFeedback>
        {
            Feedback(1, 1, DemoVerdict.NeedsWork, "The error message is unclear"),
            Feedback(1, 2, DemoVerdict.Accepted, null),
            Feedback(2, 1, DemoVerdict.NeedsWork, null, followedUp: true),
            Feedback(3, 3, DemoVerdict.NotShown, "Ran out of time"),
        };
        var large = Answer(12);
        var largeFeedback = Enumerable.Range(1, 12).SelectMany(item => Enumerable.Range(1, 15).Select(person =>
            Feedback(item, person, (DemoVerdict)(person % 3), new string((char)('k' + person % 10), DemoFeedback.MaxComment), followedUp: person % 6 == 0))).ToList();
        var largeProblems = Enumerable.Range(1, 20).Select(n => Problem(n, planned: n % 2 == 0, item: $"item{n % 12 + 1:00}")).ToList();
        return new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
        {
            ["demo-team-feedback-new"] = DemoTeamFeedbackCard.Build(new DemoTeamFeedback(small, smallFeedback[..1], [], "PI 2027.1", Iterations)),
            ["demo-team-feedback-followed-up"] = DemoTeamFeedbackCard.Build(new DemoTeamFeedback(small, smallFeedback, [Problem(1), Problem(2, planned: true), Problem(3, repaired: true), Problem(4, item: null)], "PI 2027.1", Iterations), DemoFollowUpStrings.NoticePlanSaved),
            ["demo-team-feedback-nothing-shown"] = DemoTeamFeedbackCard.Build(new DemoTeamFeedback(Answer(0) with { NothingToShow = true }, [], [Problem(1)], null, [])),
            ["demo-team-feedback-12-items-15-feedback"] = DemoTeamFeedbackCard.Build(new DemoTeamFeedback(large, largeFeedback, largeProblems, "PI 2027.1", Iterations)),
            ["demo-integration-problems-none"] = IntegrationProblemsCard.Build(Art(), null, [], Iterations),
            ["demo-integration-problems-team"] = IntegrationProblemsCard.Build(Art(), "Rocket", [Problem(1), Problem(2, planned: true), Problem(4, item: null)], Iterations, DemoFollowUpStrings.NoticePlanSaved),
            ["demo-integration-problems-40"] = IntegrationProblemsCard.Build(Art(), null, [.. Enumerable.Range(1, 40).Select(n => Problem(n, planned: n % 3 == 0))], Iterations),
        };
    }

    [Fact]
    public async Task Every_demo_follow_up_card_is_accepted_by_the_official_renderer()
    {
        await CardValidator.AssertAllAcceptedAsync(All().Values);
    }

    [Fact]
    public void Every_demo_follow_up_card_stays_under_28_KB()
    {
        foreach (var (name, card) in All())
        {
            var bytes = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(card, BotJsonContext.Default.AdaptiveCard));
            Assert.True(bytes < 28 * 1024, $"{name}: {bytes} bytes");
        }
    }

    [Fact]
    public void The_team_card_lists_who_said_what_with_follow_ups_for_needs_work_only()
    {
        var card = All()["demo-team-feedback-followed-up"];
        var json = JsonSerializer.Serialize(card, BotJsonContext.Default.AdaptiveCard);
        var text = Text(card);

        Assert.Contains("**Lynne \\*Robbins\\*** · Needs work: The error message is unclear", text, StringComparison.Ordinal);
        Assert.Contains("Make improvement item", json, StringComparison.Ordinal);
        Assert.Contains("Change the feature", json, StringComparison.Ordinal);
        Assert.Contains("Improvement item made · Feature set back to in progress", text, StringComparison.Ordinal);
        Assert.Contains("Not shown: Ran out of time", text, StringComparison.Ordinal);
        Assert.Contains("No repair plan yet", text, StringComparison.Ordinal);
        Assert.Contains("Repair by Adele Vance, due in iteration 4", text, StringComparison.Ordinal);
        Assert.Contains("Repaired on", text, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"rootCause.prob001012345678\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_demo_still_lists_each_item_with_its_counts_needs_work_first()
    {
        var card = All()["demo-team-feedback-12-items-15-feedback"];
        var json = JsonSerializer.Serialize(card, BotJsonContext.Default.AdaptiveCard);
        var text = Text(card);

        Assert.Equal(12, System.Text.RegularExpressions.Regex.Count(text, "5 accepted · 5 need work · 5 not shown"));
        Assert.Contains("more feedback on this item", text, StringComparison.Ordinal);
        Assert.Contains("Make improvement item", json, StringComparison.Ordinal);
        Assert.Contains("`integration problems`", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sync_summary_counts_open_integration_problems_and_lists_the_first_with_their_plan()
    {
        var card = Features.Sync.SummaryCard.Build(Art(), Domain.Sync.SyncCalendar.On(Art(), new DateOnly(2027, 2, 17))!, Domain.Sync.SyncSummary.Build([], []), null, T0,
            integrationProblems: [Problem(1), Problem(2, planned: true), .. Enumerable.Range(3, 18).Select(n => Problem(n))]);
        var text = Text(card);

        Assert.Contains("Integration problems open: 20", text, StringComparison.Ordinal);
        Assert.Contains("**Rocket** · Payment \\*\\*service\\*\\* timed out", text, StringComparison.Ordinal);
        Assert.Contains("no repair plan yet", text, StringComparison.Ordinal);
        Assert.Contains("Adele Vance, due iteration 4", text, StringComparison.Ordinal);
        Assert.Contains("and 15 more", text, StringComparison.Ordinal);
    }

    internal static string Text(AdaptiveCard card) => string.Join("\n", card.Body.SelectMany(TextsIn));

    private static IEnumerable<string> TextsIn(CardElement element) => element switch
    {
        TextBlock text => [text.Text],
        Container container => container.Items.SelectMany(TextsIn),
        _ => [],
    };
}
