using ArtBot.BotFramework.Http;
using ArtBot.BotFramework.Schema;
using Polly.Timeout;

namespace ArtBot.BotFramework.Connector;

// One call: the request goes through the client's resilience pipeline (rate-limit slot, token, retries: see the class remarks), its answer becomes the outcome.
public sealed partial class ConnectorClient
{
    private async Task<RawResponse> ExecuteAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, request.Uri);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = JsonMediaType;
        }

        new ConnectorCall(request.Operation, request.ConversationKey, request.TenantId).AttachTo(message);
        var attempts = OutgoingAttempts.Track(message);
        if (SendsOnce)
        {
            OutgoingHttpPolicy.MarkSingleAttempt(message);
        }

        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (status is >= 200 and < 300)
            {
                return Finish(request, new(ConnectorOutcomeKind.Sent, status, attempts.Count) { Body = body });
            }

            var error = TryDeserialize(body, BotJsonContext.Default.ErrorResponse)?.Error;
            var kind = status switch
            {
                429 => ConnectorOutcomeKind.Throttled,
                403 or 404 => ConnectorOutcomeKind.BotRemoved,
                _ => ConnectorOutcomeKind.Failed,
            };
            return Finish(request, new(kind, status, attempts.Count)
            {
                ErrorCode = error?.Code,
                Message = error?.Message,
                RetryAfter = TransientHttp.RetryAfter(response.Headers, time),
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ConnectorRateLimitedException exception)
        {
            return Finish(request, new(ConnectorOutcomeKind.Throttled, 0, attempts.Count) { ErrorCode = "ClientRateLimited", Message = exception.Message });
        }
        catch (ConnectorTokenUnavailableException exception)
        {
            ConnectorLog.TokenUnavailable(logger, request.Operation, request.ConversationKey, exception.InnerException ?? exception);
            return Finish(request, new(ConnectorOutcomeKind.Failed, 0, attempts.Count) { ErrorCode = "TokenUnavailable", Message = exception.Message });
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or TimeoutRejectedException)
        {
            // OperationCanceledException without our token cancelled: a timeout below the pipeline's own.
            var code = exception is HttpRequestException ? "NetworkError" : "Timeout";
            if (request.Method == HttpMethod.Post && !TransientHttp.NeverSent(exception, message))
            {
                ConnectorLog.AmbiguousDelivery(logger, request.Operation, request.ConversationKey, code, attempts.Count);
            }

            return Finish(request, new(ConnectorOutcomeKind.Failed, 0, attempts.Count)
            {
                ErrorCode = code,
                Message = code == "Timeout" ? "The connector did not answer in time." : "The connector could not be reached.",
            });
        }
    }

    private RawResponse Finish(ConnectorRequest request, RawResponse result)
    {
        if (result.Kind == ConnectorOutcomeKind.Throttled && SendsOnce)
        {
            // The single-attempt client's callers pace and retry a 429 themselves and log the final outcome: a warning per
            // throttled attempt would flood a fan-out's log (Teams answers some 429s at any rate).
            ConnectorLog.AttemptThrottled(logger, request.Operation, result.StatusCode, request.ConversationKey);
        }
        else if (result.Kind != ConnectorOutcomeKind.Sent)
        {
            ConnectorLog.CallNotSucceeded(logger, request.Operation, result.Kind, result.StatusCode, result.ErrorCode, request.ConversationKey, result.Attempts);
        }

        return result;
    }

    private sealed record ConnectorRequest(
        string Operation, HttpMethod Method, Uri Uri, byte[]? Body, string? ConversationKey, string? TenantId);

    private sealed record RawResponse(ConnectorOutcomeKind Kind, int StatusCode, int Attempts)
    {
        public byte[]? Body { get; init; }
        public string? ErrorCode { get; init; }
        public string? Message { get; init; }
        public TimeSpan? RetryAfter { get; init; }
    }
}
