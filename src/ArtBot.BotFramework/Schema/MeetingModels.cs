using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArtBot.BotFramework.Schema;

/// <summary>The meeting an activity belongs to (<c>channelData.meeting</c>).</summary>
public sealed record MeetingRef(string? Id);

/// <summary>Answer of <c>GET /v1/meetings/{meetingId}/participants/{participantId}</c>: who, their role, whether in the meeting.</summary>
public sealed record MeetingParticipant
{
    public TeamsChannelAccount? User { get; init; }
    public MeetingParticipantInfo? Meeting { get; init; }
    public ConversationAccount? Conversation { get; init; }
}

/// <summary>A participant's meeting role (<c>Organizer</c>, <c>Presenter</c>, <c>Attendee</c>) and presence.</summary>
public sealed record MeetingParticipantInfo(string? Role, bool? InMeeting);

/// <summary>Answer of <c>GET /v1/meetings/{meetingId}</c>.</summary>
public sealed record MeetingInfo
{
    public MeetingDetails? Details { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public TeamsChannelAccount? Organizer { get; init; }
}

/// <summary>A meeting's details: title, type and scheduled times.</summary>
public sealed record MeetingDetails
{
    public string? Id { get; init; }
    public string? MsGraphResourceId { get; init; }
    public DateTimeOffset? ScheduledStartTime { get; init; }
    public DateTimeOffset? ScheduledEndTime { get; init; }
    public string? JoinUrl { get; init; }
    public string? Title { get; init; }
    public string? Type { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Body of <c>POST /v1/meetings/{meetingId}/notification</c>: a page shown to some participants (at most 10).</summary>
public sealed record TargetedMeetingNotification
{
    public const int MaxRecipients = 10;

    public string Type { get; init; } = "targetedMeetingNotification";
    public required TargetedMeetingNotificationValue Value { get; init; }
}

/// <summary>Who gets a targeted meeting notification (Teams user ids, <c>29:</c>) and what it opens.</summary>
public sealed record TargetedMeetingNotificationValue(IReadOnlyList<string> Recipients, IReadOnlyList<MeetingNotificationSurface> Surfaces);

/// <summary>Where a targeted notification shows: <c>meetingStage</c>, a task (dialog) with a page.</summary>
public sealed record MeetingNotificationSurface(string Surface, string ContentType, MeetingNotificationContent Content)
{
    public static MeetingNotificationSurface StageDialog(Uri page, string title, int width, int height) =>
        new("meetingStage", "task", new MeetingNotificationContent(new MeetingNotificationDialog(height, width, title, page.AbsoluteUri)));
}

/// <summary>The dialog a targeted notification opens.</summary>
public sealed record MeetingNotificationContent(MeetingNotificationDialog Value);

/// <summary>A dialog's size, title and page.</summary>
public sealed record MeetingNotificationDialog(int Height, int Width, string Title, string Url);

/// <summary>Answer of a targeted notification: 202 (empty) or 207 with the recipients Teams did not reach.</summary>
public sealed record MeetingNotificationResponse(IReadOnlyList<MeetingNotificationFailure>? RecipientsFailureInfo);

/// <summary>A recipient a notification did not reach, and why.</summary>
public sealed record MeetingNotificationFailure(string? RecipientMri, string? ErrorCode, string? FailureReason);

/// <summary>
/// <c>value</c> of the <c>application/vnd.microsoft.meetingStart</c> / <c>meetingEnd</c> events (PascalCase on the wire;
/// the context reads names case-insensitively).
/// </summary>
public sealed record MeetingEventValue
{
    public string? Id { get; init; }
    public string? MeetingType { get; init; }
    public string? Title { get; init; }
    public string? JoinUrl { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
}

/// <summary><c>value</c> of the <c>application/vnd.microsoft.meetingParticipantJoin</c> / <c>meetingParticipantLeave</c> events.</summary>
public sealed record MeetingParticipantsEventValue(IReadOnlyList<MeetingParticipant>? Members);
