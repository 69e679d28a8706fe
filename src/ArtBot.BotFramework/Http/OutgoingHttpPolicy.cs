using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Telemetry;

namespace ArtBot.BotFramework.Http;

/// <summary>
/// The one resilience policy of the bot's outgoing HTTP (the Bot Connector, Microsoft Graph, the token endpoint): a named
/// pipeline (<see cref="PipelineName"/>) of Microsoft.Extensions.Http.Resilience on the client's handler chain, on the
/// app's <see cref="TimeProvider"/>. It retries what <see cref="TransientHttp"/> calls retryable, after the answer's
/// Retry-After (seconds or date) or else an exponential backoff with jitter, up to <see cref="HttpRetryOptions.MaxRetries"/>
/// times; an answer asking for longer than <see cref="HttpRetryOptions.MaxRetryAfter"/> goes back to the caller at once.
/// Each attempt is bounded by <see cref="HttpRetryOptions.AttemptTimeout"/>. A request marked
/// <see cref="MarkSingleAttempt"/> is sent once: its caller paces and retries it. The clients' pipelines are built at
/// start-up (<see cref="OutgoingHttpWarmUp"/>).
/// </summary>
public static class OutgoingHttpPolicy
{
    /// <summary>The pipeline's name on every client (Polly names it <c>{client}-outgoing</c>).</summary>
    public const string PipelineName = "outgoing";

    private static readonly HttpRequestOptionsKey<bool> SingleAttemptKey = new("ArtBot.SingleAttempt");

    /// <summary>The pipeline sends <paramref name="request"/> once, whatever the answer: its caller paces and retries.</summary>
    public static void MarkSingleAttempt(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(SingleAttemptKey, true);
    }

    /// <summary>
    /// Adds the policy to the client's handler chain (handlers added after this one run once per attempt).
    /// <paramref name="perAttempt"/> adds strategies every attempt passes before its timeout starts (a rate limiter);
    /// <paramref name="onRetry"/> is told of each retry (e.g. to log it in the caller's words).
    /// </summary>
    public static IHttpResiliencePipelineBuilder AddOutgoingResilience(
        this IHttpClientBuilder builder,
        Func<IServiceProvider, HttpRetryOptions> settings,
        Action<ResiliencePipelineBuilder<HttpResponseMessage>, IServiceProvider>? perAttempt = null,
        Func<IServiceProvider, Action<OnRetryArguments<HttpResponseMessage>>>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<TelemetryOptions>, QuietOutgoingEvents>());
        builder.Services.AddSingleton(new OutgoingHttpClient(builder.Name));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutgoingHttpWarmUp>());
        return builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var services = context.ServiceProvider;
            var options = settings(services);
            var time = services.GetRequiredService<TimeProvider>();
            var retried = onRetry?.Invoke(services);
            if (options.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.BaseRetryDelay,
                    MaxDelay = options.MaxRetryDelay,
                    Randomizer = options.Jitter ?? Random.Shared.NextDouble,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, time)),
                    // Retry-After read on the app's clock (the library's own reading of a date uses the system clock).
                    DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? TransientHttp.RetryAfter(response.Headers, time) : null),
                    OnRetry = args =>
                    {
                        if (args.Context.GetRequestMessage() is { } request)
                        {
                            OutgoingAttempts.Of(request)?.Starting();
                        }

                        retried?.Invoke(args);
                        return default;
                    },
                });
            }

            perAttempt?.Invoke(pipeline, services);
            pipeline.AddTimeout(options.AttemptTimeout);
        });
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, HttpRetryOptions options, TimeProvider time)
    {
        var request = context.GetRequestMessage();
        if (request is not null && request.Options.TryGetValue(SingleAttemptKey, out var single) && single)
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            return TransientHttp.IsRetryable(exception, request, context.CancellationToken);
        }

        var response = outcome.Result!;
        return TransientHttp.IsRetryable((int)response.StatusCode) && !(TransientHttp.RetryAfter(response.Headers, time) > options.MaxRetryAfter);
    }

    /// <summary>The policy's callers log what happened in their own words: Polly's own event lines for these pipelines would repeat them once per attempt.</summary>
    private sealed class QuietOutgoingEvents : IConfigureOptions<TelemetryOptions>
    {
        private const string Suffix = "-" + PipelineName;

        public void Configure(TelemetryOptions options)
        {
            var previous = options.SeverityProvider;
            options.SeverityProvider = args => args.Source.PipelineName?.EndsWith(Suffix, StringComparison.Ordinal) == true
                ? ResilienceEventSeverity.None
                : previous?.Invoke(args) ?? args.Event.Severity;
        }
    }
}
