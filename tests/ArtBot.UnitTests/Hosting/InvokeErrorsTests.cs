using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Hosting;
using ArtBot.BotFramework.Schema;

namespace ArtBot.UnitTests.Hosting;

public sealed class InvokeErrorsTests
{
    [Theory]
    [InlineData("adaptiveCard/action")]
    [InlineData("AdaptiveCard/Action")]
    public void A_failed_universal_action_answers_200_with_an_error_body_Teams_shows_on_the_card(string name)
    {
        var response = InvokeErrors.ForFailedInvoke(new Activity { Type = ActivityTypes.Invoke, Name = name }, failure: null);

        Assert.Equal(200, response.Status);
        AssertJson(
            """
            {"statusCode":500,"type":"application/vnd.microsoft.error",
             "value":{"code":"InternalError","message":"Something went wrong on our side. Please try again."}}
            """,
            response.Body);
    }

    [Fact]
    public void A_universal_action_error_carries_the_given_status_code_and_message()
    {
        var response = InvokeErrors.UniversalActionError(400, "BadRequest", "The vote is closed.");

        Assert.Equal(200, response.Status);
        AssertJson(
            """{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"The vote is closed."}}""",
            response.Body);
    }

    [Fact]
    public void A_universal_action_that_met_a_recognised_failure_says_what_happened()
    {
        var response = InvokeErrors.ForFailedInvoke(
            new Activity { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action" }, new TurnFailure("StorageUnavailable", "Storage is down; nothing was recorded."));

        AssertJson(
            """{"statusCode":503,"type":"application/vnd.microsoft.error","value":{"code":"StorageUnavailable","message":"Storage is down; nothing was recorded."}}""",
            response.Body);
    }

    [Theory]
    [InlineData("composeExtension/submitAction", "Storage is down; nothing was recorded.")]
    [InlineData("task/fetch", null)]
    public void A_failed_dialog_answers_with_a_message_in_the_dialog(string name, string? failure)
    {
        var response = InvokeErrors.ForFailedInvoke(
            new Activity { Type = ActivityTypes.Invoke, Name = name }, failure is null ? null : new TurnFailure("StorageUnavailable", failure));

        Assert.Equal(200, response.Status);
        AssertJson(
            $$$"""{"task":{"type":"message","value":"{{{failure ?? "Something went wrong on our side. Please try again."}}}"}}""",
            response.Body);
    }

    [Theory]
    [InlineData("composeExtension/query")]
    [InlineData(null)]
    public void Other_failed_invokes_answer_500_without_a_body(string? name)
    {
        var response = InvokeErrors.ForFailedInvoke(new Activity { Type = ActivityTypes.Invoke, Name = name }, new TurnFailure("StorageUnavailable", "down"));

        Assert.Equal(500, response.Status);
        Assert.Null(response.Body);
    }

    private static void AssertJson(string expected, JsonElement? actual)
    {
        Assert.NotNull(actual);
        var written = JsonSerializer.SerializeToNode(actual.Value);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), written), written?.ToJsonString());
    }
}
