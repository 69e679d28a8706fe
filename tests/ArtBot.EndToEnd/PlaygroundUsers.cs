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

    /// <summary>Megan, the team's Scrum Master in .dev/playground/.m365agentsplayground.yml.</summary>
    public static readonly PlaygroundUser Megan = new("29:1-sm-megan", "Megan Bowen (Scrum Master)", "00000000-0000-0000-0000-000000000021");

    /// <summary>
    /// <paramref name="user"/> posts "@ArtBot <paramref name="text"/>" in channel <paramref name="channelId"/>, and the bot
    /// gets it as from them. The Playground's message route (<c>/_conversation/v1/conversations/{id}/messages</c>) takes
    /// another user's post, but sends the bot an activity from the user at the keyboard (its message activity generator
    /// always uses the UI user), so this uses the Playground's custom-activity route (<c>/_internal/v1/customActivities</c>,
    /// its "send custom activity" tool, which sends the bot the activity as given, with its own headers): the
    /// Playground's template for the channel, filled in as its message activity generator fills a channel message
    /// (text with the <c>&lt;at&gt;</c> mention, mention entity, channelData, clientInfo and <c>locale</c> en-US).
    /// The bot's answer is a new post in the channel (the Playground shows it to the UI user).
    /// </summary>
    public static async Task MentionBotAsync(string playgroundUrl, string channelId, PlaygroundUser user, string text)
    {
        using var template = await Http.GetAsync($"{playgroundUrl}/_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(channelId)}");
        var templateBody = await template.Content.ReadAsStringAsync();
        Assert.True(template.IsSuccessStatusCode, templateBody);
        var activity = JsonNode.Parse(templateBody)!.AsObject();
        var bot = activity["recipient"]!;
        var mention = $"<at>{bot["name"]!.GetValue<string>()}</at>";
        var tenantId = activity["conversation"]!["tenantId"]!.GetValue<string>();
        var zone = TimeZoneInfo.Local.Id;
        activity["type"] = "message";
        activity["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId };
        activity["text"] = $"{mention} {text}";
        activity["textFormat"] = "plain";
        activity["localTimestamp"] = activity["timestamp"]?.DeepClone();
        activity["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = channelId,
            ["teamsTeamId"] = LocalTeams.TeamId,
            ["tenant"] = new JsonObject { ["id"] = tenantId },
            ["team"] = new JsonObject { ["id"] = LocalTeams.TeamId },
            ["channel"] = new JsonObject { ["id"] = channelId },
        };
        activity["entities"] = new JsonArray(
            new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = bot["id"]!.DeepClone(), ["name"] = bot["name"]!.DeepClone() }, ["text"] = mention },
            new JsonObject { ["locale"] = "en-US", ["country"] = "US", ["timezone"] = zone, ["type"] = "clientInfo" });
        activity["locale"] = "en-US";
        activity["localTimezone"] = zone;

        using var sent = await Http.PostAsJsonAsync(playgroundUrl + "/_internal/v1/customActivities", activity);
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
    }

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

/// <summary>A user of the Playground's tenant, as its configuration names them.</summary>
public sealed record PlaygroundUser(string Id, string Name, string AadObjectId);
