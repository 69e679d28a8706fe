using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;

namespace ArtBot.BotFramework.Hosting;

/// <summary>Answers for turns that failed, in the shape each invoke expects.</summary>
public static class InvokeErrors
{
    /// <summary>
    /// The answer to a turn that threw. Invokes: see <see cref="ForFailedInvoke"/>. Without a recognised
    /// <paramref name="failure"/>, other activities get a 500 so the channel retries; with one, a message is told what
    /// happened in its conversation (sending that is best effort) and answered 200, as a retry would meet the same fault.
    /// </summary>
    public static async Task<InvokeResponse?> ForFailedTurnAsync(TurnContext turn, TurnFailure? failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (activity.Type == ActivityTypes.Invoke)
        {
            return ForFailedInvoke(activity, failure);
        }

        if (failure is null || activity.Type != ActivityTypes.Message)
        {
            return new InvokeResponse(500);
        }

        try
        {
            await turn.SendAsync(Activity.CreateMessage(failure.Message), cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // The user could not be told either; the log has the turn's failure.
        }

        return null;
    }

    /// <summary>
    /// A failed universal action gets an error body Teams shows on the card (503 with the failure's code and message, or
    /// a generic 500); a dialog or message extension action a message in its dialog; other invokes a 500.
    /// </summary>
    public static InvokeResponse ForFailedInvoke(Activity activity, TurnFailure? failure)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var name = activity.Name ?? string.Empty;
        if (name.Equals("adaptiveCard/action", StringComparison.OrdinalIgnoreCase))
        {
            return failure is null ? UniversalActionError(500, "InternalError", BotFrameworkStrings.ErrorGeneric) : UniversalActionError(503, failure.Code, failure.Message);
        }

        string[] dialogs = ["task/fetch", "task/submit", MessagingExtensionAction.FetchTaskInvoke, MessagingExtensionAction.SubmitActionInvoke];
        return dialogs.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? TaskModuleResponse.Message(failure?.Message ?? BotFrameworkStrings.ErrorGeneric).ToInvokeResponse()
            : new InvokeResponse(500);
    }

    /// <summary>An <c>application/vnd.microsoft.error</c> answer to a universal action (HTTP 200, error in the body).</summary>
    public static InvokeResponse UniversalActionError(int statusCode, string code, string message)
    {
        var body = new AdaptiveCardInvokeResponse(
            statusCode,
            AdaptiveCardInvokeResponse.ErrorType,
            JsonSerializer.SerializeToElement(new ErrorDetail(code, message), BotJsonContext.Default.ErrorDetail));
        return new InvokeResponse(200, JsonSerializer.SerializeToElement(body, BotJsonContext.Default.AdaptiveCardInvokeResponse));
    }
}
