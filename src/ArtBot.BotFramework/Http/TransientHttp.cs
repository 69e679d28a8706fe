using System.Net.Http.Headers;
using Polly.Timeout;

namespace ArtBot.BotFramework.Http;

/// <summary>
/// What is worth trying again, the one list for every outgoing call (connector, Graph, tokens, and callers that pace their
/// own retries such as the fan-out): 412, 429, 500, 502, 503, 504 (the statuses Teams and Graph name as transient), a
/// timeout, and a network error when repeating the request cannot deliver it twice.
/// </summary>
public static class TransientHttp
{
    /// <summary>True for a status that may succeed when the same request is sent again later.</summary>
    public static bool IsRetryable(int statusCode) => statusCode is 412 or 429 or 500 or 502 or 503 or 504;

    /// <summary>
    /// True for a timeout or network error after which <paramref name="request"/> may be sent again: any method but POST;
    /// a POST only when it never reached the wire (the connection could not be opened, or it was still waiting for its
    /// token), since a POST that may have been delivered would be posted twice.
    /// </summary>
    public static bool IsRetryable(Exception exception, HttpRequestMessage? request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var transient = exception is HttpRequestException or TimeoutRejectedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
        return transient && (request is null || request.Method != HttpMethod.Post || NeverSent(exception, request));
    }

    /// <summary>True when <paramref name="exception"/> ended an attempt that cannot have delivered <paramref name="request"/>.</summary>
    public static bool NeverSent(Exception exception, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OutgoingAttempts.Of(request) is { OnTheWire: false }
            || exception is HttpRequestException
            {
                HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError,
            };
    }

    /// <summary>The answer's Retry-After as seconds or an HTTP date (relative to <paramref name="time"/>), never negative; null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(time);
        var header = headers.RetryAfter;
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
}
