namespace ArtBot.BotFramework.Connector;

/// <summary>Retry and client-side rate-limit settings of <see cref="ConnectorClient"/>.</summary>
public sealed class ConnectorOptions
{
    /// <summary>Retries after the first attempt for 429, 412, 500, 502, 503, 504 (and safe network errors).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff step when no Retry-After is given; doubles per retry, with jitter.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one backoff step.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this is not waited for: the call ends Throttled with the asked delay.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may wait for a client-side rate-limit slot before the call ends Throttled.</summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>HttpClient timeout of one request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per conversation (all requests count): 7 per second and 60 per 30 seconds.</summary>
    public IList<RateLimitRule> ConversationLimits { get; set; } =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(60, TimeSpan.FromSeconds(30)),
    ];

    /// <summary>Per tenant (all requests count): 50 per second.</summary>
    public IList<RateLimitRule> TenantLimits { get; set; } = [new(50, TimeSpan.FromSeconds(1))];

    /// <summary>The same settings with no retry: one HTTP attempt per call.</summary>
    public ConnectorOptions WithoutRetries() => new()
    {
        MaxRetries = 0,
        BaseRetryDelay = BaseRetryDelay,
        MaxRetryDelay = MaxRetryDelay,
        MaxRetryAfter = MaxRetryAfter,
        MaxQueueWait = MaxQueueWait,
        RequestTimeout = RequestTimeout,
        ConversationLimits = ConversationLimits,
        TenantLimits = TenantLimits,
    };
}
