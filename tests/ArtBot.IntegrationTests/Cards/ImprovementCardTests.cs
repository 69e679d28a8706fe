using ArtBot.Tests.Shared;
using System.Text;
using System.Text.Json;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Text;
using ArtBot.Features.Improvements;

namespace ArtBot.IntegrationTests.Cards;

public sealed class ImprovementCardTests
{
    private const int MaxCardBytes = 28 * 1024;
    private static readonly DateTimeOffset T0 = new(2027, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Hostile = "**bold** <script>x</script> [l](https://evil.example) `c` # h ";

    private static Workshop Workshop(bool closed = false, string? pi = "PI 2027.1", string? art = "art-1", IReadOnlyList<ReviewedItem>? review = null, IReadOnlyList<string>? selected = null) => new()
    {
        Id = "0123456789abcdef01234567",
        Scope = new ImprovementScope("t", art, "19:x@thread.tacv2"),
        ConversationId = "19:x@thread.tacv2",
        PostedConversationId = "19:x@thread.tacv2",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        Pi = pi,
        StarterId = "rte",
        StarterName = "Alex RTE",
        CreatedAt = T0,
        ClosedAt = closed ? T0.AddHours(1) : null,
        ClosedByName = closed ? "Alex RTE" : null,
        Review = review ?? [],
        SelectedProblemIds = selected ?? [],
    };

    private static IReadOnlyList<WorkshopProblem> Problems(int count, int length = 60) =>
        [.. Enumerable.Range(0, count).Select(i => new WorkshopProblem(
            (i + 1).ToString("x12", System.Globalization.CultureInfo.InvariantCulture),
            PlainText.EscapeMarkdown($"Problem {i}: " + string.Concat(Enumerable.Repeat(Hostile, 20)))[..length].TrimEnd('\\'),
            "Megan Bowen", T0.AddMinutes(i)))];

    private static IReadOnlyList<ParticipantDots> Voters(IReadOnlyList<WorkshopProblem> problems, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ParticipantDots($"p{i}", $"P {i}", [.. problems.Skip(i % Math.Max(1, problems.Count)).Take(3).Select(p => p.Id)]))];

