using System.Text.Json;
using ArtBot.BotFramework.Hosting;
using ArtBot.BotFramework.Schema;

namespace ArtBot.BotFramework.Routing;

/// <summary>Handles one Universal Action verb; <paramref name="data"/> is the action's data with card inputs merged in.</summary>
public delegate Task<InvokeResponse> CardActionHandler(TurnContext turn, JsonElement? data, CancellationToken cancellationToken);

/// <summary>
/// Answers <c>adaptiveCard/action</c> invokes by verb, so each feature owns its verbs. Anything that is not an
/// <c>Action.Execute</c> with a known verb gets a clear error body (HTTP 200, as Teams expects), never a 500.
/// </summary>
public sealed class CardActionRouter
{
    public const string InvokeName = "adaptiveCard/action";

    private readonly Dictionary<string, CardActionHandler> _verbs = new(StringComparer.Ordinal);

    /// <summary>The verbs answered.</summary>
    public IReadOnlyCollection<string> Verbs => _verbs.Keys;

    public CardActionRouter On(string verb, CardActionHandler handler)
    {
        if (!_verbs.TryAdd(verb, handler))
        {
            throw new InvalidOperationException($"A card action handler for verb '{verb}' is already registered.");
        }

        return this;
    }

    public Task<InvokeResponse> RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        AdaptiveCardInvokeValue? invoke;
        try
        {
            invoke = turn.Activity.Value is { } value ? value.Deserialize(BotJsonContext.Default.AdaptiveCardInvokeValue) : null;
        }
        catch (JsonException)
        {
            invoke = null;
        }

        if (invoke?.Action is { Type: "Action.Execute", Verb: { } verb } action && _verbs.TryGetValue(verb, out var handler))
        {
            BotTelemetry.SetCardVerb(verb);
            return handler(turn, action.Data, cancellationToken);
        }

        return Task.FromResult(InvokeErrors.UniversalActionError(400, "NotSupported", BotFrameworkStrings.ErrorActionNotSupported));
    }
}
