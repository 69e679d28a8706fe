using System.Text.Json;
using ArtBot.BotFramework.Schema;

namespace ArtBot.BotFramework.Hosting;

/// <summary>Answers for turns that failed, in the shape each invoke expects.</summary>
public static class InvokeErrors
{
    /// <summary>
    /// A universal action gets an error body Teams shows on the card; other invokes a 500; non-invoke
    /// activities a 500 so the channel retries.
    /// </summary>
    public static InvokeResponse ForFailedTurn(Activity activity)
    {
        if (string.Equals(activity.Name, "adaptiveCard/action", StringComparison.OrdinalIgnoreCase))
        {
            return UniversalActionError(500, "InternalError", "Something went wrong on our side. Please try again.");
        }

        return new InvokeResponse(500);
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
