using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArtBot.Tests.Shared;

/// <summary>
/// Stored invoke payloads of the cards' actions (Fixtures/CardActions/*.json) as Teams sends them for cards an earlier
/// version posted: one file per verb (<c>vote.cast.json</c>), more for other shapes of the same verb
/// (<c>impediment.roam~list.json</c>). Recorded once from the cards of their time and never rewritten: cards already in
/// people's channels keep sending them. Live ids are placeholders (<c>{{voteId}}</c>) the replay fills in.
/// </summary>
public static class CardActionFixtures
{
    public const string Folder = "CardActions";

    /// <summary>Set (to anything) to record the fixtures that are missing, from today's cards, into the source tree.</summary>
    public const string RecordVariable = "ARTBOT_RECORD_CARD_ACTIONS";

    /// <summary>Where the fixtures live in the repository.</summary>
    public static string SourceFolder => System.IO.Path.Combine(RepoRoot.Path, "tests", "ArtBot.UnitTests", "Fixtures", Folder);

    /// <summary>Where the build copies them (next to the test assembly).</summary>
    public static string OutputFolder => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", Folder);

    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool Recording => Environment.GetEnvironmentVariable(RecordVariable) is { Length: > 0 };

    /// <summary>Every stored fixture, by name (the file name without <c>.json</c>).</summary>
    public static IReadOnlyList<CardActionFixture> All() =>
        Directory.Exists(OutputFolder)
            ? [.. Directory.EnumerateFiles(OutputFolder, "*.json").Order(StringComparer.Ordinal).Select(Read)]
            : [];

    /// <summary>The stored fixture named <paramref name="name"/>, or null.</summary>
    public static CardActionFixture? Find(string name)
    {
        var path = System.IO.Path.Combine(OutputFolder, name + ".json");
        return File.Exists(path) ? Read(path) : null;
    }

    /// <summary>Stores a new fixture in the source tree (and next to the tests, for this run).</summary>
    public static void Save(CardActionFixture fixture)
    {
        var json = new JsonObject
        {
            ["invoke"] = fixture.Invoke,
            ["verb"] = fixture.Verb,
            ["from"] = fixture.From,
            ["value"] = fixture.Value.DeepClone(),
        }.ToJsonString(Written);
        foreach (var folder in new[] { SourceFolder, OutputFolder })
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(System.IO.Path.Combine(folder, fixture.Name + ".json"), json + "\n");
        }
    }

    /// <summary>
    /// <paramref name="node"/> with every key and string value that contains a live value of <paramref name="bindings"/>
    /// written as its placeholder (<c>{{name}}</c>); longer values first, so no value is cut by a shorter one.
    /// </summary>
    public static JsonNode? Templatize(JsonNode? node, IReadOnlyDictionary<string, string> bindings) =>
        Rewrite(node, text => bindings.OrderByDescending(b => b.Value.Length)
            .Aggregate(text, (current, b) => current.Replace(b.Value, "{{" + b.Key + "}}", StringComparison.Ordinal)));

    /// <summary><paramref name="node"/> with every placeholder replaced by its live value; a placeholder without one fails.</summary>
    public static JsonNode? Fill(JsonNode? node, IReadOnlyDictionary<string, string> bindings) =>
        Rewrite(node, text =>
        {
            var filled = bindings.Aggregate(text, (current, b) => current.Replace("{{" + b.Key + "}}", b.Value, StringComparison.Ordinal));
            return filled.Contains("{{", StringComparison.Ordinal)
                ? throw new InvalidOperationException($"No live value for a placeholder in '{text}'.")
                : filled;
        });

    private static CardActionFixture Read(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return new CardActionFixture(
            System.IO.Path.GetFileNameWithoutExtension(path),
            json["invoke"]!.GetValue<string>(),
            json["verb"]?.GetValue<string>(),
            json["from"]?.GetValue<string>() ?? "",
            json["value"]!.AsObject());
    }

    private static JsonNode? Rewrite(JsonNode? node, Func<string, string> text) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(text(p.Key), Rewrite(p.Value, text)))),
        JsonArray array => new JsonArray([.. array.Select(item => Rewrite(item, text))]),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(text(value.GetValue<string>())),
        _ => node?.DeepClone(),
    };
}

/// <summary>
/// One stored payload: the invoke's name (<c>adaptiveCard/action</c>), the verb (null for other invokes), the card it
/// came from, and the invoke's <c>value</c> as Teams sent it.
/// </summary>
public sealed record CardActionFixture(string Name, string Invoke, string? Verb, string From, JsonObject Value);
