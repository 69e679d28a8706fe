using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;

namespace ArtBot.IntegrationTests.CardActions;

/// <summary>
/// How one stored payload (<see cref="Tests.Shared.CardActionFixture"/>, same <paramref name="Name"/>) is replayed:
/// what to set up so its ids mean something, and what shows the bot understood it. <paramref name="From"/> says which
/// card the action is on.
/// </summary>
internal sealed record CardActionCase(string Name, string? Verb, string From, Func<BotHost, Task<Arranged>> ArrangeAsync)
{
    public string Invoke { get; init; } = "adaptiveCard/action";

    public override string ToString() => Name;
}

/// <summary>
/// A case set up: the card holding the action (read only when recording), the live values the payload's placeholders
/// stand for, how the invoke is sent (who, where) and what must be true of the answer and the store afterwards.
/// </summary>
internal sealed record Arranged(
    JsonElement Card,
    IReadOnlyDictionary<string, string> Bindings,
    Func<JsonObject, Task<JsonElement>> SendAsync,
    Func<JsonElement, Task> VerifyAsync)
{
    /// <summary>Which action of the card (default: the first with the case's verb).</summary>
    public Func<JsonElement, bool>? Pick { get; init; }

    /// <summary>What the person typed or chose, by input id: Teams merges the card's inputs into the data, as text.</summary>
    public JsonObject Inputs { get; init; } = [];

    /// <summary>A form: every input's value shown on the card is sent too (what was left as it was), under <see cref="Inputs"/>.</summary>
    public bool AllInputs { get; init; }

    /// <summary>The invoke's value around the action's data (inputs merged); default: the Action.Execute Teams sends.</summary>
    public Func<JsonElement, JsonObject, JsonObject>? Wrap { get; init; }

    /// <summary>Sends an Action.Execute value through <paramref name="driver"/>'s host and conversation, as this person.</summary>
    public static Func<JsonObject, Task<JsonElement>> Via(VoteDriver driver, string userAad, string userName, Action<JsonObject>? customize = null) =>
        async value =>
        {
            var action = value["action"]!;
            var (status, body) = await driver.InvokeAsync(
                action["verb"]!.GetValue<string>(), action["data"]?.DeepClone() as JsonObject ?? [], userAad, userName,
                customize: activity =>
                {
                    activity["value"] = value.DeepClone();
                    customize?.Invoke(activity);
                });
            Assert.Equal(HttpStatusCode.OK, status);
            return body;
        };

    /// <summary>Addresses an activity to a channel of a Teams team (impediments are kept per team).</summary>
    public static Action<JsonObject> InTeam(string teamId, string channelId) => activity =>
    {
        activity["channelData"]!["team"] = new JsonObject { ["id"] = teamId };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = channelId };
    };

    /// <summary>Asserts the answer is a card (not an error) and returns its text.</summary>
    public static string CardText(JsonElement body) => InvokeAnswers.CardText(body);
}
