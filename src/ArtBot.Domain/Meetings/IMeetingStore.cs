namespace ArtBot.Domain.Meetings;

/// <summary>Meetings, the votes started in each, and who is in each.</summary>
public interface IMeetingStore
{
    Task<Meeting?> GetAsync(string tenantId, string meetingId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a meeting seen for the first time, or refreshes what Teams says of it (chat, service URL, title, end)
    /// without touching its link. Returns the stored meeting.
    /// </summary>
    Task<Meeting> SaveAsync(Meeting meeting, CancellationToken cancellationToken);

    /// <summary>Links the meeting to an ART and team if unchanged since read (<see cref="Meeting.Version"/>); null on a conflict.</summary>
    Task<Meeting?> LinkAsync(Meeting meeting, string artId, string? teamConversationId, string? teamName, CancellationToken cancellationToken);

    /// <summary>Records a vote started in the meeting.</summary>
    Task AddVoteAsync(string tenantId, string meetingId, string voteId, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>The votes started in the meeting, newest first.</summary>
    Task<IReadOnlyList<string>> ListVoteIdsAsync(string tenantId, string meetingId, int max, CancellationToken cancellationToken);

    /// <summary>Marks the meeting ended; true for exactly one caller across instances and redeliveries.</summary>
    Task<bool> MarkEndedAsync(string tenantId, string meetingId, DateTimeOffset endedAt, CancellationToken cancellationToken);

    /// <summary>Records who joined (true) or left (false), by Entra object id.</summary>
    Task SetPresenceAsync(string tenantId, string meetingId, IReadOnlyCollection<(string UserId, bool InMeeting)> changes, CancellationToken cancellationToken);

    /// <summary>How many people are in the meeting now, from the join and leave events; null when none was received.</summary>
    Task<int?> CountPresentAsync(string tenantId, string meetingId, CancellationToken cancellationToken);
}
