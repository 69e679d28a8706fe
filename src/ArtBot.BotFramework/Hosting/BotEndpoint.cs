using System.Text.Json;
using ArtBot.BotFramework.Auth;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtBot.BotFramework.Hosting;

/// <summary>
/// The bot's HTTP endpoint: size limit, JSON, channel authentication, de-duplication, routing, and the
/// invoke response. Bad input is a 4xx with a short reason, never a 500.
/// </summary>
public static partial class BotEndpoint
{
    /// <summary>The largest activity accepted. Teams messages are at most ~100 KB; invokes carry a message payload.</summary>
    public const int MaxActivityBytes = 1024 * 1024;

    /// <summary>Maps <c>POST {pattern}</c> (default <c>/api/messages</c>) to the bot.</summary>
    public static IEndpointConventionBuilder MapBotEndpoint(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        // Created once: the logger factory takes a process-wide lock in CreateLogger, which a burst of ballots contended for.
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotEndpoint).FullName!);
        RequestDelegate handler = http => HandleAsync(http, logger); // a plain RequestDelegate: no parameter binding generated
        return endpoints.MapPost(pattern, handler).DisableAntiforgery().WithName("BotMessages");
    }

    private static async Task HandleAsync(HttpContext http, ILogger logger)
    {
        var services = http.RequestServices;
        var cancellationToken = http.RequestAborted;

        var body = await ReadBodyAsync(http, cancellationToken);
        if (body.Error is { } error)
        {
            LogRejected(logger, error.Status, error.Reason);
            await WriteProblemAsync(http, error.Status, error.Reason);
            return;
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize(body.Bytes, BotJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            var reason = activity is null ? "malformed activity JSON" : "activity type missing";
            LogRejected(logger, StatusCodes.Status400BadRequest, reason);
            await WriteProblemAsync(http, StatusCodes.Status400BadRequest, reason);
            return;
        }

        using var span = BotTelemetry.StartTurn(activity);
        var validator = services.GetRequiredService<BotTokenValidator>();
        var auth = await validator.AuthenticateAsync(
            http.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            activity.ChannelId,
            activity.ServiceUrl,
            cancellationToken);
        if (!auth.Succeeded)
        {
            // The validator has logged the reason once; the caller gets it too (it never contains the token).
            BotTelemetry.SetOutcome(span, "unauthorized");
            await WriteProblemAsync(http, StatusCodes.Status401Unauthorized, auth.FailureReason ?? "unauthorized");
            return;
        }

        if (!HasAddress(activity))
        {
            const string reason = "activity has no valid serviceUrl or conversation id";
            BotTelemetry.SetOutcome(span, "rejected");
            LogRejected(logger, StatusCodes.Status400BadRequest, reason);
            await WriteProblemAsync(http, StatusCodes.Status400BadRequest, reason);
            return;
        }

        var router = services.GetRequiredService<ActivityRouter>();
        var connector = services.GetRequiredService<ConnectorClient>();
        var deduplicator = services.GetRequiredService<ActivityDeduplicator>();
        var turn = new TurnContext(activity, connector);
        using var culture = services.GetService<ITurnCulture>()?.Enter(activity);

        InvokeResponse? response;
        try
        {
            (response, var duplicate) = await deduplicator.RunOnceAsync(activity, () => router.RouteAsync(turn, cancellationToken));
            if (duplicate)
            {
                LogDuplicate(logger, activity.Type!, activity.Id);
            }

            BotTelemetry.SetOutcome(span, duplicate ? "duplicate" : "handled");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A handler failed. A failure the app recognises (storage unreachable) is told to the user as it is; anything
            // else (a bug) gets the generic answer: invokes an answer Teams can show, other activities a 500 so the
            // channel retries the turn.
            var failure = services.GetService<ITurnFailureDescriber>()?.Describe(exception);
            LogTurnFailed(logger, exception, activity.Type!, activity.Id, failure?.Code ?? "unexpected");
            BotTelemetry.SetOutcome(span, failure?.Code ?? "failed", exception);
            response = await InvokeErrors.ForFailedTurnAsync(turn, failure, CancellationToken.None);
        }

        if (response is null)
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        http.Response.StatusCode = response.Status;
        if (response.Body is { } json)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, json, BotJsonContext.Default.JsonElement, cancellationToken);
        }
    }

    private static bool HasAddress(Activity activity) =>
        !string.IsNullOrWhiteSpace(activity.Conversation?.Id)
        && Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
        && (serviceUrl.Scheme == Uri.UriSchemeHttps || serviceUrl.Scheme == Uri.UriSchemeHttp);

    private static async Task<(byte[] Bytes, (int Status, string Reason)? Error)> ReadBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > MaxActivityBytes)
        {
            return ([], (StatusCodes.Status413PayloadTooLarge, "activity larger than 1 MiB"));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxActivityBytes + 1;
        }

        // Teams sends Content-Length: read straight into an array of that size (one allocation per activity).
        if (http.Request.ContentLength is { } length)
        {
            if (length == 0)
            {
                return ([], (StatusCodes.Status400BadRequest, "empty request body"));
            }

            var exact = new byte[length];
            try
            {
                await http.Request.Body.ReadExactlyAsync(exact, cancellationToken);
                return (exact, null);
            }
            catch (Exception exception) when (exception is BadHttpRequestException or EndOfStreamException)
            {
                return ([], (StatusCodes.Status400BadRequest, "request body could not be read"));
            }
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxActivityBytes)
                {
                    return ([], (StatusCodes.Status413PayloadTooLarge, "activity larger than 1 MiB"));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception)
        {
            return ([], (exception.StatusCode, "request body could not be read"));
        }

        return buffer.Length == 0
            ? ([], (StatusCodes.Status400BadRequest, "empty request body"))
            : (buffer.ToArray(), null);
    }

    private static Task WriteProblemAsync(HttpContext http, int status, string reason)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(reason, http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a bot request with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Type} turn of activity {ActivityId} failed ({Failure})")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string type, string? activityId, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId} ({Type}) was delivered again; handled once")]
    private static partial void LogDuplicate(ILogger logger, string type, string? activityId);
}
