using ArtBot.Tests.Shared;
using System.Text.Json;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Votes;
using ArtBot.Features.Votes;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>Hidden results, participation, refresh, the form and the started card.</summary>
public sealed class VoteViewsTests
{
    private static readonly Vote Open = new()
    {
        Id = "0123456789abcdef01234567",
        TenantId = "t",
        ConversationId = "c",
        PostedConversationId = "c",
        ServiceUrl = "https://example.test/",
        Question = "Can we commit?",
        CreatorId = "creator-aad",
        CreatorChannelId = "29:creator",
        CreatorName = "Ceri",
        CreatedAt = DateTimeOffset.Parse("2026-11-20T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static readonly Ballot[] Named =
    [
        new(5, "Alice") { VoterId = "alice-aad", ChannelUserId = "29:alice", CastAt = Open.CreatedAt.AddMinutes(1), Receipt = "r-alice" },
        new(2, "Bob") { VoterId = "bob-aad", ChannelUserId = "29:bob", CastAt = Open.CreatedAt.AddMinutes(3), Receipt = "r-bob" },
    ];

    private static readonly RosterMember[] Roster =
    [
        new("29:alice", "alice-aad", "Alice"), new("29:bob", "bob-aad", "Bob"), new("29:carol", "carol-aad", "Carol"), new("29:dave", "dave-aad", "Dave"),
    ];

    [Fact]
    public void Hidden_results_show_the_count_and_the_own_choice_but_never_the_distribution_average_or_names()
    {
        var vote = Open with { HideResults = true };

        var text = Text(VoteViews.For(new VoteState(vote, Named, [], null), 2, Roster));

        Assert.Contains("2 votes so far.", text, StringComparison.Ordinal);
        Assert.Contains("Your vote: **2 - Not confident**", text, StringComparison.Ordinal);
        Assert.Contains("hidden until the vote closes", text, StringComparison.Ordinal);
        Assert.DoesNotContain("average", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("distribution-", text, StringComparison.Ordinal); // no distribution rows
        Assert.DoesNotContain("Currently", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Once_closed_hidden_results_show_the_frozen_final_tally()
    {
        var vote = Open with { HideResults = true, ClosedAt = Open.CreatedAt.AddMinutes(10) };
        var final = new VoteFinal(VoteTally.From([5, 2]), new HashSet<string> { "r-alice", "r-bob" });

        var text = Text(VoteViews.Shared(new VoteState(vote, Named, [], final), null));

        Assert.Contains("Final result: 2 votes, average 3.5", text, StringComparison.Ordinal);
        Assert.Contains("Alice", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_vote_shows_only_the_ballots_its_final_result_counted()
    {
        var late = new Ballot(1, "Late Larry") { VoterId = "larry-aad", Receipt = "r-late" };
        var vote = Open with { ClosedAt = Open.CreatedAt.AddMinutes(10) };
        var final = new VoteFinal(VoteTally.From([5, 2]), new HashSet<string> { "r-alice", "r-bob" });
        var state = new VoteState(vote, [.. Named, late], [], final);

        Assert.Equal(2, state.Tally.Count);
        Assert.Equal(["Alice", "Bob"], state.ShownBallots.Select(b => b.VoterName));
        Assert.DoesNotContain("Late Larry", Text(VoteViews.Shared(state, null)), StringComparison.Ordinal);
    }

    [Fact]
    public void Participation_counts_against_the_roster_and_names_who_has_not_voted_only_for_named_votes()
    {
        var named = Participation.Of(Open, Named, Roster)!;
        Assert.Equal("2 of 4 voted", named.Describe());
        Assert.Equal(["Carol", "Dave"], named.NotVoted);

        var anonymous = Participation.Of(Open with { Anonymous = true }, [new(5, null), new(2, null)], Roster)!;
        Assert.Equal("2 of 4 voted", anonymous.Describe());
        Assert.Empty(anonymous.NotVoted);

        Assert.Null(Participation.Of(Open, Named, null));
        Assert.Null(Participation.Of(Open, Named, []));
        Assert.Null(Participation.Of(Open, Named, Roster[..1])); // more ballots than members: the roster is not this audience

        var text = Text(VoteViews.Shared(new VoteState(Open, Named, [], null), Roster));
        Assert.Contains("2 of 4 voted", text, StringComparison.Ordinal);
        Assert.Contains("Not voted yet: Carol, Dave", text, StringComparison.Ordinal);
        var anonymousText = Text(VoteViews.Shared(new VoteState(Open with { Anonymous = true }, [new(5, null), new(2, null)], [], null), Roster));
        Assert.Contains("2 of 4 voted", anonymousText, StringComparison.Ordinal);
        Assert.DoesNotContain("Carol", anonymousText, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_voted_lists_are_cut_at_a_readable_length()
    {
        var roster = Enumerable.Range(0, 40).Select(i => new RosterMember($"29:{i}", $"{i}-aad", $"Person {i:D2}")).ToArray();

        var text = Text(VoteViews.Shared(new VoteState(Open, [], [], null), roster));

        Assert.Contains("0 of 40 voted", text, StringComparison.Ordinal);
        Assert.Contains("and 15 more", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_for_a_whole_art_stays_under_the_teams_message_size()
    {
        var ballots = Enumerable.Range(0, 400).Select(i => new Ballot(1 + i % 5, $"Long Voter Name Number {i:D3}")
        {
            VoterId = Guid.NewGuid().ToString(),
            ChannelUserId = "29:" + new string('x', 86) + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            CastAt = Open.CreatedAt.AddSeconds(i),
        }).ToList();

        var card = VoteViews.For(new VoteState(Open, ballots, [], null), 3, null);

        var text = Text(card);
        Assert.Contains($"and {400 - VoteCard.MaxVotersListed} more", text, StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(card, BotJsonContext.Default.AdaptiveCard)) < 24 * 1024);
    }

    [Fact]
    public void Refresh_lists_the_creator_then_the_latest_named_voters_at_most_sixty()
    {
        var many = Enumerable.Range(0, 80).Select(i => new Ballot(3, $"V{i}") { ChannelUserId = $"29:v{i}", CastAt = Open.CreatedAt.AddSeconds(i) }).ToList();

        var ids = VoteRefresh.UserIds(Open, many);

        Assert.Equal(VoteRefresh.MaxUserIds, ids.Count);
        Assert.Equal("29:creator", ids[0]);
        Assert.Equal("29:v79", ids[1]);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(["29:creator"], VoteRefresh.UserIds(Open with { Anonymous = true }, many));
        Assert.Empty(VoteRefresh.UserIds(Open with { ClosedAt = Open.CreatedAt }, many));
    }

    [Fact]
    public void The_open_card_carries_an_execute_refresh_with_its_user_ids()
    {
        var card = Json(VoteViews.Shared(new VoteState(Open, Named, [], null), null));

        var refresh = card.GetProperty("refresh");
        Assert.Equal("Action.Execute", refresh.GetProperty("action").GetProperty("type").GetString());
        Assert.Equal(VoteCard.RefreshVerb, refresh.GetProperty("action").GetProperty("verb").GetString());
        Assert.Equal(Open.Id, refresh.GetProperty("action").GetProperty("data").GetProperty("voteId").GetString());
        Assert.Equal(["29:creator", "29:bob", "29:alice"], refresh.GetProperty("userIds").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void The_form_asks_question_voters_results_and_deadline_and_starts_with_execute()
    {
        var card = Json(VoteFormCard.Build(anonymous: true));

        var inputs = card.GetProperty("body").EnumerateArray().Where(e => e.TryGetProperty("id", out _)).ToDictionary(e => e.GetProperty("id").GetString()!);
        Assert.Equal(["question", "mode", "results", "deadline"], inputs.Keys);
        Assert.True(inputs["question"].GetProperty("isRequired").GetBoolean());
        Assert.Equal("anonymous", inputs["mode"].GetProperty("value").GetString());
        Assert.Equal(["none", "5", "10", "15", "30", "60"], inputs["deadline"].GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
        var start = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal(("Action.Execute", VoteFormCard.StartVerb), (start.GetProperty("type").GetString(), start.GetProperty("verb").GetString()));
    }

    [Theory]
    [InlineData(null, true, null)]
    [InlineData("", true, null)]
    [InlineData("none", true, null)]
    [InlineData("5", true, 5)]
    [InlineData("60", true, 60)]
    [InlineData("7", false, null)]
    [InlineData("-5", false, null)]
    [InlineData("15.0", false, null)]
    [InlineData("forever", false, null)]
    public void Deadline_choices_are_none_or_one_of_the_offered_durations(string? text, bool ok, int? minutes)
    {
        Assert.Equal(ok, VoteOptions.TryParseDuration(text, out var parsed));
        Assert.Equal(minutes, parsed);
    }

    [Fact]
    public void The_header_tells_the_deadline_and_the_round()
    {
        var vote = Open with { Deadline = Open.CreatedAt.AddMinutes(15), Round = 2 };

        var text = Text(VoteViews.Shared(new VoteState(vote, [], [], null), null));

        Assert.Contains("round 2", text, StringComparison.Ordinal);
        Assert.Contains("closes 09:15 UTC", text, StringComparison.Ordinal);
    }

    /// <summary>The vote form, started and view cards by a readable name (also in <see cref="BotCards"/>).</summary>
    internal static IEnumerable<(string Name, AdaptiveCard Card)> NamedCards()
    {
        var closed = Open with { ClosedAt = Open.CreatedAt.AddMinutes(5), HideResults = true };
        yield return ("vote-form", VoteFormCard.Build());
        yield return ("vote-form-anonymous", VoteFormCard.Build(anonymous: true));
        yield return ("vote-form-with-error", VoteFormCard.Build(error: "Type a question."));
        yield return ("vote-started", VoteFormCard.Started(Open with { Anonymous = true, HideResults = true, DurationMinutes = 15 }));
        yield return ("vote-hidden-results-my-view", VoteViews.For(new VoteState(Open with { HideResults = true, Deadline = Open.CreatedAt.AddMinutes(5) }, Named, [], null), 2, Roster));
        yield return ("vote-shared-with-roster", VoteViews.Shared(new VoteState(Open, Named, [], null), Roster));
        yield return ("vote-closed-hidden-final", VoteViews.Shared(new VoteState(closed, Named, [], new VoteFinal(VoteTally.From([5, 2]), new HashSet<string> { "r-alice", "r-bob" })), Roster, "Round 2 started: vote again on the new card."));
        yield return ("vote-round-2-deadline", VoteViews.Shared(new VoteState(Open with { Deadline = Open.CreatedAt.AddMinutes(15), Round = 2 }, [], [], null), null));
    }

    [Fact]
    public async Task Every_new_vote_card_passes_the_official_renderer_under_schema_1_5()
    {
        await CardValidator.AssertAllAcceptedAsync(NamedCards().Select(c => c.Card));
    }

    private static JsonElement Json(AdaptiveCard card) => card.ToJsonElement();

    private static string Text(AdaptiveCard card) => CardText.Of(card);
}
