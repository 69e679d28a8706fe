using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Schema;
using System.Text.Json;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>Walks a card's JSON: its elements, actions and the strings a person sees.</summary>
internal static class CardJson
{
    public static JsonObject Of(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, BotJsonContext.Default.AdaptiveCard)!.AsObject();

    /// <summary>Every JSON object of the card with a <c>type</c> (elements, inputs, actions, nested cards), with its path; data payloads and the invisible refresh are skipped.</summary>
    public static IEnumerable<(string Path, JsonObject Node)> Typed(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out _))
                {
                    yield return (path, obj);
                }

                foreach (var (key, value) in obj)
                {
                    if (key is "data" or "refresh")
                    {
                        continue;
                    }

                    foreach (var inner in Typed(value, $"{path}.{key}"))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var inner in Typed(array[i], $"{path}[{i}]"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    public static string TypeOf(JsonObject node) => node["type"]!.GetValue<string>();

    public static string? String(JsonObject node, string key) =>
        node[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>
    /// Every string a person sees on the card: TextBlock/TextRun text, fact titles and values, action titles, input
    /// labels, placeholders, error messages and toggle titles, choice titles, fallback texts and alt texts.
    /// </summary>
    public static IEnumerable<string> VisibleStrings(AdaptiveCard card)
    {
        var json = Of(card);
        foreach (var (_, node) in Typed(json))
        {
            var type = TypeOf(node);
            var keys = type switch
            {
                "TextBlock" or "TextRun" => ["text", "altText", "fallbackText"],
                "FactSet" => [],
                _ when type.StartsWith("Action.", StringComparison.Ordinal) => ["title", "tooltip"],
                _ when type.StartsWith("Input.", StringComparison.Ordinal) => ["label", "placeholder", "errorMessage", "title"],
                _ => new[] { "altText", "fallbackText" },
            };
            foreach (var key in keys)
            {
                if (String(node, key) is { Length: > 0 } text)
                {
                    yield return text;
                }
            }

            if (type == "FactSet" && node["facts"] is JsonArray facts)
            {
                foreach (var fact in facts.OfType<JsonObject>())
                {
                    yield return String(fact, "title") ?? "";
                    yield return String(fact, "value") ?? "";
                }
            }

            if (node["choices"] is JsonArray choices)
            {
                foreach (var choice in choices.OfType<JsonObject>())
                {
                    yield return String(choice, "title") ?? "";
                }
            }
        }
    }
}
