using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtBot.BotFramework.Schema;

/// <summary>A user or bot in a conversation (Teams: <c>29:</c> user ids, <c>28:</c> bot ids).</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
