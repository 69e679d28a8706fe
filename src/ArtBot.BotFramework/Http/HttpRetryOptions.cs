namespace ArtBot.BotFramework.Http;

/// <summary>The settings of one client's outgoing resilience pipeline (<see cref="OutgoingHttpPolicy"/>).</summary>
public sealed record HttpRetryOptions
{
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The median first backoff when no Retry-After is given; it doubles per retry, with jitter.</summary>
    public TimeSpan BaseRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one backoff.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this is not waited for: the answer goes back to the caller.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take (after its rate-limit slot).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// An upper bound of a whole call (every attempt, with <paramref name="waitBeforeEachAttempt"/> before it, and every
    /// wait between them): the HttpClient's own timeout, which also covers reading the answer's body.
    /// </summary>
    public TimeSpan CallBound(TimeSpan waitBeforeEachAttempt = default) =>
        ((AttemptTimeout + waitBeforeEachAttempt) * (MaxRetries + 1)) + ((MaxRetryAfter > MaxRetryDelay ? MaxRetryAfter : MaxRetryDelay) * MaxRetries);

    /// <summary>The backoff's jitter source in [0, 1); replaceable in tests.</summary>
    internal Func<double>? Jitter { get; init; }
}
