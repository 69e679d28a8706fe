using System.Collections.Concurrent;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Votes;

namespace ArtBot.Features.Votes;

/// <summary>
/// Keeps the shared vote card (the message everyone sees) in step with the ballots, coalescing bursts: per vote
/// at most one update is in flight; the first ballot of a burst schedules an update after <see cref="Delay"/>, which
/// reads the state when it runs. A ballot arriving while an update runs causes one more update.
/// </summary>
/// <remarks>
/// Convergence to the exact final state, also with several instances: once a vote is closed every update renders the
/// frozen final result, never a recount. An update that rendered an open vote checks the vote after its PUT; if it
/// was closed meanwhile (by this or another instance, whose final PUT may have landed before this stale one), it
/// PUTs the final card again. So the last PUT to the card is always the final one.
/// </remarks>
public sealed partial class SharedVoteCardUpdater(
    IVoteStore store, VoteStateReader reader, RosterCache rosters, ConnectorClient connector, TimeProvider time, ILogger<SharedVoteCardUpdater> logger)
{
    private readonly ConcurrentDictionary<string, State> _states = new(StringComparer.Ordinal);

    /// <summary>Trailing delay between the first ballot of a burst and the update.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>True when no update is scheduled or running (diagnostics and tests).</summary>
    public bool IsIdle => _states.IsEmpty;

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

    /// <summary>Replaces the shared card now with the vote's current state.</summary>
    public async Task<ConnectorOutcome?> UpdateNowAsync(string voteId, CancellationToken cancellationToken)
    {
        var state = await reader.ReadFreshAsync(voteId, cancellationToken);
        if (state is null)
        {
            return null;
        }

        var outcome = await PutAsync(state, cancellationToken);
        if (outcome is { IsSuccess: true } && !state.Vote.IsClosed
            && await store.GetAsync(voteId, cancellationToken) is { IsClosed: true })
        {
            // Closed while this open card was on its way: make sure the final card is the last one.
            var closed = await reader.ReadFreshAsync(voteId, cancellationToken);
            if (closed?.Final is not null)
            {
                outcome = await PutAsync(closed, cancellationToken);
            }
        }

        return outcome;
    }

    /// <summary>Replaces the shared card with this (final) state.</summary>
    public async Task<ConnectorOutcome?> PutAsync(VoteState state, CancellationToken cancellationToken)
    {
        var vote = state.Vote;
        if (vote.ActivityId is not { } activityId || (vote.IsClosed && state.Final is null))
        {
            return null; // not posted yet, or closing: whoever freezes the result PUTs the final card
        }

        var roster = await rosters.GetAsync(vote, cancellationToken);
        var card = VoteViews.Shared(state, roster);
        var outcome = await connector.UpdateActivityAsync(
            vote.ServiceUrl, vote.TenantId, vote.PostedConversationId, activityId,
            Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        if (!outcome.IsSuccess)
        {
            LogUpdateFailed(vote.Id, outcome.Kind.ToString(), outcome.StatusCode);
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
                LogUpdateError(exception, voteId);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shared card of vote {VoteId} not updated")]
    private partial void LogUpdateError(Exception exception, string voteId);
}
