using System.Diagnostics;
using ArtBot.BotFramework.Schema;

namespace ArtBot.BotFramework.Hosting;

/// <summary>
/// The span of one incoming activity (<c>bot.turn</c>): its type, invoke name or card verb, conversation type and outcome.
/// Nothing a person wrote or is called goes on it; the storage, connector and Graph calls of the turn are its children.
/// </summary>
public static class BotTelemetry
{
    public const string SourceName = "ArtBot.Bot";

    public const string ActivityTypeTag = "bot.activity.type";
    public const string InvokeNameTag = "bot.invoke.name";
    public const string CardVerbTag = "bot.card.verb";
    public const string ConversationTypeTag = "bot.conversation.type";
    public const string OutcomeTag = "bot.outcome";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts the turn's span (null when nobody listens).</summary>
    public static System.Diagnostics.Activity? StartTurn(Schema.Activity activity)
    {
        var span = Source.StartActivity("bot.turn", ActivityKind.Internal);
        if (span is null)
        {
            return null;
        }

        span.DisplayName = activity.Name is { Length: > 0 } name && activity.Type == ActivityTypes.Invoke ? $"bot.turn invoke {name}" : $"bot.turn {activity.Type}";
        span.SetTag(ActivityTypeTag, activity.Type);
        if (activity.Type == ActivityTypes.Invoke)
        {
            span.SetTag(InvokeNameTag, activity.Name);
        }

        span.SetTag(ConversationTypeTag, activity.Conversation?.ConversationType ?? "unknown");
        return span;
    }

    /// <summary>Records the card verb being handled on the current turn's span (only verbs a feature registered).</summary>
    public static void SetCardVerb(string verb) => System.Diagnostics.Activity.Current?.SetTag(CardVerbTag, verb);

    /// <summary>Ends the turn's span with its outcome (<c>handled</c>, <c>duplicate</c>, <c>rejected</c>, <c>unauthorized</c>, <c>failed</c> or a failure's code).</summary>
    public static void SetOutcome(System.Diagnostics.Activity? span, string outcome, Exception? exception = null)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag(OutcomeTag, outcome);
        if (exception is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            span.SetTag("error.type", exception.GetType().FullName);
        }
    }
}
