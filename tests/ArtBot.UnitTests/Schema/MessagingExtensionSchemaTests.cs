using System.Text.Json;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using ArtBot.Tests.Shared;
using static ArtBot.UnitTests.Schema.FixtureActivities;

namespace ArtBot.UnitTests.Schema;

/// <summary>Message extension action invokes (real Teams shapes) and the task module answers.</summary>
public sealed class MessagingExtensionSchemaTests
{
    private static MessagingExtensionAction Value(string fixture) =>
        Load(fixture).Value!.Value.Deserialize(BotJsonContext.Default.MessagingExtensionAction)!;

    [Fact]
    public void FetchTask_from_a_message_carries_the_command_and_the_message()
    {
        var activity = Load(TeamsPayloads.FetchTaskMessage);
        var value = Value(TeamsPayloads.FetchTaskMessage);

        Assert.Equal("invoke", activity.Type);
        Assert.Equal(MessagingExtensionAction.FetchTaskInvoke, activity.Name);
        Assert.Equal("raiseImpediment", value.CommandId);
        Assert.Equal("message", value.CommandContext);
        Assert.Equal("default", value.Context?.Theme);
        var payload = value.MessagePayload!;
        Assert.Equal("1763631200456", payload.Id);
        Assert.Equal("html", payload.Body?.ContentType);
        Assert.Contains("<strong>test environment</strong>", payload.Body?.Content, StringComparison.Ordinal);
        Assert.Equal("Lee Gu", payload.From?.User?.DisplayName);
        Assert.Equal("aadUser", payload.From?.User?.UserIdentityType);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 33, 20, 456, TimeSpan.Zero), payload.CreatedDateTime);
        Assert.StartsWith("https://teams.microsoft.com/l/message/19:0a1b2c3d4e5f40718293a4b5c6d7e8f9@thread.tacv2/1763631200456", payload.LinkToMessage, StringComparison.Ordinal);
        Assert.Equal("Megan", Assert.Single(payload.Mentions!).MentionText);
        Assert.Single(payload.Reactions!);
    }

    [Fact]
    public void SubmitAction_carries_the_dialog_inputs_and_the_message()
    {
        var activity = Load(TeamsPayloads.SubmitActionMessage);
        var value = Value(TeamsPayloads.SubmitActionMessage);

        Assert.Equal(MessagingExtensionAction.SubmitActionInvoke, activity.Name);
        Assert.Equal("raiseImpediment", value.CommandId);
        Assert.Null(value.BotMessagePreviewAction);
        Assert.Equal("high", value.Data!.Value.GetProperty("severity").GetString());
        Assert.Equal("1763631200456", value.MessagePayload?.Id);
    }

    [Fact]
    public void Unknown_fields_survive_a_round_trip()
    {
        var value = Value(TeamsPayloads.FetchTaskMessage);

        var json = JsonSerializer.Serialize(value, BotJsonContext.Default.MessagingExtensionAction);

        Assert.Contains("\"importance\":\"normal\"", json, StringComparison.Ordinal);
        Assert.Contains("\"userIdentityType\":\"aadUser\"", json, StringComparison.Ordinal);
        Assert.Contains("\"device\":null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_continue_answer_is_a_task_with_the_card_attachment()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("Hi")] };
        var response = TaskModuleResponse.Continue(new TaskModuleTaskInfo { Title = "Raise", Height = "large", Width = "medium", Card = card.ToAttachment() }).ToInvokeResponse();

        Assert.Equal(200, response.Status);
        var task = response.Body!.Value.GetProperty("task");
        Assert.Equal("continue", task.GetProperty("type").GetString());
        var info = task.GetProperty("value");
        Assert.Equal("Raise", info.GetProperty("title").GetString());
        Assert.Equal("large", info.GetProperty("height").GetString());
        Assert.Equal("application/vnd.microsoft.card.adaptive", info.GetProperty("card").GetProperty("contentType").GetString());
        Assert.Equal("AdaptiveCard", info.GetProperty("card").GetProperty("content").GetProperty("type").GetString());
        Assert.False(info.TryGetProperty("url", out _));
    }

    [Fact]
    public void A_message_answer_is_a_task_with_the_text()
    {
        var body = TaskModuleResponse.Message("Done").ToInvokeResponse().Body!.Value;

        Assert.Equal("""{"task":{"type":"message","value":"Done"}}""", body.GetRawText());
    }
}
