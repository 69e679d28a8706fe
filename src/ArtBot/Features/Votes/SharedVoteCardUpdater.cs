using System.Collections.Concurrent;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Votes;

namespace ArtBot.Features.Votes;

/// <summary>
/// Keeps the shared vote card (the message everyone sees) in step with the ballots, coalescing bursts: per vote
/// at most one update is in flight; the first ballot of a burst schedules an update after <see cref="Delay"/>, which
/// re-reads the tally when it runs. A ballot arriving while an update runs causes one more update, so the card
/// always converges to the exact final state.
/// </summary>
public sealed partial class SharedVoteCardUpdater(IVoteStore store, ConnectorClient connector, TimeProvider time, ILogger<SharedVoteCardUpdater> logger)
{
    private readonly ConcurrentDictionary<string, State> _states = new(StringComparer.Ordinal);

    /// <summary>Trailing delay between the first ballot of a burst and the update.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Asks for an update of the vote's shared card; returns at once.</summary>
    public void Schedule(string voteId)
    {
        var state = _states.GetOrAdd(voteId, _ => new State());
        lock (state)
        {
            state.Dirty = true;
            if (state.Running)
            {
                return;
            }

            state.Running = true;
        }

        _ = Task.Run(() => RunAsync(voteId, state));
    }

    /// <summary>Replaces the shared card now with the vote's current state (e.g. after close).</summary>
    public async Task<ConnectorOutcome?> UpdateNowAsync(string voteId, CancellationToken cancellationToken)
    {
        var vote = await store.GetAsync(voteId, cancellationToken);
        if (vote?.ActivityId is not { } activityId)
        {
            return null;
        }

        var ballots = await store.GetBallotsAsync(voteId, cancellationToken);
        var concerns = await store.GetConcernsAsync(voteId, cancellationToken);
        var card = VoteCard.Build(vote, VoteTally.From(ballots.Select(b => b.Value)), ballots, concerns: concerns);
        var outcome = await connector.UpdateActivityAsync(
            vote.ServiceUrl, vote.TenantId, vote.PostedConversationId, activityId,
            Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        if (!outcome.IsSuccess)
        {
            LogUpdateFailed(voteId, outcome.Kind.ToString(), outcome.StatusCode);
        }

        return outcome;
    }

    private async Task RunAsync(string voteId, State state)
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

                await UpdateNowAsync(voteId, CancellationToken.None);
            }
            catch (Exception exception)
            {
                LogUpdateError(voteId, exception.GetType().Name, exception.Message);
            }

            lock (state)
            {
                if (!state.Dirty)
                {
                    state.Running = false;
                    _states.TryRemove(new KeyValuePair<string, State>(voteId, state));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shared card of vote {VoteId} not updated: {Kind} ({Status})")]
    private partial void LogUpdateFailed(string voteId, string kind, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shared card of vote {VoteId} not updated: {Error}: {Message}")]
    private partial void LogUpdateError(string voteId, string error, string message);
}
