using System.Text;
using System.Text.Json;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Sync;
using ArtBot.Features.Sync;
using static ArtBot.Tests.Shared.SyncArts;

namespace ArtBot.IntegrationTests.Cards;

public sealed class SyncCardTests
{
    private static readonly Art Art = Create("Europe/Berlin", DayOfWeek.Monday, "10:00") with { NameNonResponders = true };
    private static readonly SyncOccurrence Occurrence = SyncCalendar.On(Art, new DateOnly(2027, 3, 29))!;

    private static ArtTeam Team(int i, bool unreachable = false) => new()
    {
        TenantId = Art.TenantId,
        ArtId = Art.Id,
        ConversationId = $"19:team{i}@thread.tacv2",
        TeamName = $"Team {i:000}",
        ServiceUrl = Art.ServiceUrl,
        UnreachableSince = unreachable ? Utc(2027, 3, 1, 0) : null,
    };

    private static CheckInAnswer Answer(int team, ObjectiveStatus status, params CheckInItem[] blockers) => new()
    {
        Occurrence = OccurrenceKey.Of(Art, Occurrence),
        TeamConversationId = Team(team).ConversationId,
        TeamName = Team(team).TeamName,
        Status = status,
        Progress = "Feature **X** done <b>mostly</b>",
        Blockers = blockers,
        Dependencies = [new CheckInItem("API from Team 002", NeedsHelp: true)],
        Milestones = "Demo on Friday",
        AnsweredBy = new Person("aad-1", "Megan Bowen"),
        AnsweredAt = Utc(2027, 3, 28, 12),
    };

    public static IReadOnlyDictionary<string, AdaptiveCard> Cards()
    {
        var teams = Enumerable.Range(1, 4).Select(i => Team(i, unreachable: i == 4)).ToList();
        var answers = new[]
        {
            Answer(1, ObjectiveStatus.AtRisk, new CheckInItem("Test env down", true), new CheckInItem("Flaky CI", false) { ImpedimentId = null }),
            Answer(2, ObjectiveStatus.OnTrack) with { Dependencies = [] },
        };
        var many = Enumerable.Range(1, 1000).Select(i => Team(i)).ToList();
        var manyAnswers = Enumerable.Range(1, 400).Select(i => Answer(i, (ObjectiveStatus)(i % 3), new CheckInItem(new string('b', 900), true))).ToList();
        var people = Enumerable.Range(1, 80).Select(i => new TeamMember($"p{i}", $"TeamMember {i}")).ToList();
        return new Dictionary<string, AdaptiveCard>
        {
            ["checkin-new"] = CheckInCard.Build(Art, Occurrence, "Team 001", null, closed: false),
            ["checkin-answered"] = CheckInCard.Build(Art, Occurrence, "Team 001", answers[0], closed: false, "Thanks, your check-in was saved."),
            ["checkin-closed"] = CheckInCard.Build(Art, Occurrence, "Team 001", answers[0], closed: true),
            ["checkin-closed-unanswered"] = CheckInCard.Build(Art, Occurrence, "Team 001", null, closed: true),
            ["summary-small"] = SummaryCard.Build(Art, Occurrence, SyncSummary.Build(teams, answers), people[..3], Occurrence.SyncAt),
            ["summary-empty"] = SummaryCard.Build(Art, Occurrence, SyncSummary.Build([], []), null, Occurrence.PromptAt),
            ["summary-1000-teams"] = SummaryCard.Build(Art, Occurrence, SyncSummary.Build(many, manyAnswers), people, Occurrence.SyncAt),
            ["summary-1000-teams-20-open-integration-problems"] = SummaryCard.Build(Art, Occurrence, SyncSummary.Build(many, manyAnswers), people, Occurrence.SyncAt,
                integrationProblems: [.. Enumerable.Range(1, 20).Select(n => DemoFollowUpCardTests.Problem(n, planned: n % 2 == 0) with { TeamName = new string('t', 100) })]),
        };
    }

