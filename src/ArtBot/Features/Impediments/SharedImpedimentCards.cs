using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Impediments;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.People;
using ArtBot.Features.Common;

namespace ArtBot.Features.Impediments;

/// <summary>
/// Posts an impediment's card into its conversation (recording the activity id) and keeps that shared card in step
/// with changes through the <see cref="SharedCardUpdater"/>: updates run after the invoke is answered, one at a time per
/// impediment, each reading the latest state, so the shared card converges to the stored state however actions interleave.
/// </summary>
public sealed partial class SharedImpedimentCards(
    IImpedimentStore store, ConnectorClient connector, SharedCardUpdater updater, TimeProvider time, ILogger<SharedImpedimentCards> logger)
{
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
    public void PostInBackground(Impediment impediment, Activity? origin) =>
        updater.Schedule("impediment post " + impediment.Id, TimeSpan.Zero, ct => PostAsync(impediment, origin, ct));

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

        var (tenantId, scopeId, id) = (impediment.TenantId, impediment.ScopeId, impediment.Id);
        updater.Schedule($"impediment {tenantId}|{scopeId}|{id}", TimeSpan.Zero, async ct =>
        {
            var current = await store.GetAsync(tenantId, scopeId, id, ct);
            if (current?.ActivityId is { } activityId && current.ServiceUrl is { } serviceUrl && current.PostedConversationId is { } conversationId)
            {
                await updater.ReplaceAsync("impediment " + id, serviceUrl, current.TenantId, conversationId, activityId, Shared(current), ct);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card of impediment {ImpedimentId} was not posted: {Kind} ({Status}); the impediment is stored and listed")]
    private partial void LogNotPosted(string impedimentId, string kind, int status);


    /// <summary>The card everyone sees, in the impediment's language and zone whoever's action changed it.</summary>
    private AdaptiveCard Shared(Impediment impediment)
    {
        using var locale = impediment.Locale?.Use();
        return ImpedimentCard.Build(impediment, time.GetUtcNow());
    }
}
