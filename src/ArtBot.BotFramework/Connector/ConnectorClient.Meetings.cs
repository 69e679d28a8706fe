using System.Text.Json;
using ArtBot.BotFramework.Schema;

namespace ArtBot.BotFramework.Connector;

// The meeting APIs (meetings-and-boards.md): a participant's role, a meeting's details, targeted in-meeting notifications.
public sealed partial class ConnectorClient
{
    /// <summary>
    /// <c>GET /v1/meetings/{meetingId}/participants/{participantId}?tenantId=</c>: the participant's meeting role and
    /// presence (<paramref name="participantId"/>: Entra object id or Teams user id). Teams answers only for meetings
    /// under 350 people. Rate-limited as the tenant's (reads are not a conversation's messages).
    /// </summary>
    public Task<ConnectorResult<MeetingParticipant>> GetMeetingParticipantAsync(
        string serviceUrl, string tenantId, string meetingId, string participantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(meetingId);
        ArgumentException.ThrowIfNullOrEmpty(participantId);
        var uri = BuildUri(serviceUrl, $"v1/meetings/{Escape(meetingId)}/participants/{Escape(participantId)}?tenantId={Escape(tenantId)}");
        return ReadAsync("GetMeetingParticipant", uri, null, tenantId, BotJsonContext.Default.MeetingParticipant, cancellationToken);
    }

    /// <summary><c>GET /v1/meetings/{meetingId}</c>: title, type, scheduled times, the meeting's chat and organizer.</summary>
    public Task<ConnectorResult<MeetingInfo>> GetMeetingAsync(
        string serviceUrl, string? tenantId, string meetingId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(meetingId);
        var uri = BuildUri(serviceUrl, $"v1/meetings/{Escape(meetingId)}");
        return ReadAsync("GetMeeting", uri, null, tenantId, BotJsonContext.Default.MeetingInfo, cancellationToken);
    }

    /// <summary>
    /// <c>POST /v1/meetings/{meetingId}/notification</c>: a targeted in-meeting notification to at most
    /// <see cref="TargetedMeetingNotification.MaxRecipients"/> participants. Success is 202 (every recipient) or 207
    /// (the value lists the recipients Teams did not reach); 400, 403 and 404 are failures. Paced under the meeting.
    /// </summary>
    public async Task<ConnectorResult<MeetingNotificationResponse>> SendMeetingNotificationAsync(
        string serviceUrl, string? tenantId, string meetingId, TargetedMeetingNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(meetingId);
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.Value.Recipients.Count is 0 or > TargetedMeetingNotification.MaxRecipients)
        {
            throw new ArgumentException($"A targeted meeting notification goes to 1 to {TargetedMeetingNotification.MaxRecipients} recipients.", nameof(notification));
        }

        var uri = BuildUri(serviceUrl, $"v1/meetings/{Escape(meetingId)}/notification");
        var body = JsonSerializer.SerializeToUtf8Bytes(notification, BotJsonContext.Default.TargetedMeetingNotification);
        var raw = await ExecuteAsync(new("SendMeetingNotification", HttpMethod.Post, uri, body, meetingId, tenantId), cancellationToken).ConfigureAwait(false);
        return raw.Kind == ConnectorOutcomeKind.Sent
            ? new() { Kind = raw.Kind, Value = TryDeserialize(raw.Body, BotJsonContext.Default.MeetingNotificationResponse) ?? new MeetingNotificationResponse([]), StatusCode = raw.StatusCode, Attempts = raw.Attempts }
            : new() { Kind = raw.Kind, StatusCode = raw.StatusCode, ErrorCode = raw.ErrorCode, Message = raw.Message, Attempts = raw.Attempts, RetryAfter = raw.RetryAfter };
    }
}
