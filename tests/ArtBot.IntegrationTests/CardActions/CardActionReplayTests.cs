using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.CardActions;

/// <summary>
/// Cards already posted keep working: every stored payload (<see cref="CardActionFixtures"/>, as the cards of an earlier
/// version made Teams send it) is replayed through /api/messages on fresh state its ids are filled in from, and the bot
/// must understand it: the expected card or effect, never "not found" or a refusal of the data's shape.
/// </summary>
[Collection(BotTests.Name)]
public sealed class CardActionReplayTests(BotHost bot)
{
    private static readonly IReadOnlyList<CardActionCase> Cases =
    [
        .. VoteCases.All(), .. ImpedimentCases.All(), .. SyncCases.All(), .. ArtCases.All(), .. PlanningCases.All(), .. ImprovementCases.All(), .. BacklogCases.All(), .. PulseCases.All(), .. DemoCases.All(), .. DemoFollowUpCases.All(),
    ];

    /// <summary>Every case, and every stored payload (one without a case fails: nothing replays it).</summary>
    public static TheoryData<string> Names =>
        [.. Cases.Select(c => c.Name).Union(CardActionFixtures.All().Select(f => f.Name), StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_stored_payload_is_understood(string name)
    {
        var @case = Cases.SingleOrDefault(c => c.Name == name);
        Assert.True(@case is not null, $"The stored payload {name}.json has no case that replays it (CardActions/*Cases.cs).");
        var arranged = await @case.ArrangeAsync(bot);
        var fixture = CardActionFixtures.Find(name);
        if (fixture is null)
        {
            Assert.True(CardActionFixtures.Recording,
                $"No stored payload for {name}: record it from today's card with {CardActionFixtures.RecordVariable}=1 and commit Fixtures/{CardActionFixtures.Folder}/{name}.json.");
            fixture = Record(@case, arranged);
            CardActionFixtures.Save(fixture);
        }

        Assert.Equal((@case.Invoke, @case.Verb), (fixture.Invoke, fixture.Verb));
        var value = CardActionFixtures.Fill(fixture.Value, arranged.Bindings)!.AsObject();

        var body = await arranged.SendAsync(value);

        await arranged.VerifyAsync(body);
    }

    /// <summary>The payload Teams sends for the case's action on today's card: its data, the inputs merged in, live ids as placeholders.</summary>
    private static CardActionFixture Record(CardActionCase @case, Arranged arranged)
    {
        var pick = arranged.Pick ?? (a => a.TryGetProperty("verb", out var verb) && verb.GetString() == @case.Verb);
        var action = Find(arranged.Card, "Action.").FirstOrDefault(pick);
        Assert.True(action.ValueKind == JsonValueKind.Object, $"The card has no action for {@case.Name}: {arranged.Card.GetRawText()}");
        var data = action.TryGetProperty("data", out var shown) ? JsonNode.Parse(shown.GetRawText())!.AsObject() : [];
        var inputs = Find(arranged.Card, "Input.").ToList();
        if (arranged.AllInputs)
        {
            foreach (var input in inputs.Where(i => i.TryGetProperty("value", out _)))
            {
                var shownValue = input.GetProperty("value");
                data[input.GetProperty("id").GetString()!] = shownValue.ValueKind == JsonValueKind.String ? shownValue.GetString() : shownValue.GetRawText();
            }
        }

        foreach (var (id, typed) in arranged.Inputs)
        {
            Assert.True(inputs.Any(i => i.GetProperty("id").GetString() == id), $"The card has no input '{id}'.");
            data[id] = typed?.DeepClone();
        }

        var value = arranged.Wrap?.Invoke(action, data) ?? Executed(action, data);
        return new CardActionFixture(@case.Name, @case.Invoke, @case.Verb, @case.From, CardActionFixtures.Templatize(value, arranged.Bindings)!.AsObject());
    }

    private static JsonObject Executed(JsonElement action, JsonObject data)
    {
        var executed = new JsonObject { ["type"] = "Action.Execute" };
        foreach (var name in new[] { "id", "title" })
        {
            if (action.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String)
            {
                executed[name] = text.GetString();
            }
        }

        executed["verb"] = action.GetProperty("verb").GetString();
        executed["data"] = data;
        return new JsonObject { ["action"] = executed, ["trigger"] = "manual" };
    }

    /// <summary>The card's elements whose type starts with <paramref name="prefix"/> (actions, inputs), shown cards and refresh included.</summary>
    private static IEnumerable<JsonElement> Find(JsonElement element, string prefix) => element.ValueKind switch
    {
        JsonValueKind.Object => (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                && type.GetString()!.StartsWith(prefix, StringComparison.Ordinal) ? [element] : Array.Empty<JsonElement>())
            .Concat(element.EnumerateObject().SelectMany(p => Find(p.Value, prefix))),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => Find(e, prefix)),
        _ => [],
    };
}
