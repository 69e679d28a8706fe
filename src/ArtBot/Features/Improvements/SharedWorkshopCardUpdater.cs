using System.Collections.Concurrent;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Improvements;

namespace ArtBot.Features.Improvements;

/// <summary>
/// Keeps the shared workshop card (the message everyone sees) in step with problems and dots, coalescing bursts: per
/// workshop at most one update is in flight; the first change of a burst schedules an update after <see cref="Delay"/>
/// that re-reads the state when it runs, and a change during an update causes one more, so the card converges to
/// the exact final state with few PUTs.
/// </summary>
public sealed partial class SharedWorkshopCardUpdater(IWorkshopStore store, ConnectorClient connector, TimeProvider time, ILogger<SharedWorkshopCardUpdater> logger)
{
    private readonly ConcurrentDictionary<string, State> _states = new(StringComparer.Ordinal);

    /// <summary>Trailing delay between the first change of a burst and the update.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Asks for an update of the workshop's shared card; returns at once.</summary>
    public void Schedule(string workshopId)
    {
        var state = _states.GetOrAdd(workshopId, _ => new State());
        lock (state)
        {
            state.Dirty = true;
            if (state.Running)
            {
                return;
            }

            state.Running = true;
        }

        _ = Task.Run(() => RunAsync(workshopId, state));
    }

    /// <summary>Replaces the shared card now with the workshop's current state (e.g. after close).</summary>
    public async Task<ConnectorOutcome?> UpdateNowAsync(string workshopId, CancellationToken cancellationToken)
    {
        var current = await store.GetStateAsync(workshopId, cancellationToken);
        if (current?.Workshop is not { ActivityId: { } activityId } workshop)
        {
            return null;
        }

        var card = Shared(current);
        var outcome = await connector.UpdateActivityAsync(
            workshop.ServiceUrl, workshop.Scope.TenantId, workshop.PostedConversationId, activityId,
            Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        if (!outcome.IsSuccess)
        {
            LogUpdateFailed(workshopId, outcome.Kind.ToString(), outcome.StatusCode);
        }

        return outcome;
    }

    private async Task RunAsync(string workshopId, State state)
    {
        while (true)
        {
            try
            {
                await Task.Delay(Delay, time);
                lock (state)
                {
                    state.Dirty = false;
                }

                await UpdateNowAsync(workshopId, CancellationToken.None);
            }
            catch (Exception exception)
            {
                LogUpdateError(exception, workshopId);
            }

            lock (state)
            {
                if (!state.Dirty)
                {
                    state.Running = false;
                    _states.TryRemove(new KeyValuePair<string, State>(workshopId, state));
                    return;
                }
            }
        }
    }

    private sealed class State
    {
        public bool Running { get; set; }
        public bool Dirty { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shared card of workshop {WorkshopId} not updated: {Kind} ({Status})")]
    private partial void LogUpdateFailed(string workshopId, string kind, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shared card of workshop {WorkshopId} not updated")]
    private partial void LogUpdateError(Exception exception, string workshopId);

    /// <summary>The card everyone sees, in the workshop's language and zone whoever's action changed it.</summary>
    public static AdaptiveCard Shared(WorkshopState state)
    {
        using var locale = state.Workshop.Locale?.Use();
        return WorkshopCard.Build(state);
    }
}
