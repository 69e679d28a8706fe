using ArtBot.Tests.Shared;
using ArtBot.Domain.Ids;
using System.Text.Json;
using ArtBot.Domain.Votes;
using ArtBot.Features.Votes;

namespace ArtBot.UnitTests.Votes;

public sealed class VoteCardTests
{
    private static readonly Vote Open = new()
    {
        Id = "0123456789abcdef01234567",
        TenantId = "t",
        ConversationId = "c",
        PostedConversationId = "c",
        ServiceUrl = "https://example.test/",
        Question = "Can we commit?",
        CreatorId = "creator",
        CreatorName = "Ceri",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static JsonElement Json(Vote vote, int[] values, int? mine = null, IReadOnlyList<Ballot>? ballots = null) =>
        VoteCard.Build(vote, VoteTally.From(values), ballots ?? [.. values.Select(v => new Ballot(v, null))], mine).ToJsonElement();

    private static string Text(JsonElement card) => CardText.Of(card);

    [Fact]
    public void The_card_is_version_1_5_with_five_execute_buttons_titled_by_their_digit()
    {
        var card = Json(Open, []);

        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var casts = AllActions(card).Where(a => a.GetProperty("verb").GetString() == VoteCard.CastVerb).ToList();
        Assert.Equal(5, casts.Count);
        Assert.All(casts, a => Assert.Equal("Action.Execute", a.GetProperty("type").GetString()));
        Assert.Equal(["5", "4", "3", "2", "1"], casts.Select(a => a.GetProperty("title").GetString()![..1]));
        Assert.Equal([5, 4, 3, 2, 1], casts.Select(a => a.GetProperty("data").GetProperty("value").GetInt32()));
        Assert.All(casts, a => Assert.Equal(Open.Id, a.GetProperty("data").GetProperty("voteId").GetString()));
        Assert.Equal("5 - Very confident", casts[0].GetProperty("title").GetString());
    }

    [Fact]
    public void The_card_offers_close_and_shows_the_scale_and_question()
    {
        var card = Json(Open, []);

        // Closing is behind a confirmation: the card's own action only opens it.
        var confirm = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal(("Action.ShowCard", "Close vote\u2026"), (confirm.GetProperty("type").GetString(), confirm.GetProperty("title").GetString()));
        var close = Assert.Single(confirm.GetProperty("card").GetProperty("actions").EnumerateArray());
        Assert.Equal(("Action.Execute", VoteCard.CloseVerb, "Yes, close the vote"), (close.GetProperty("type").GetString(), close.GetProperty("verb").GetString(), close.GetProperty("title").GetString()));
        var text = Text(card);
        Assert.Contains("Can we commit?", text, StringComparison.Ordinal);
        Assert.Contains("1 - No confidence", text, StringComparison.Ordinal);
        Assert.Contains("No votes yet.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tally_shows_count_average_outcome_and_distribution()
    {
        var text = Text(Json(Open, [5, 5, 4, 2]));

        Assert.Contains("4 votes so far, average 4.0", text, StringComparison.Ordinal);
        Assert.Contains(VoteCard.Provisional, text, StringComparison.Ordinal);
        Assert.DoesNotContain("commitment accepted", text, StringComparison.OrdinalIgnoreCase); // no verdict while open
        Assert.DoesNotContain("\u2588", text, StringComparison.Ordinal); // bars are drawn, not spelled in block characters
        var bars = Json(Open, [5, 5, 4, 2]).GetRawText();
        Assert.Contains("\"width\":\"20\",\"backgroundImage\":{\"url\":\"data:image/png;base64,", bars.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal); // 5: the longest bar
        Assert.Contains("\"width\":\"10\",\"backgroundImage\":{\"url\":\"data:image/png;base64,", bars.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("2 votes", text, StringComparison.Ordinal);
        Assert.Contains("1 vote", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_voters_own_view_marks_their_choice_and_invites_a_concern_for_low_values()
    {
        var card = Json(Open, [2], mine: 2);

        var text = Text(card);
        Assert.Contains("Your vote: **2 - Not confident**", text, StringComparison.Ordinal);
        Assert.Contains("voice your concern", text, StringComparison.Ordinal);
        Assert.Contains("2 - Not confident \u2713", text, StringComparison.Ordinal);
        Assert.DoesNotContain("voice your concern", Text(Json(Open, [4], mine: 4)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_card_shows_the_final_result_and_offers_only_vote_again()
    {
        var card = Json(Open with { ClosedAt = DateTimeOffset.UnixEpoch }, [2, 3]);

        var again = Assert.Single(AllActions(card));
        Assert.Equal((VoteCard.AgainVerb, "Vote again"), (again.GetProperty("verb").GetString(), again.GetProperty("title").GetString()));
        Assert.False(card.TryGetProperty("refresh", out _));
        var text = Text(card);
        Assert.Contains("Final result: 2 votes, average 2.5", text, StringComparison.Ordinal);
        Assert.Contains("Rework the plan and vote again", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_votes_show_who_voted_what_and_anonymous_votes_show_no_names()
    {
        Ballot[] ballots = [new(4, "Alice"), new(2, "Bob")];

        Assert.Contains("Alice", Text(Json(Open, [4, 2], ballots: ballots)), StringComparison.Ordinal);
        var anonymous = Text(Json(Open with { Anonymous = true }, [4, 2], ballots: ballots));
        Assert.DoesNotContain("Alice", anonymous, StringComparison.Ordinal);
        Assert.Contains("Anonymous", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public void Vote_ids_are_stable_per_activity_and_well_formed()
    {
        var id = DerivedIds.FromActivity("t", "c", "a1");

        Assert.Equal(id, DerivedIds.FromActivity("t", "c", "a1"));
        Assert.NotEqual(id, DerivedIds.FromActivity("t", "c", "a2"));
        Assert.True(DerivedIds.IsWellFormed(id));
        Assert.False(DerivedIds.IsWellFormed("../meta"));
        Assert.False(DerivedIds.IsWellFormed(null));
    }

    private static IEnumerable<JsonElement> AllActions(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("verb", out _) => [element],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => AllActions(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AllActions),
        _ => [],
    };
}
