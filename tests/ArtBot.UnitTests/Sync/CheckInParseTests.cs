using System.Text.Json;
using ArtBot.Domain.Sync;
using ArtBot.Features.Sync;

namespace ArtBot.UnitTests.Sync;

public sealed class CheckInParseTests
{
    private static (CheckInAnswer? Answer, string? Error) Parse(string json, CheckInAnswer? previous = null) =>
        SyncActions.Parse(JsonDocument.Parse(json).RootElement, previous);

    [Fact]
    public void A_full_answer_is_read_with_its_needs_help_flags_and_empty_slots_dropped()
    {
        var (answer, error) = Parse("""
            {"artId":"a","status":"at-risk","progress":" Done  <b>X</b>\u0007 ","blocker1":"Env down","blocker1Help":"true",
             "blocker2":"","blocker2Help":"true","blocker3":"Slow reviews","dependency1":"API","dependency1Help":"false","milestones":"Demo"}
            """);

        Assert.Null(error);
        Assert.Equal(ObjectiveStatus.AtRisk, answer!.Status);
        Assert.Equal("Done X", answer.Progress);
        Assert.Equal([new CheckInItem("Env down", true), new CheckInItem("Slow reviews", false)], answer.Blockers);
        Assert.Equal([new CheckInItem("API", false)], answer.Dependencies);
        Assert.Equal("Demo", answer.Milestones);
    }

    [Theory]
    [InlineData("""{"status":"green"}""", "'green' is not a status")]
    [InlineData("""{"status":"On track"}""", "is not a status")]
    [InlineData("""{}""", "Pick a status")]
    [InlineData("""{"status":7}""", "'7' is not a status")]
    [InlineData("""{"status":"on-track","blocker1":"x","blocker1Help":"yes"}""", "not a valid \"needs help\" value for blocker 1")]
    [InlineData("""{"status":"on-track","dependency2Help":{"a":1}}""", "not a valid \"needs help\" value for dependency 2")]
    public void Unknown_option_values_are_refused_with_a_clear_message(string json, string expected)
    {
        var (answer, error) = Parse(json);

        Assert.Null(answer);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_over_1000_characters_is_refused()
    {
        var (answer, error) = Parse($$"""{"status":"on-track","progress":"{{new string('x', 1001)}}"}""");

        Assert.Null(answer);
        Assert.Contains("1001 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_blocker_keeps_its_impediment_link_when_the_answer_is_edited()
    {
        var previous = new CheckInAnswer
        {
            Occurrence = new OccurrenceKey("t", "a", new DateOnly(2027, 3, 29)),
            TeamConversationId = "c",
            TeamName = "T",
            Status = ObjectiveStatus.AtRisk,
            Blockers = [new CheckInItem("Env down", true) { ImpedimentId = "IMP-1" }],
            AnsweredBy = new("u", null),
        };

        var (answer, _) = Parse("""{"status":"on-track","blocker1":"Env down","blocker1Help":"true","blocker2":"New one","blocker2Help":"true"}""", previous);

        Assert.Equal("IMP-1", answer!.Blockers[0].ImpedimentId);
        Assert.Null(answer.Blockers[1].ImpedimentId);
    }
}
