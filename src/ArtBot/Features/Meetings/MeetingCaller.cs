using ArtBot.Features.Room;

namespace ArtBot.Features.Meetings;

/// <summary>Who calls the meeting API (Teams SSO, as the ART room) and in which tenant (local development: <c>?tenant=</c>).</summary>
public sealed record MeetingCaller(RoomUser User, string TenantId)
{
    public string UserId => User.ObjectId;
}
