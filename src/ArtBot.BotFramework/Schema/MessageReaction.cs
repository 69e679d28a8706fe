using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtBot.BotFramework.Schema;

/// <summary>A reaction on a message (<c>like</c>, <c>heart</c>, ...).</summary>
public sealed record MessageReaction
{
    public string? Type { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
