using System.Collections.Concurrent;
using ArtBot.Domain.Ids;
using ArtBot.Domain.Meetings;
using ArtBot.Domain.Votes;
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
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Lazy<Task<Stamped<VoteState>>>> _votes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<Stamped<MeetingNow>>>> _meetings = new(StringComparer.Ordinal);

    /// <summary>The vote's state, at most <see cref="MeetingOptions.LiveStateAge"/> old (final once closed); null if it does not exist.</summary>
    public async Task<VoteState?> StateAsync(string voteId, CancellationToken cancellationToken) =>
        (await FreshAsync(_votes, voteId, async () =>
        {
            var state = await reader.ReadFreshAsync(voteId, CancellationToken.None);
            return state is { Vote.IsClosed: true } ? await closer.FinalOfAsync(state, CancellationToken.None) : state;
        }).WaitAsync(cancellationToken)).Value;

    /// <summary>A state read by a ballot or an action: newer than what the stage has, so shown at once.</summary>
    public void Remember(VoteState state) => Put(_votes, state.Vote.Id, state);

    /// <summary>Who is in the meeting and the votes started in it, at most <see cref="MeetingOptions.LiveStateAge"/> old.</summary>
    public async Task<MeetingNow> MeetingAsync(string tenantId, string meetingId, CancellationToken cancellationToken) =>
        (await FreshAsync(_meetings, tenantId + "|" + meetingId, async () => new MeetingNow(
            await meetings.CountPresentAsync(tenantId, meetingId, CancellationToken.None),
            await meetings.ListVoteIdsAsync(tenantId, meetingId, 50, CancellationToken.None))).WaitAsync(cancellationToken)).Value!;

    /// <summary>Forgets the meeting's cached votes (a vote was started in it, or it ended).</summary>
    public void Forget(Meeting meeting) => _meetings.TryRemove(meeting.TenantId + "|" + meeting.MeetingId, out _);

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

    private async Task<Stamped<T>> FreshAsync<T>(ConcurrentDictionary<string, Lazy<Task<Stamped<T>>>> cache, string key, Func<Task<T?>> read)
    {
        while (true)
        {
            if (cache.Count >= MaxEntries)
            {
                cache.Clear();
            }

            var entry = cache.GetOrAdd(key, _ => new Lazy<Task<Stamped<T>>>(async () => new Stamped<T>(await read(), time.GetTimestamp())));
            Stamped<T> value;
            try
            {
                value = await entry.Value;
            }
            catch
            {
                cache.TryRemove(new KeyValuePair<string, Lazy<Task<Stamped<T>>>>(key, entry)); // a failed read is not kept
                throw;
            }

            if (time.GetElapsedTime(value.At) < options.Value.LiveStateAge)
            {
                return value;
            }

            cache.TryRemove(new KeyValuePair<string, Lazy<Task<Stamped<T>>>>(key, entry)); // too old: the next caller reads again (once)
        }
    }

    private void Put<T>(ConcurrentDictionary<string, Lazy<Task<Stamped<T>>>> cache, string key, T value)
    {
        var stamped = Task.FromResult(new Stamped<T>(value, time.GetTimestamp()));
        cache[key] = new Lazy<Task<Stamped<T>>>(stamped);
    }

    private sealed record Stamped<T>(T? Value, long At);
}

/// <summary>A meeting right now: how many are in it (null: Teams sent no join events) and the votes started in it, newest first.</summary>
public sealed record MeetingNow(int? Present, IReadOnlyList<string> VoteIds);
