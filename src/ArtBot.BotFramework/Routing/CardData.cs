using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace ArtBot.BotFramework.Routing;

/// <summary>
/// An action's data (card inputs merged in) as a record: the card writes it and the handler reads it through the same
/// source-generated type, so both use the same names. Values are read as cards send them (see <see cref="CardTextConverter"/>).
/// </summary>
public static class CardData
{
    /// <summary>
    /// The data as <typeparamref name="T"/>; an empty <typeparamref name="T"/> when there is none or it does not fit (the
    /// handler then answers as for missing values, never with a 500).
    /// </summary>
    public static T Read<T>(JsonElement? data, JsonTypeInfo<T> typeInfo)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (data is not { ValueKind: JsonValueKind.Object } element)
        {
            return new T();
        }

        try
        {
            return element.Deserialize(typeInfo) ?? new T();
        }
        catch (JsonException)
        {
            return new T();
        }
    }

    /// <summary>The record as an action's <c>data</c> (nulls left out).</summary>
    public static JsonObject Write<T>(T value, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.SerializeToNode(value, typeInfo)?.AsObject() ?? [];

    /// <summary>
    /// The input <paramref name="id"/> among a record's other values (<c>[JsonExtensionData]</c>: inputs whose ids are
    /// made per item, as one card holds many), as text; null when absent or not a string, number or boolean.
    /// </summary>
    public static string? Input(IReadOnlyDictionary<string, JsonElement>? values, string id) =>
        values is not null && values.TryGetValue(id, out var value) ? CardTextConverter.Text(value) : null;

    /// <summary>A toggle's value: <c>true</c> (any case) is on; anything else, or nothing, is off.</summary>
    public static bool IsOn(string? toggle) => string.Equals(toggle, "true", StringComparison.OrdinalIgnoreCase);
}
