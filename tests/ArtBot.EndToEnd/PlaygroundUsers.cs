using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ArtBot.EndToEnd;

/// <summary>
/// Another user of the Playground's tenant acting in a conversation: the Playground's UI has one user at the keyboard,
/// so the others' card actions go through its own invoke route (the same path its UI uses, so the bot sees what Teams
/// would send). A card action answers a message: the user's own post in the conversation stands for the card clicked.
/// </summary>
public static class PlaygroundUsers
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Sends <c>adaptiveCard/action</c> <paramref name="verb"/> with <paramref name="data"/> as <paramref name="userId"/>; returns the bot's answer body.</summary>
    public static async Task<string> InvokeAsync(string playgroundUrl, string conversationId, string userId, string verb, JsonObject data)
    {
        using var posted = await Http.PostAsJsonAsync(
            $"{playgroundUrl}/_conversation/v1/conversations/{conversationId}/messages",
            new JsonObject { ["from"] = new JsonObject { ["id"] = userId }, ["text"] = "On it", ["textFormat"] = "plain" });
        var post = JsonNode.Parse(await posted.Content.ReadAsStringAsync())!;
        var invoke = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["conversation"] = new JsonObject { ["id"] = post["postConversationId"]!.GetValue<string>() },
            ["from"] = new JsonObject { ["id"] = userId },
            ["replyToId"] = post["messageId"]!.GetValue<string>(),
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" },
        };
        using var response = await Http.PostAsJsonAsync(playgroundUrl + "/_conversation/v1/invoke", invoke);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return body;
    }
}