    private static IReadOnlyList<ReviewedItem> Review(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ReviewedItem($"{i:x16}", ImprovementRules.TitleOf(ImprovementRules.CheckProblem(string.Concat(Enumerable.Repeat(Hostile, 2))).Text!),
            (ImprovementStatus)(i % 5), i % 2 == 0 ? "Adele Vance" : null, i % 3 == 0 ? new string('o', ImprovementRules.MaxOutcomeLength) : "Build under 10 minutes", i % 4 == 0 ? "PI 2026.4" : null))];

    private static ImprovementItem Item(ImprovementStatus status = ImprovementStatus.InProgress) => new()
    {
        Id = "0123456789abcdef",
        Scope = new ImprovementScope("t", "art-1", "19:x@thread.tacv2"),
        Title = ImprovementRules.TitleOf(ImprovementRules.CheckProblem("Stories wait days for the shared test environment " + Hostile).Text!),
        Problem = ImprovementRules.CheckProblem("Stories wait days for the shared test environment " + Hostile).Text!,
        Whys = ["Only one environment", "Nobody owns it", "It was never budgeted", "Tools team disbanded", "Reorg"],
        OwnerId = "aad-adele",
        OwnerName = "Adele Vance",
        OwnerTeamsId = "29:adele",
        TargetPi = "PI 2027.2",
        SourcePi = "PI 2027.1",
        CarriedFromPi = "PI 2027.1",
        ExpectedOutcome = "Lead time of a story under 5 days",
        Status = status,
        ImpedimentIds = ["imp-12", "imp-15"],
        Dots = 9,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    private static IReadOnlyList<ImprovementChange> History(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ImprovementChange(T0.AddHours(i), "aad-adele", "Adele Vance", ImprovementField.Status, "Proposed", "Committed"))];

    private static IReadOnlyList<ImprovementCard.OwnerChoice> Owners(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ImprovementCard.OwnerChoice($"29:user-{i}", $"User {i}"))];

    public static Dictionary<string, AdaptiveCard> All()
    {
        var problems = Problems(5);
        var full = Problems(DotRules.MaxProblems, ImprovementRules.MaxProblemLength);
        var fullVoters = Voters(full, 60);
        return new Dictionary<string, AdaptiveCard>(StringComparer.Ordinal)
        {
            ["workshop-empty-no-pi"] = WorkshopCard.Build(new WorkshopState(Workshop(pi: null, art: null), [], [])),
            ["workshop-with-review"] = WorkshopCard.Build(new WorkshopState(Workshop(review: Review(3)), problems, Voters(problems, 4))),
            ["workshop-own-view"] = WorkshopCard.Build(new WorkshopState(Workshop(), problems, Voters(problems, 4)), "p1", "Your dot is placed."),
            ["workshop-full-with-max-review"] = WorkshopCard.Build(new WorkshopState(Workshop(review: Review(ImprovementRules.MaxReview)), full, fullVoters), "p3"),
            ["workshop-closed"] = WorkshopCard.Build(new WorkshopState(Workshop(closed: true, selected: [problems[0].Id, problems[2].Id]), problems, Voters(problems, 4)), null, "Voting is closed."),
            ["workshop-closed-full"] = WorkshopCard.Build(new WorkshopState(Workshop(closed: true, review: Review(ImprovementRules.MaxReview), selected: [.. full.Take(3).Select(p => p.Id)]), full, fullVoters)),
            ["item"] = ImprovementCard.Build(Item(), History(3), Owners(5), T0.AddDays(12)),
            ["item-new-no-owner"] = ImprovementCard.Build(Item(ImprovementStatus.Proposed) with { OwnerId = null, OwnerName = null, OwnerTeamsId = null, Whys = [], ExpectedOutcome = null, ImpedimentIds = [], CarriedFromPi = null, TargetPi = null }, [], [], T0),
            ["item-max-with-notice"] = ImprovementCard.Build(
                Item() with { ExpectedOutcome = new string('o', ImprovementRules.MaxOutcomeLength), Whys = [.. Enumerable.Repeat(new string('w', ImprovementRules.MaxWhyLength), 5)] },
                History(40), Owners(ConversationMembers.MaxChoices), T0, "Not saved: someone changed the status meanwhile.", "Attention"),
            ["list-empty"] = ImprovementListCard.Build("Improvement items of Rocket ART", [], T0, "No improvement items yet."),
            ["list-many"] = ImprovementListCard.Build("Improvement items of Rocket ART", [.. Enumerable.Range(0, 40).Select(i => Item((ImprovementStatus)(i % 5)) with { Id = $"{i:x16}" })], T0.AddDays(20), "None."),
            ["carry-over"] = CarryOverCard.Build("Rocket ART", "PI 2027.1", "PI 2027.2", [Item(), Item(ImprovementStatus.Committed) with { Id = "1111111111111111" }], T0),
            ["carry-over-reminder"] = CarryOverCard.Reminder("Rocket ART", "PI 2027.2", [Item()], T0),
        };
    }

    private static string Text(AdaptiveCard card) => CardText.Of(card);

    private static string? Verb(JsonElement action) => action.TryGetProperty("verb", out var verb) ? verb.GetString() : null;

    private static IEnumerable<JsonElement> Actions(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => (element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Action.", StringComparison.Ordinal) ? [element] : Array.Empty<JsonElement>())
            .Concat(element.EnumerateObject().SelectMany(p => Actions(p.Value))),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Actions),
        _ => [],
    };

    [Fact]
    public async Task Every_inspect_and_adapt_card_is_accepted_by_the_official_renderer_under_schema_1_5()
    {
        var cards = All();

        await CardValidator.AssertAllAcceptedAsync(cards.Values);
    }

    [Fact]
    public void Every_card_fits_in_a_teams_message_even_at_the_limits()
    {
        foreach (var (name, card) in All())
        {
            var bytes = Encoding.UTF8.GetByteCount(card.ToJsonElement().GetRawText());
            Assert.True(bytes < MaxCardBytes, $"{name}: {bytes} bytes");
        }
    }

    [Fact]
    public void The_shared_card_shows_dots_per_problem_and_offers_a_dot_on_each_but_no_remaining_count()
    {
        var problems = Problems(3);
        var card = WorkshopCard.Build(new WorkshopState(Workshop(), problems, [new("a", "A", [problems[1].Id]), new("b", "B", [problems[1].Id, problems[2].Id])]));
        var json = card.ToJsonElement();
        var text = Text(card);

        var dots = Actions(json).Where(a => Verb(a) == WorkshopCard.DotVerb).ToList();
        Assert.Equal(3, dots.Count);
        Assert.All(dots, a => Assert.Equal(WorkshopCard.SpendOp, a.GetProperty("data").GetProperty("op").GetString()));
        Assert.Contains("0 dots", text, StringComparison.Ordinal);
        Assert.Contains("2 dots", text, StringComparison.Ordinal);
        Assert.Contains("1 dot", text, StringComparison.Ordinal);
        Assert.Contains("Problems (3 problems, 2 people voted)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("left", text, StringComparison.Ordinal);
        Assert.Contains("PI 2027.1", text, StringComparison.Ordinal);
        Assert.Contains(Actions(json), a => Verb(a) == WorkshopCard.CloseVerb);
        Assert.Contains(Actions(json), a => Verb(a) == WorkshopCard.AddVerb);
    }

    [Fact]
    public void The_own_view_shows_remaining_dots_and_take_back_where_the_participant_voted()
    {
        var problems = Problems(3);
        var state = new WorkshopState(Workshop(), problems, [new("me", "Me", [problems[0].Id, problems[2].Id])]);

        var card = WorkshopCard.Build(state, "me");
        var ops = Actions(card.ToJsonElement()).Where(a => Verb(a) == WorkshopCard.DotVerb)
            .Select(a => a.GetProperty("data").GetProperty("op").GetString()).ToList();

        Assert.Contains("You have **1 of 3** dots left.", Text(card), StringComparison.Ordinal);
        Assert.Equal([WorkshopCard.TakeBackOp, WorkshopCard.SpendOp, WorkshopCard.TakeBackOp], ops);
    }

    [Fact]
    public void Without_an_art_or_pi_the_card_says_no_pi_and_the_starter_closes()
    {
        var text = Text(WorkshopCard.Build(new WorkshopState(Workshop(pi: null, art: null), [], [])));

        Assert.Contains("Inspect & Adapt \u00b7 no PI", text, StringComparison.Ordinal);
        Assert.Contains("the person who started the workshop closes voting", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Last_pis_items_and_their_outcomes_come_before_the_problems()
    {
        var review = new[] { new ReviewedItem("0000000000000001", "Faster builds", ImprovementStatus.Done, "Adele", "Build under 10 minutes", null) };
        var text = Text(WorkshopCard.Build(new WorkshopState(Workshop(review: review), Problems(1), [])));

        var reviewAt = text.IndexOf("Last PI's improvement items", StringComparison.Ordinal);
        Assert.True(reviewAt >= 0);
        Assert.True(reviewAt < text.IndexOf("Problems (", StringComparison.Ordinal));
        Assert.Contains("**Faster builds** \u00b7 Done \u00b7 owner Adele", text, StringComparison.Ordinal);
        Assert.Contains("Outcome: Build under 10 minutes", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_closed_card_ranks_problems_marks_the_items_and_offers_no_actions()
    {
        var problems = Problems(3);
        var state = new WorkshopState(Workshop(closed: true, selected: [problems[1].Id]), problems, [new("a", "A", [problems[1].Id])]);

        var card = WorkshopCard.Build(state);
        var text = Text(card);

        Assert.Empty(Actions(card.ToJsonElement()));
        Assert.Contains("1. " + problems[1].Text, text, StringComparison.Ordinal);
        Assert.Contains("1 dot \u00b7 \u2713 improvement item", text, StringComparison.Ordinal);
        Assert.Contains("closed by Alex RTE", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Item_set_buttons_send_the_field_and_the_value_the_card_showed()
    {
        var item = Item();
        var sets = Actions(ImprovementCard.Build(item, [], Owners(2), T0).ToJsonElement())
            .Where(a => Verb(a) == ImprovementCard.SetVerb)
            .ToDictionary(a => a.GetProperty("data").GetProperty("field").GetString()!, a => a.GetProperty("data"));

        Assert.Equal(ImprovementField.Editable.Order(), sets.Keys.Order());
        Assert.Equal("inprogress", sets[ImprovementField.Status].GetProperty("seen").GetString());
        Assert.Equal("aad-adele", sets[ImprovementField.Owner].GetProperty("seen").GetString());
        Assert.All(sets.Values, d => Assert.Equal(item.Id, d.GetProperty("itemId").GetString()));
    }

    [Fact]
    public void Item_history_reads_who_changed_what_and_when()
    {
        var line = ImprovementCard.Describe(new ImprovementChange(T0, "aad", "Adele *V*", ImprovementField.Status, "Proposed", "Done"));

        Assert.Equal("10 Mar 2027 09:00 \u00b7 Adele \\*V\\*: status: Proposed \u2192 Done", line);
    }

    [Fact]
    public void Inputs_show_stored_text_as_it_was_typed()
    {
        Assert.Equal(@"a*b\c", ImprovementCard.Unescape(@"a\*b\\c"));
    }
}
