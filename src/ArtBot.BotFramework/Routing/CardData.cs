using System.Text.Json;

namespace ArtBot.BotFramework.Routing;

/// <summary>Reads values from an action's data (card inputs merged in), as cards send them: strings, numbers or booleans.</summary>
public static class CardData
{
    /// <summary>The value named <paramref name="name"/> as text; null when absent or not a string, number or boolean.</summary>
    public static string? Text(JsonElement? data, string name) =>
        data is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty(name, out var property)
            ? property.ValueKind switch
            {
                JsonValueKind.String => property.GetString(),
                JsonValueKind.Number => property.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null;

    /// <summary>A toggle's value: <c>true</c> (any case) is on; anything else is off.</summary>
    public static bool Flag(JsonElement? data, string name) =>
        string.Equals(Text(data, name), "true", StringComparison.OrdinalIgnoreCase);
}
