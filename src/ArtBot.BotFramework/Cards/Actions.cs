using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ArtBot.BotFramework.Cards;

/// <summary>A card action; <c>type</c> is written from the concrete record.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction(string? Title)
{
    public string? Id { get; init; }
    /// <summary><c>default</c>, <c>positive</c> or <c>destructive</c> (Teams ignores the last two).</summary>
    public string? Style { get; init; }
}

/// <summary>
/// Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke with <see cref="Verb"/> and
/// <see cref="Data"/> (card inputs merged in) and shows the card the bot answers with.
/// </summary>
public sealed record ExecuteAction(string? Title, string Verb, JsonObject? Data = null) : CardAction(Title)
{
    /// <summary><c>none</c> or <c>validate</c> (inputs are validated before sending).</summary>
    public string? AssociatedInputs { get; init; }
}

/// <summary>Sends the data as a message activity with <c>value</c> (legacy; Teams clients without Universal Actions).</summary>
public sealed record SubmitAction(string? Title, JsonObject? Data = null) : CardAction(Title)
{
    public string? AssociatedInputs { get; init; }

    /// <summary>A button Teams answers by posting <paramref name="text"/> as the user's own message (imBack), as if typed.</summary>
    public static SubmitAction ImBack(string? title, string text) =>
        new(title, new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = text } });
}

/// <summary>Opens a URL.</summary>
public sealed record OpenUrlAction(string? Title, string Url) : CardAction(Title);

/// <summary>Shows a nested card inline.</summary>
public sealed record ShowCardAction(string? Title, AdaptiveCard Card) : CardAction(Title);
