using System.Text.Json.Nodes;

namespace ArtBot.Tests.Shared;

/// <summary>
/// Real Teams activity payloads (Fixtures/Teams/*.json), loaded as JSON to re-address for a test:
/// another serviceUrl (a local recording connector), fresh activity and conversation ids.
/// </summary>
public static class TeamsPayloads
{
    public const string PersonalMessage = "message-personal";
    public const string ChannelMention = "message-channel-mention";
    public const string BotAddedToTeam = "conversationUpdate-bot-added-to-team";
    public const string InstallationAddPersonal = "installationUpdate-add-personal";
    public const string CardAction = "invoke-adaptiveCard-action";
    public const string Reaction = "messageReaction-like";
    public const string FetchTaskMessage = "composeExtension-fetchTask-message";
    public const string SubmitActionMessage = "composeExtension-submitAction-message";

    public static JsonObject Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Teams", name + ".json");
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }

    /// <summary>The payload with its serviceUrl replaced, and a unique activity id and conversation id (thread suffix kept).</summary>
    public static JsonObject Load(string name, string serviceUrl, string? conversationId = null, string? activityId = null)
    {
        var payload = Load(name);
        payload["serviceUrl"] = serviceUrl;
        payload["id"] = activityId ?? Guid.NewGuid().ToString("N");
        var conversation = payload["conversation"]!.AsObject();
        var original = conversation["id"]!.GetValue<string>();
        var thread = original.IndexOf(";messageid=", StringComparison.Ordinal);
        var id = conversationId ?? NewConversationId(conversation["conversationType"]?.GetValue<string>());
        conversation["id"] = thread < 0 ? id : id + original[thread..];
        return payload;
    }

    /// <summary>A unique conversation id shaped like Teams': <c>a:</c> personal, <c>19:...@thread.tacv2</c> channels.</summary>
    public static string NewConversationId(string? conversationType) => conversationType == "personal"
        ? "a:" + Guid.NewGuid().ToString("N")
        : "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";
}
