using System.Net.Http.Headers;
using ArtBot.BotFramework.Schema;

namespace ArtBot.BotFramework.Connector;

// The request loop: rate-limit slot, token, HTTP attempt, retry decision (see the class remarks).
public sealed partial class ConnectorClient
{
    private async Task<RawResponse> ExecuteAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attempts = 0;
        while (true)
        {
            if (!await limiter.AcquireAsync(request.ConversationKey, request.TenantId, cancellationToken).ConfigureAwait(false))
            {
                return Finish(request, new(ConnectorOutcomeKind.Throttled, 0, attempts)
                {
                    ErrorCode = "ClientRateLimited",
                    Message = "No client-side rate-limit slot came free within the queue time.",
                });
            }

            string? token;
            try
            {
                token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Any credential failure becomes a Failed outcome: callers never see exceptions for it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                ConnectorLog.TokenUnavailable(logger, request.Operation, request.ConversationKey, exception);
                return Finish(request, new(ConnectorOutcomeKind.Failed, 0, attempts)
                {
                    ErrorCode = "TokenUnavailable",
                    Message = "No access token for the connector could be acquired.",
                });
            }

            attempts++;
            var retries = attempts - 1;
            var (result, delay) = await AttemptAsync(request, token, retries < settings.MaxRetries, retries + 1, attempts, cancellationToken).ConfigureAwait(false);
            if (result is not null)
            {
                return Finish(request, result);
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One HTTP attempt: either a final result, or (null, delay) to retry after the delay.</summary>
    private async Task<(RawResponse? Result, TimeSpan Delay)> AttemptAsync(
        ConnectorRequest request, string? token, bool mayRetry, int retry, int attempts, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, request.Uri);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = JsonMediaType;
        }

        if (token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            // OperationCanceledException without our token cancelled: the HttpClient timeout.
            var code = exception is OperationCanceledException ? "Timeout" : "NetworkError";
            var neverSent = exception is HttpRequestException
            {
                HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError,
            };
            var safeToRepeat = request.Method != HttpMethod.Post || neverSent;
            if (safeToRepeat && mayRetry)
            {
                var backoff = Backoff(retry);
                ConnectorLog.Retrying(logger, request.Operation, 0, request.ConversationKey, retry, backoff);
                return (null, backoff);
            }

            if (!safeToRepeat)
            {
                ConnectorLog.AmbiguousDelivery(logger, request.Operation, request.ConversationKey, code, attempts);
            }

            return (new(ConnectorOutcomeKind.Failed, 0, attempts)
            {
                ErrorCode = code,
                Message = code == "Timeout" ? "The connector did not answer in time." : "The connector could not be reached.",
            }, default);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (status is >= 200 and < 300)
            {
                return (new(ConnectorOutcomeKind.Sent, status, attempts) { Body = body }, default);
            }

            var retryAfter = RetryAfter(response);
            if (IsRetryable(status) && mayRetry && !(retryAfter > options.Value.MaxRetryAfter))
            {
                var delay = retryAfter ?? Backoff(retry);
                ConnectorLog.Retrying(logger, request.Operation, status, request.ConversationKey, retry, delay);
                return (null, delay);
            }

            var error = TryDeserialize(body, BotJsonContext.Default.ErrorResponse)?.Error;
            var kind = status switch
            {
                429 => ConnectorOutcomeKind.Throttled,
                403 or 404 => ConnectorOutcomeKind.BotRemoved,
                _ => ConnectorOutcomeKind.Failed,
            };
            return (new(kind, status, attempts) { ErrorCode = error?.Code, Message = error?.Message, RetryAfter = retryAfter }, default);
        }
    }

    private RawResponse Finish(ConnectorRequest request, RawResponse result)
    {
        if (result.Kind == ConnectorOutcomeKind.Throttled && options.Value.MaxRetries == 0)
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

    private static bool IsRetryable(int status) => status is 429 or 412 or 500 or 502 or 503 or 504;

    /// <summary>Exponential backoff with "equal jitter": a delay in [step/2, step), step = base × 2^(retry-1), capped.</summary>
    internal TimeSpan Backoff(int retry)
    {
        var settings = options.Value;
        var step = settings.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 16));
        step = Math.Min(step, settings.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((step / 2) + (Jitter() * step / 2));
    }

    /// <summary>Retry-After as seconds or an HTTP date (relative to <see cref="TimeProvider"/>), never negative.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
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
