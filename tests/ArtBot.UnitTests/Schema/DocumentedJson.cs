using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArtBot.UnitTests.Schema;

/// <summary>
/// Compares what ArtBot sends with a documented body: the same properties and values, allowing only what the docs write
/// loosely (a number as a string, a URL without its trailing slash).
/// </summary>
internal static class DocumentedJson
{
    public static void AssertSame(JsonNode? documented, JsonNode? sent, string path = "$")
    {
        switch (documented)
        {
            case JsonObject expected:
                var actual = Assert.IsType<JsonObject>(sent);
                Assert.True(
                    expected.Select(p => p.Key).Order(StringComparer.Ordinal).SequenceEqual(actual.Select(p => p.Key).Order(StringComparer.Ordinal)),
                    $"{path}: documented {{{string.Join(", ", expected.Select(p => p.Key))}}}, sent {{{string.Join(", ", actual.Select(p => p.Key))}}}");
                foreach (var (key, value) in expected)
                {
                    AssertSame(value, actual[key], $"{path}.{key}");
                }

                break;
            case JsonArray expected:
                var items = Assert.IsType<JsonArray>(sent);
                Assert.True(expected.Count == items.Count, $"{path}: documented {expected.Count} items, sent {items.Count}");
                for (var i = 0; i < expected.Count; i++)
                {
                    AssertSame(expected[i], items[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.True(SameValue(documented, sent), $"{path}: documented {documented?.ToJsonString()}, sent {sent?.ToJsonString()}");
                break;
        }
    }

    private static bool SameValue(JsonNode? documented, JsonNode? sent)
    {
        if (JsonNode.DeepEquals(documented, sent))
        {
            return true;
        }

        if (documented is not JsonValue value || value.GetValueKind() != JsonValueKind.String || sent is not JsonValue other)
        {
            return false;
        }

        var text = value.GetValue<string>();
        return other.GetValueKind() switch
        {
            JsonValueKind.Number => other.ToJsonString() == text,
            JsonValueKind.String => Uri.TryCreate(text, UriKind.Absolute, out var a) && Uri.TryCreate(other.GetValue<string>(), UriKind.Absolute, out var b) && a == b,
            _ => false,
        };
    }
}
