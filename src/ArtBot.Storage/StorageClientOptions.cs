using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace ArtBot.Storage;

/// <summary>
/// How the bot's table clients talk to storage: every call is bounded, so a card action or message answers within 10 s
/// while storage hangs or is down. Two tries of at most <see cref="TryTimeout"/> each (Table Storage's own target for an
/// entity operation is 2 s), <see cref="RetryDelay"/> apart: at most about 6.3 s, then
/// <see cref="StorageUnavailableException"/>. Retrying longer is the callers' business (the scheduler's next tick).
/// </summary>
public static class StorageClientOptions
{
    public static readonly TimeSpan TryTimeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(250);
    public const int MaxRetries = 1;

    public static TableClientOptions Create()
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = RetryDelay;
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TryTimeout;

        // Storage calls are traced by OpenTelemetry's HttpClient instrumentation (as children of the turn's span) and the
        // SDK's EventSource logs are not forwarded here, so its own logging and tracing policies would be work for nothing.
        options.Diagnostics.IsLoggingEnabled = false;
        options.Diagnostics.IsDistributedTracingEnabled = false;
        options.AddPolicy(new UnavailablePolicy(), HttpPipelinePosition.PerCall);
        return options;
    }

    /// <summary>
    /// Outermost policy (once per call, around the retries): a call that ended without any answer from storage (the
    /// transport failed or timed out on every try) becomes <see cref="StorageUnavailableException"/>; answers, errors
    /// included (404, 409, 412, 5xx), pass through unchanged.
    /// </summary>
    private sealed class UnavailablePolicy : HttpPipelinePolicy
    {
        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            }
            catch (Exception exception) when (!message.CancellationToken.IsCancellationRequested && exception is not StorageUnavailableException)
            {
                throw new StorageUnavailableException("Table Storage did not answer: " + exception.GetType().Name, exception);
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                ProcessNext(message, pipeline);
            }
            catch (Exception exception) when (!message.CancellationToken.IsCancellationRequested && exception is not StorageUnavailableException)
            {
                throw new StorageUnavailableException("Table Storage did not answer: " + exception.GetType().Name, exception);
            }
        }
    }
}
