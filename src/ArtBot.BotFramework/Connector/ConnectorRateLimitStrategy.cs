using Polly;

namespace ArtBot.BotFramework.Connector;

/// <summary>
/// The pipeline's step for Teams' per-conversation ("per-thread") and per-tenant limits: each attempt waits for a slot of
/// the shared <see cref="ConnectorRateLimiter"/> before its timeout starts, and gives up with
/// <see cref="ConnectorRateLimitedException"/> when none comes free within the queue time.
/// </summary>
internal sealed class ConnectorRateLimitStrategy(ConnectorRateLimiter limiter) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var call = ConnectorCall.Of(context.GetRequestMessage());
        if (!await limiter.AcquireAsync(call?.ConversationKey, call?.TenantId, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext))
        {
            return Outcome.FromException<HttpResponseMessage>(new ConnectorRateLimitedException());
        }

        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }
}
