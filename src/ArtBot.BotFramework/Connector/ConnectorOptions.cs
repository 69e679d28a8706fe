using ArtBot.BotFramework.Http;

namespace ArtBot.BotFramework.Connector;

/// <summary>Retry and client-side rate-limit settings of <see cref="ConnectorClient"/> (its resilience pipeline).</summary>
public sealed class ConnectorOptions
{
    /// <summary>Retries after the first attempt for what <see cref="TransientHttp"/> calls retryable.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The median first backoff when no Retry-After is given; doubles per retry, with jitter.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one backoff step.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this is not waited for: the call ends Throttled with the asked delay.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may wait for a client-side rate-limit slot before the call ends Throttled.</summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one HTTP attempt (after its rate-limit slot).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per conversation (all requests count): 7 per second and 60 per 30 seconds.</summary>
    public IList<RateLimitRule> ConversationLimits { get; set; } =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(60, TimeSpan.FromSeconds(30)),
    ];

    /// <summary>Teams' limit of requests per second per bot and tenant.</summary>
    public const int TeamsTenantPerSecond = 50;

    /// <summary>Per tenant (all requests count): <see cref="TeamsTenantPerSecond"/> per second.</summary>
    public IList<RateLimitRule> TenantLimits { get; set; } = [new(TeamsTenantPerSecond, TimeSpan.FromSeconds(1))];

    /// <summary>The backoff's jitter source in [0, 1); replaceable in tests.</summary>
    internal Func<double>? Jitter { get; set; }

    /// <summary>These settings as the resilience pipeline's.</summary>
    internal HttpRetryOptions Retry => new()
    {
        MaxRetries = MaxRetries,
        BaseRetryDelay = BaseRetryDelay,
        MaxRetryDelay = MaxRetryDelay,
        MaxRetryAfter = MaxRetryAfter,
        AttemptTimeout = RequestTimeout,
        Jitter = Jitter,
    };
}
