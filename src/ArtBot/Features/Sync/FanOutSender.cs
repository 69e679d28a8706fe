using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Http;
using ArtBot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Sync;

/// <summary>
/// Sends a fan-out's messages with every attempt paced: the single-attempt <see cref="ConnectorClient"/> (one HTTP
/// attempt per call; same HTTP client, token provider and shared rate limiter as every other send, so the
/// per-conversation and per-tenant limits still hold across features), and the retries done here, each after the
/// service's Retry-After (or a backoff) and a fresh slot from the <see cref="FanOutPacer"/>. Retries what
/// <see cref="TransientHttp"/> calls retryable (statuses only): a POST that may have been delivered (timeout) is never repeated.
/// </summary>
public sealed class FanOutSender
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    /// <summary>Fresh slots a send takes after missing its own before it is sent late anyway.</summary>
    private const int MaxLateSlots = 3;

    /// <summary>Nothing was sent: the delivery's claim was taken over before the send (its paced slot goes unused).</summary>
    public static readonly ConnectorOutcome ClaimLost = new() { Kind = ConnectorOutcomeKind.Failed, ErrorCode = "ClaimLost" };

    private readonly ConnectorClient _connector;
    private readonly FanOutPacer _pacer;
    private readonly IOptions<SyncOptions> _options;
    private readonly TimeProvider _time;

    public FanOutSender(
        [FromKeyedServices(ConnectorClient.SingleAttempt)] ConnectorClient connector,
        FanOutPacer pacer,
        IOptions<SyncOptions> options,
        TimeProvider time)
    {
        _connector = connector;
        _pacer = pacer;
        _options = options;
        _time = time;
    }

    /// <summary>
    /// Posts <paramref name="activity"/> into <paramref name="conversationId"/> (a channel, or a thread of it).
    /// <paramref name="beforeFirstSend"/> runs right before the first HTTP attempt, from <see cref="SyncOptions.FanOutPrepareAhead"/>
    /// before its paced slot (the fan-out records its "sending" marker there); when it returns false nothing is sent and
    /// the outcome is <see cref="ClaimLost"/>.
    /// </summary>
    public async Task<ConnectorOutcome> SendAsync(string serviceUrl, string tenantId, string conversationId, Activity activity, Func<Task<bool>>? beforeFirstSend = null)
    {
        var retries = Math.Max(0, _options.Value.SendRetries);
        var attempts = 0;
        for (var retry = 0; ; retry++)
        {
            var marking = retry == 0 && beforeFirstSend is not null;
            var slot = await _pacer.WaitAsync(tenantId, retry: retry > 0, ahead: marking ? _options.Value.FanOutPrepareAhead : TimeSpan.Zero);
            if (marking && !await beforeFirstSend!())
            {
                return ClaimLost;
            }

            // The marker's storage write happened before the slot: the send leaves at the slot, not a round trip after it.
            // One that would leave too late (a late wake-up) takes a fresh slot, served first, rather than draw a 429.
            for (var late = 0; ; late++)
            {
                var early = slot - _time.GetUtcNow();
                if (early > TimeSpan.Zero)
                {
                    await Task.Delay(early, _time);
                }

                if (late == MaxLateSlots || !_pacer.IsTooLate(slot))
                {
                    break;
                }

                slot = await _pacer.WaitAsync(tenantId, retry: true);
            }

            var outcome = await _connector.SendToConversationAsync(serviceUrl, tenantId, conversationId, activity, CancellationToken.None);
            attempts += Math.Max(1, outcome.Attempts);
            _pacer.Report(tenantId, throttled: outcome.StatusCode == 429 || outcome.Kind == ConnectorOutcomeKind.Throttled);
            var retryable = TransientHttp.IsRetryable(outcome.StatusCode)
                || (outcome.Kind == ConnectorOutcomeKind.Throttled && outcome.StatusCode == 0);
            if (outcome.IsSuccess || !retryable || retry >= retries)
            {
                return outcome with { Attempts = attempts };
            }

            var wait = outcome.RetryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, retry));
            if (wait > MaxWait)
            {
                return outcome with { Attempts = attempts };
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time);
            }
        }
    }
}
