using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArtBot.IntegrationTests.Infrastructure;

/// <summary>Reads the bot's answers to Action.Execute invokes, and sets who is acting, for every feature's driver.</summary>
public static class InvokeAnswers
{
    /// <summary>Every text of the card in an invoke answer (asserting it is a card answer).</summary>
    public static string CardText(JsonElement body)
    {
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        return string.Join("\n", RecordedRequest.Strings(body.GetProperty("value")));
    }

    /// <summary>The error code of an error answer (asserting it has a message for the user).</summary>
    public static string ErrorCode(JsonElement body)
    {
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("value").GetProperty("message").GetString()));
        return body.GetProperty("value").GetProperty("code").GetString()!;
    }

    /// <summary>Makes <paramref name="activity"/> come from a Teams user with this Entra object id and name.</summary>
    public static void SetFrom(JsonObject activity, string aad, string name) =>
        activity["from"] = new JsonObject { ["id"] = "29:" + aad, ["name"] = name, ["aadObjectId"] = aad };
}
