using ArtBot.Domain.Ids;
using ArtBot.Domain.Meetings;
using ArtBot.Domain.Votes;
using ArtBot.Features.Common;
using ArtBot.Features.Votes;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Meetings;

/// <summary>
/// The live state of a meeting's votes as the stage polls it: one storage read per vote (and per meeting) and instance
/// at most every <see cref="MeetingOptions.LiveStateAge"/>, however many viewers poll; a ballot's own fresh read
/// refreshes it too. A ballot shows on every stage within that age plus one poll.
/// </summary>
public sealed class MeetingLive(VoteStateReader reader, VoteCloser closer, IMeetingStore meetings, TimeProvider time, IOptions<MeetingOptions> options)
{
    private readonly FreshCache<VoteState> _votes = new(time, () => options.Value.LiveStateAge);
    private readonly FreshCache<MeetingNow> _meetings = new(time, () => options.Value.LiveStateAge);

    /// <summary>The vote's state, at most <see cref="MeetingOptions.LiveStateAge"/> old (final once closed); null if it does not exist.</summary>
    public async Task<VoteState?> StateAsync(string voteId, CancellationToken cancellationToken) =>
        await _votes.GetAsync(voteId, async () =>
        {
            var state = await reader.ReadFreshAsync(voteId, CancellationToken.None);
            return state is { Vote.IsClosed: true } ? await closer.FinalOfAsync(state, CancellationToken.None) : state;
        }).WaitAsync(cancellationToken);

    /// <summary>A state read by a ballot or an action: newer than what the stage has, so shown at once.</summary>
    public void Remember(VoteState state) => _votes.Put(state.Vote.Id, state);

    /// <summary>Who is in the meeting and the votes started in it, at most <see cref="MeetingOptions.LiveStateAge"/> old.</summary>
    public async Task<MeetingNow> MeetingAsync(string tenantId, string meetingId, CancellationToken cancellationToken) =>
        (await _meetings.GetAsync(tenantId + "|" + meetingId, async () => new MeetingNow(
            await meetings.CountPresentAsync(tenantId, meetingId, CancellationToken.None),
            await meetings.ListVoteIdsAsync(tenantId, meetingId, 50, CancellationToken.None))).WaitAsync(cancellationToken))!;

    /// <summary>Forgets the meeting's cached votes (a vote was started in it, or it ended).</summary>
    public void Forget(Meeting meeting) => _meetings.Forget(meeting.TenantId + "|" + meeting.MeetingId);

    /// <summary>The vote as the pages show it: results only as its settings allow, concerns only to those who manage it.</summary>
    public LiveVote View(VoteState state, MeetingNow now, int? mine, bool canManage)
    {
        var vote = state.Vote;
        var tally = state.Tally;
        var outcome = vote.IsClosed ? tally.Outcome : null;
        var next = DerivedIds.FromActivity(vote.TenantId, vote.ConversationId, "again:" + vote.Id);
        return new LiveVote
        {
            VoteId = vote.Id,
            Question = vote.Question,
            Scope = vote.Scope == VoteScope.Art ? "art" : "team",
            TeamName = vote.TeamName,
            Round = vote.Round,
            Anonymous = vote.Anonymous,
            HideResults = vote.HideResults,
            Open = !vote.IsClosed,
            Deadline = vote.Deadline,
            ServerTime = time.GetUtcNow(),
            Voted = tally.Count,
            InMeeting = now.Present,
            Distribution = vote.ShowsResults ? tally.Distribution : null,
            Average = vote.ShowsResults && tally.Count > 0 ? tally.Average : null,
            Verdict = outcome is { } o ? VoteRules.Describe(o) : null,
            Confident = outcome is { } c ? c == VoteOutcome.CommitmentAccepted : null,
            Mine = mine,
            CanManage = canManage,
            Concerns = canManage ? [.. state.Concerns.Select(c => new LiveConcern(c.Id, c.Text, vote.Anonymous ? null : c.AuthorName, c.RiskId))] : null,
            NextVoteId = vote.IsClosed && now.VoteIds.Contains(next) ? next : null,
        };
    }
}

/// <summary>A meeting right now: how many are in it (null: Teams sent no join events) and the votes started in it, newest first.</summary>
public sealed record MeetingNow(int? Present, IReadOnlyList<string> VoteIds);
