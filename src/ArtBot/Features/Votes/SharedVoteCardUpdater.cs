using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Connector;
using ArtBot.Domain.Votes;
using ArtBot.Features.Common;

namespace ArtBot.Features.Votes;

/// <summary>
/// Keeps the shared vote card (the message everyone sees) in step with the ballots through the
/// <see cref="SharedCardUpdater"/>: the first ballot of a burst schedules an update after <see cref="Delay"/>, which
/// reads the state when it runs; a ballot arriving meanwhile causes one more.
/// </summary>
/// <remarks>
/// Convergence to the exact state, also with several instances: every update reads the vote again after its PUT and
/// PUTs again when the card no longer shows it (<see cref="UpdateNowAsync"/>). A PUT rendered from an older read that
/// lands after a newer one is therefore always followed by a PUT of a read taken after it, open or closed. Once a vote
/// is closed every update renders the frozen final result, never a recount.
/// </remarks>
public sealed class SharedVoteCardUpdater(VoteStateReader reader, RosterCache rosters, SharedCardUpdater updater)
{
    /// <summary>Trailing delay between the first ballot of a burst and the update.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    /// <summary>Asks for an update of the vote's shared card; returns at once.</summary>
    public void Schedule(string voteId) => updater.Schedule("vote " + voteId, Delay, ct => UpdateNowAsync(voteId, ct));

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
        var outcome = await updater.ReplaceAsync("vote " + vote.Id, vote.ServiceUrl, vote.TenantId, vote.PostedConversationId, activityId, card, cancellationToken);
        return (outcome, card.ToJsonElement().GetRawText());
    }

    private async Task<AdaptiveCard> CardAsync(VoteState state, CancellationToken cancellationToken) =>
        VoteViews.Shared(state, await rosters.GetAsync(state.Vote, cancellationToken));

    private async Task<string> RenderAsync(VoteState state, CancellationToken cancellationToken) =>
        (await CardAsync(state, cancellationToken)).ToJsonElement().GetRawText();
}
