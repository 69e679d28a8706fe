using ArtBot.Hosting.Telemetry;
using ArtBot.Domain.Votes;

namespace ArtBot.Features.Votes;

/// <summary>
/// Closes votes, by their creator or at their deadline, exactly once across instances and restarts.
/// </summary>
/// <remarks>
/// The close race (a ballot arriving while the vote closes). A cast writes its ballot row unconditionally, then reads
/// the vote in a read that starts after the write completed (<see cref="VoteStateReader.ReadFreshAsync"/>). A close
/// is two steps: (1) mark the meta row closed, ETag-guarded, so one caller wins; (2) read every ballot and freeze the
/// tally plus the receipts (row key + ETag) of exactly the versions counted, ETag-guarded again.
/// <list type="bullet">
/// <item>If a cast's fresh read sees the vote open, its write completed before step 1, so step 2 (which starts after
/// step 1) reads it: the ballot is in the final tally.</item>
/// <item>If it sees the vote closed, the write may or may not have been read by step 2. The cast waits for (or
/// performs) step 2 and looks its receipt up in the frozen set: the voter is told plainly whether the ballot counted.
/// A ballot written after step 2 stays out of the result: nothing ever recounts a closed vote.</item>
/// </list>
/// The shared card renders only the frozen result once closed, and <see cref="SharedVoteCardUpdater"/> re-PUTs the
/// final card whenever an open card may have landed after it, so the card converges to the exact final state.
/// </remarks>
public sealed partial class VoteCloser(IVoteStore store, VoteStateReader reader, SharedVoteCardUpdater sharedCards, ArtBotMetrics metrics, ILogger<VoteCloser> logger)
{
    /// <summary>
    /// Closes the vote if open. Returns the final state and whether this call closed it. Only the caller that closed
    /// it updates the shared card (one final card update), unless <paramref name="repairCard"/> asks to re-show it.
    /// </summary>
    public async Task<(VoteState Final, bool ClosedNow)> CloseAsync(string voteId, DateTimeOffset closedAt, bool repairCard, CancellationToken cancellationToken)
    {
        var closedNow = await store.BeginCloseAsync(voteId, closedAt, cancellationToken);
        var final = await store.FinishCloseAsync(voteId, cancellationToken);
        reader.Remember(final.Vote);
        if (closedNow)
        {
            metrics.VoteClosed();
            LogClosed(voteId, final.Tally.Count);
        }

        if (closedNow || repairCard)
        {
            await sharedCards.PutAsync(final, cancellationToken);
            if (final.Vote.Deadline is { } deadline)
            {
                // Only after the final card went out: a crash before this leaves the row for a sweep to repair.
                await store.RemoveDueAsync(new DueVote(voteId, deadline), cancellationToken);
            }
        }

        return (final, closedNow);
    }

    /// <summary>The final state of a vote already marked closed, freezing the result if nobody did yet.</summary>
    public async Task<VoteState> FinalOfAsync(VoteState closing, CancellationToken cancellationToken)
    {
        if (closing.Final is not null)
        {
            return closing;
        }

        var final = await store.FinishCloseAsync(closing.Vote.Id, cancellationToken);
        reader.Remember(final.Vote);
        return final;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Vote {VoteId} closed with {Count} ballots")]
    private partial void LogClosed(string voteId, int count);
}
