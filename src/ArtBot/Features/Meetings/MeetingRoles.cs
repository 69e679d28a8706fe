using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Meetings;
using ArtBot.Features.Room;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Meetings;

/// <summary>
/// A person's role in a meeting, asked of Teams (participant API) and never taken from the page, trusted for
/// <see cref="MeetingOptions.RoleCacheTime"/>. Teams answers only for meetings under 350 people and only with the
/// participant permission; without an answer the person's membership of the meeting's chat is checked instead, and
/// the ART's RTEs act in the organizer's place.
/// </summary>
public sealed partial class MeetingRoles(
    [FromKeyedServices(ConnectorClient.SingleAttempt)] ConnectorClient connector,
    IMemoryCache cache,
    IOptions<MeetingOptions> options,
    ILogger<MeetingRoles> logger)
{
    public async Task<MeetingRole> GetAsync(Meeting meeting, RoomUser user, CancellationToken cancellationToken)
    {
        if (user.IsLocal)
        {
            return MeetingRole.LocalDeveloper;
        }

        var key = $"meeting-role|{meeting.TenantId}|{meeting.MeetingId}|{user.ObjectId}";
        if (cache.TryGetValue(key, out MeetingRole? known) && known is not null)
        {
            return known;
        }

        var asked = await connector.GetMeetingParticipantAsync(meeting.ServiceUrl, meeting.TenantId, meeting.MeetingId, user.ObjectId, cancellationToken);
        var role = asked switch
        {
            { IsSuccess: true } => new MeetingRole(asked.Value!.Meeting?.Role, true, null),
            { StatusCode: 403 } => await MemberOfChatAsync(meeting, user, MeetingStrings.NoteNoPermission, cancellationToken),
            { StatusCode: >= 400 and < 500 and not 408 and not 429 } => await MemberOfChatAsync(meeting, user, MeetingStrings.NoteLargeMeeting, cancellationToken),
            _ => throw Unavailable(asked.StatusCode),
        };
        cache.Set(key, role, options.Value.RoleCacheTime);
        return role;
    }

    // 404 is Teams' answer both for someone not in the meeting and for every participant of a meeting of 350 or more:
    // the chat's membership then decides, and a member is told why the RTEs lead.

    /// <summary>Without a role from Teams: a member of the meeting's chat takes part (roles unknown, <paramref name="note"/> says why).</summary>
    private async Task<MeetingRole> MemberOfChatAsync(Meeting meeting, RoomUser user, string? note, CancellationToken cancellationToken)
    {
        var member = await connector.GetConversationMemberAsync(meeting.ServiceUrl, meeting.TenantId, ConversationIds.WithoutThread(meeting.ChatId), user.ObjectId, cancellationToken);
        if (!member.IsSuccess && member.StatusCode is not (403 or 404))
        {
            throw Unavailable(member.StatusCode);
        }

        return new MeetingRole(null, member.IsSuccess, note);
    }

    private MeetingUnavailableException Unavailable(int status)
    {
        LogRoleUnknown(status);
        return new MeetingUnavailableException(MeetingStrings.ErrorTeamsUnavailable);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting: Teams did not say a participant's role (HTTP {Status})")]
    private partial void LogRoleUnknown(int status);
}

/// <summary>
/// A person's meeting role as Teams said it (<c>Organizer</c>, <c>Presenter</c>, <c>Attendee</c>), whether they take
/// part, and why Teams could not say the role (<see cref="Note"/>; then the ART's RTEs act instead).
/// </summary>
public sealed record MeetingRole(string? Role, bool Participant, string? Note)
{
    public static readonly MeetingRole LocalDeveloper = new("Organizer", true, null);

    public bool IsOrganizer => string.Equals(Role, "Organizer", StringComparison.OrdinalIgnoreCase) || string.Equals(Role, "Coorganizer", StringComparison.OrdinalIgnoreCase);

    public bool IsPresenter => IsOrganizer || string.Equals(Role, "Presenter", StringComparison.OrdinalIgnoreCase);

    /// <summary>Starts and manages the meeting's votes: an organizer or presenter; an RTE of the ART when Teams cannot say roles.</summary>
    public bool MayLead(Art? art, RoomUser user) => IsPresenter || (Note is not null && Participant && art is not null && (user.IsLocal || art.IsRte(user.ObjectId)));

    /// <summary>Links a private meeting to an ART: its organizer; an RTE of that ART when Teams cannot say roles.</summary>
    public bool MayLink(Art art, RoomUser user) => IsOrganizer || (Note is not null && Participant && art.IsRte(user.ObjectId));
}
