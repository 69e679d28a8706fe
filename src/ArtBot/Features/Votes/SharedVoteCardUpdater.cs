using System.Collections.Concurrent;
using ArtBot.BotFramework.Cards;
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
/// Convergence to the exact state, also with several instances: every update reads the vote again after its PUT and
/// PUTs again when the card no longer shows it (<see cref="UpdateNowAsync"/>). A PUT rendered from an older read that
/// lands after a newer one is therefore always followed by a PUT of a read taken after it, open or closed. Once a vote
/// is closed every update renders the frozen final result, never a recount.
/// </remarks>
public sealed partial class SharedVoteCardUpdater(
    VoteStateReader reader, RosterCache rosters, ConnectorClient connector, TimeProvider time, ILogger<SharedVoteCardUpdater> logger)
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

    /// <summary>
    /// Replaces the shared card now with the vote's current state, then reads the vote again: when the card it PUT is no
    /// longer what the vote shows (ballots or a close landed meanwhile, here or on another instance, whose PUT may have
    /// been overtaken by this one), it PUTs again. So the last PUT to the card always shows a read taken after it.
    /// </summary>
    public async Task<ConnectorOutcome?> UpdateNowAsync(string voteId, CancellationToken cancellationToken)
    {
        var state = await reader.ReadFreshAsync(voteId, cancellationToken);
        ConnectorOutcome? outcome = null;
        for (var pass = 0; state is not null && pass < MaxPasses; pass++)
        {
            var (put, shown) = await PutCardAsync(state, cancellationToken);
            if (put is not { IsSuccess: true })
            {
                return put ?? outcome;
            }

            outcome = put;
            var now = await reader.ReadFreshAsync(voteId, cancellationToken);
            if (now is null || (now.Vote.IsClosed && now.Final is null) || await RenderAsync(now, cancellationToken) == shown)
            {
                return outcome; // the card shows the vote as read after the PUT (or a close is freezing it and will PUT)
            }

            state = now;
        }

        return outcome;
    }

    /// <summary>Replaces the shared card with this (final) state.</summary>
    public async Task<ConnectorOutcome?> PutAsync(VoteState state, CancellationToken cancellationToken) =>
        (await PutCardAsync(state, cancellationToken)).Outcome;

    /// <summary>The most PUTs one update makes while the vote keeps changing under it (each burst schedules another update).</summary>
    private const int MaxPasses = 5;

    private async Task<(ConnectorOutcome? Outcome, string? Shown)> PutCardAsync(VoteState state, CancellationToken cancellationToken)
    {
        var vote = state.Vote;
        if (vote.ActivityId is not { } activityId || (vote.IsClosed && state.Final is null))
        {
            return (null, null); // not posted yet, or closing: whoever freezes the result PUTs the final card
        }

        var card = await CardAsync(state, cancellationToken);
        var outcome = await connector.UpdateActivityAsync(
            vote.ServiceUrl, vote.TenantId, vote.PostedConversationId, activityId,
            Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
        if (!outcome.IsSuccess)
        {
            LogUpdateFailed(vote.Id, outcome.Kind.ToString(), outcome.StatusCode);
        }

        return (outcome, card.ToJsonElement().GetRawText());
    }

    private async Task<AdaptiveCard> CardAsync(VoteState state, CancellationToken cancellationToken) =>
        VoteViews.Shared(state, await rosters.GetAsync(state.Vote, cancellationToken));

    private async Task<string> RenderAsync(VoteState state, CancellationToken cancellationToken) =>
        (await CardAsync(state, cancellationToken)).ToJsonElement().GetRawText();

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
