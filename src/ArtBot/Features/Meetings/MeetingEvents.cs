using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Meetings;
using ArtBot.Features.Common;

namespace ArtBot.Features.Meetings;

/// <summary>
/// Teams' meeting events: a meeting starting is recorded (and a channel meeting linked to its channel's ART); a
/// meeting ending closes its votes and posts the summary; participants joining and leaving keep the count the stage
/// shows ("61 of 97 in the meeting have voted").
/// </summary>
public sealed partial class MeetingEvents(MeetingPlaces places, MeetingSummary summary, IMeetingStore meetings, MeetingLive live, ILogger<MeetingEvents> logger) : IBotFeature
{
    public const string StartEvent = "application/vnd.microsoft.meetingStart";
    public const string EndEvent = "application/vnd.microsoft.meetingEnd";
    public const string JoinEvent = "application/vnd.microsoft.meetingParticipantJoin";
    public const string LeaveEvent = "application/vnd.microsoft.meetingParticipantLeave";

    public void Register(FeatureTable table) => table
        .Event(StartEvent, StartedAsync)
        .Event(EndEvent, EndedAsync)
        .Event(JoinEvent, (turn, ct) => PresenceAsync(turn, true, ct))
        .Event(LeaveEvent, (turn, ct) => PresenceAsync(turn, false, ct));

    private async Task StartedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var value = Read(turn.Activity.Value, BotJsonContext.Default.MeetingEventValue);
        if (MeetingIdOf(turn.Activity, value?.Id) is { } meetingId)
        {
            await places.SeeAsync(turn.Activity, meetingId, value?.Title, cancellationToken);
        }
    }

    private async Task EndedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var value = Read(turn.Activity.Value, BotJsonContext.Default.MeetingEventValue);
        if (MeetingIdOf(turn.Activity, value?.Id) is { } meetingId && await places.SeeAsync(turn.Activity, meetingId, value?.Title, cancellationToken) is { } meeting)
        {
            await summary.EndAsync(meeting, cancellationToken);
            live.Forget(meeting);
        }
    }

    private async Task PresenceAsync(TurnContext turn, bool joined, CancellationToken cancellationToken)
    {
        var value = Read(turn.Activity.Value, BotJsonContext.Default.MeetingParticipantsEventValue);
        if (MeetingIdOf(turn.Activity, null) is not { } meetingId || value?.Members is not { Count: > 0 } members)
        {
            return;
        }

        var changes = members
            .Where(m => (m.User?.AadObjectId ?? m.User?.Id) is { Length: > 0 })
            .Select(m => (UserId: (m.User!.AadObjectId ?? m.User.Id)!, InMeeting: m.Meeting?.InMeeting ?? joined))
            .DistinctBy(c => c.UserId, StringComparer.Ordinal)
            .ToList();
        await meetings.SetPresenceAsync(ConversationIds.Tenant(turn.Activity), meetingId, changes, cancellationToken);
    }

    private string? MeetingIdOf(Activity activity, string? fromValue)
    {
        var id = activity.ChannelData?.Meeting?.Id is { Length: > 0 } meeting ? meeting : fromValue;
        if (id is null)
        {
            LogNoMeetingId(activity.Name ?? "");
        }

        return id;
    }

    private static T? Read<T>(JsonElement? value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        if (value is not { ValueKind: JsonValueKind.Object } element)
        {
            return default;
        }

        try
        {
            return element.Deserialize(type);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting event {Name} without a meeting id: ignored")]
    private partial void LogNoMeetingId(string name);
}
