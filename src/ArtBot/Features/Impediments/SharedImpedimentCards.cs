using System.Collections.Concurrent;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Impediments;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.People;

namespace ArtBot.Features.Impediments;

/// <summary>
/// Posts an impediment's card into its conversation (recording the activity id) and keeps that shared card in step
/// with changes. Updates run after the invoke is answered, one at a time per impediment, each reading the latest
/// state, so the shared card converges to the stored state however actions interleave.
/// </summary>
public sealed partial class SharedImpedimentCards(IImpedimentStore store, ConnectorClient connector, TimeProvider time, ILogger<SharedImpedimentCards> logger)
{
    private readonly ConcurrentDictionary<string, UpdateState> _updates = new(StringComparer.Ordinal);

    /// <summary>
    /// Posts the card of a newly raised impediment where it was raised (<see cref="Impediment.PostedConversationId"/>)
    /// and records the posted activity id. <paramref name="origin"/>, when given, addresses the message like a reply
    /// to that turn (bot as sender).
    /// </summary>
    public async Task<ConnectorOutcome?> PostAsync(Impediment impediment, Activity? origin, CancellationToken cancellationToken)
    {
        if (impediment.ServiceUrl is not { Length: > 0 } serviceUrl || impediment.PostedConversationId is not { Length: > 0 } conversationId)
        {
            return null;
        }

        var card = Shared(impediment);
        var message = Activity.CreateMessage(attachments: card.ToAttachment()) with
        {
            Conversation = origin?.Conversation is { } conversation ? conversation with { Id = conversationId } : new ConversationAccount { Id = conversationId },
            From = origin?.Recipient,
            Recipient = origin?.From,
            ChannelId = origin?.ChannelId ?? "msteams",
        };
        var outcome = await connector.SendToConversationAsync(serviceUrl, impediment.TenantId, conversationId, message, cancellationToken);
        if (outcome.IsSuccess && outcome.Id is { Length: > 0 } activityId)
        {
            var system = new Person("artbot", "ArtBot");
            await store.UpdateAsync(impediment.TenantId, impediment.ScopeId, impediment.Id, system,
                current => ImpedimentChange.Silently(current with { ActivityId = activityId }), cancellationToken);
        }
        else
        {
            LogNotPosted(impediment.Id, outcome.Kind.ToString(), outcome.StatusCode);
        }

        return outcome;
    }

    /// <summary>Posts the card after the current turn is answered (message extension submits must answer within 5 s).</summary>
    public Task PostInBackground(Impediment impediment, Activity? origin) => Task.Run(async () =>
    {
        try
        {
            await PostAsync(impediment, origin, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogBackgroundError(exception, impediment.Id);
        }
    });

    /// <summary>Posts any card into the impediment's conversation (e.g. an escalation); the outcome says whether it went out.</summary>
    public Task<ConnectorOutcome> SendAsync(Impediment impediment, Activity message, CancellationToken cancellationToken) =>
        connector.SendToConversationAsync(impediment.ServiceUrl!, impediment.TenantId, impediment.PostedConversationId!, message, cancellationToken);

    /// <summary>Asks for the shared card to be brought up to date; returns at once.</summary>
    public void Schedule(Impediment impediment)
    {
        if (impediment.ActivityId is null || impediment.ServiceUrl is null || impediment.PostedConversationId is null)
        {
            return;
        }

        var key = impediment.TenantId + "|" + impediment.ScopeId + "|" + impediment.Id;
        var state = _updates.GetOrAdd(key, _ => new UpdateState());
        lock (state)
        {
            state.Dirty = true;
            if (state.Running)
            {
                return;
            }

            state.Running = true;
        }

        _ = Task.Run(() => RunAsync(key, impediment, state));
    }

    private async Task RunAsync(string key, Impediment impediment, UpdateState state)
    {
        while (true)
        {
            lock (state)
            {
                state.Dirty = false;
            }

            try
            {
                var current = await store.GetAsync(impediment.TenantId, impediment.ScopeId, impediment.Id, CancellationToken.None);
                if (current?.ActivityId is { } activityId && current.ServiceUrl is { } serviceUrl && current.PostedConversationId is { } conversationId)
                {
                    var card = Shared(current);
                    var outcome = await connector.UpdateActivityAsync(serviceUrl, current.TenantId, conversationId, activityId,
                        Activity.CreateMessage(attachments: card.ToAttachment()), CancellationToken.None);
                    if (!outcome.IsSuccess)
                    {
                        LogUpdateFailed(impediment.Id, outcome.Kind.ToString(), outcome.StatusCode);
                    }
                }
            }
            catch (Exception exception)
            {
                LogBackgroundError(exception, impediment.Id);
            }

            lock (state)
            {
                if (!state.Dirty)
                {
                    state.Running = false;
                    _updates.TryRemove(new KeyValuePair<string, UpdateState>(key, state));
                    return;
                }
            }
        }
    }

    private sealed class UpdateState
    {
        public bool Running { get; set; }
        public bool Dirty { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card of impediment {ImpedimentId} was not posted: {Kind} ({Status}); the impediment is stored and listed")]
    private partial void LogNotPosted(string impedimentId, string kind, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shared card of impediment {ImpedimentId} not updated: {Kind} ({Status})")]
    private partial void LogUpdateFailed(string impedimentId, string kind, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background work for impediment {ImpedimentId} failed")]
    private partial void LogBackgroundError(Exception exception, string impedimentId);

    /// <summary>The card everyone sees, in the impediment's language and zone whoever's action changed it.</summary>
    private AdaptiveCard Shared(Impediment impediment)
    {
        using var locale = impediment.Locale?.Use();
        return ImpedimentCard.Build(impediment, time.GetUtcNow());
    }
}