    [Fact]
    public async Task Every_sync_card_is_accepted_by_the_official_renderer_under_schema_1_5()
    {
        var cards = Cards();

        await CardValidator.AssertAllAcceptedAsync(cards.Values);
    }

    [Fact]
    public void Every_sync_card_stays_under_28_KB_even_for_1000_teams()
    {
        foreach (var (name, card) in Cards())
        {
            var bytes = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(card, BotJsonContext.Default.AdaptiveCard));
            Assert.True(bytes < 28 * 1024, $"{name}: {bytes} bytes");
        }
    }

    [Fact]
    public void The_answered_check_in_shows_the_answer_who_gave_it_and_prefills_the_form()
    {
        var answer = Answer(1, ObjectiveStatus.AtRisk, new CheckInItem("Test env down", true));

        var json = JsonSerializer.Serialize(CheckInCard.Build(Art, Occurrence, "Team 001", answer, closed: false), BotJsonContext.Default.AdaptiveCard);

        Assert.Contains("Megan Bowen", json, StringComparison.Ordinal);
        Assert.Contains("At risk", json, StringComparison.Ordinal);
        Assert.Contains("Test env down (needs help)", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"at-risk\"", json, StringComparison.Ordinal);
        Assert.Contains("Update check-in", json, StringComparison.Ordinal);
        Assert.Contains("\"occurrence\":\"20270329\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_check_in_has_no_inputs_or_actions()
    {
        var card = CheckInCard.Build(Art, Occurrence, "Team 001", null, closed: true);

        Assert.Null(card.Actions);
        Assert.DoesNotContain(card.Body, e => e is CardInput);
    }

    [Fact]
    public void The_summary_lists_status_risk_help_with_team_and_who_has_not_answered()
    {
        var teams = Enumerable.Range(1, 4).Select(i => Team(i, unreachable: i == 4)).ToList();
        var answers = new[] { Answer(1, ObjectiveStatus.OffTrack, new CheckInItem("Test env down", true)) };
        var summary = SyncSummary.Build(teams, answers);

        var json = JsonSerializer.Serialize(SummaryCard.Build(Art, Occurrence, summary, [new TeamMember("p1", "Adele Vance")], Occurrence.SyncAt), BotJsonContext.Default.AdaptiveCard);

        Assert.Equal(1, summary.Answered);
        Assert.Equal(["Team 002", "Team 003"], summary.NotAnswered.Select(t => t.TeamName)); // the unreachable team is not "not answered"
        Assert.Equal(2, summary.NeedsHelp.Count);
        Assert.Contains("1 of 4 teams answered", json, StringComparison.Ordinal);
        Assert.Contains("**Team 001** \\u00B7 Blocker: Test env down", json, StringComparison.Ordinal);
        Assert.Contains("Raise impediment", json, StringComparison.Ordinal);
        Assert.Contains("Adele Vance", json, StringComparison.Ordinal);
        Assert.Contains("Bot removed from the channel", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_names_no_one_unless_the_art_opted_in()
    {
        var summary = SyncSummary.Build([Team(1)], []);

        var json = JsonSerializer.Serialize(SummaryCard.Build(Art with { NameNonResponders = false }, Occurrence, summary, [new TeamMember("p1", "Adele Vance")], Occurrence.SyncAt), BotJsonContext.Default.AdaptiveCard);

        Assert.DoesNotContain("Adele Vance", json, StringComparison.Ordinal);
        Assert.Contains("Team 001", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raised_blocker_shows_its_impediment_instead_of_the_button()
    {
        var answers = new[] { Answer(1, ObjectiveStatus.AtRisk, new CheckInItem("Test env down", true) { ImpedimentId = "IMP-42" }) with { Dependencies = [] } };

        var json = JsonSerializer.Serialize(SummaryCard.Build(Art, Occurrence, SyncSummary.Build([Team(1)], answers), null, Occurrence.SyncAt), BotJsonContext.Default.AdaptiveCard);

        Assert.Contains("Raised as an impediment", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Raise impediment", json, StringComparison.Ordinal);
    }
}
