using ArtBot.Domain.Meetings;
using ArtBot.Domain.Votes;
using ArtBot.Features.Votes;

namespace ArtBot.Features.Meetings;

/// <summary>Keeps the votes started in a meeting (from its side panel, or "Vote again" on a meeting vote's card) with the meeting.</summary>
public sealed class MeetingVoteLog(IMeetingStore meetings) : IVoteStartedListener
{
    public Task OnStartedAsync(Vote vote, CancellationToken cancellationToken) =>
        vote.MeetingId is { } meetingId ? meetings.AddVoteAsync(vote.TenantId, meetingId, vote.Id, vote.CreatedAt, cancellationToken) : Task.CompletedTask;
}
