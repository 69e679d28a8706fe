using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtBot.BotFramework.Schema;

/// <summary>
/// An activity entity (<c>mention</c>, <c>clientInfo</c>, ...). The mention fields are typed; everything else
/// stays in <see cref="ExtensionData"/>.
/// </summary>
public sealed record Entity
{
    public string? Type { get; init; }
    /// <summary>For mentions: the user or bot mentioned.</summary>
    public ChannelAccount? Mentioned { get; init; }
    /// <summary>For mentions: the text of the mention in the message, e.g. <c>&lt;at&gt;ArtBot&lt;/at&gt;</c>.</summary>
    public string? Text { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
