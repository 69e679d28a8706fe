using System.Text.Json.Nodes;

namespace ArtBot.Tests.Shared;

/// <summary>
/// Microsoft's documented meeting payloads (Fixtures/Meetings/*.json, sources in its README): the meeting events, the
/// participant, details and notification answers and their error bodies, with the ids they share.
/// </summary>
public static class MeetingPayloads
{
    public const string StartPrivate = "event-meetingStart-private";
    public const string EndPrivate = "event-meetingEnd-private";
    public const string StartChannel = "event-meetingStart-channel";
    public const string EndChannel = "event-meetingEnd-channel";
    public const string ParticipantJoin = "event-meetingParticipantJoin";
    public const string ParticipantLeave = "event-meetingParticipantLeave";
    public const string Participant = "participant-200";
    public const string DetailsPrivate = "meeting-details-private";
    public const string DetailsChannel = "meeting-details-channel";
    public const string NotificationRequest = "notification-request";
    public const string NotificationPartial = "notification-207";
    public const string TooManyRecipients = "error-400-notification-recipients";
    public const string NotEnoughPermissions = "error-403-not-enough-permissions";
    public const string ParticipantNotFound = "error-404-participant-not-found";
    public const string ParticipantsNotAvailable = "error-404-participant-large-meeting";
    public const string MeetingNotFound = "error-404-meeting-not-found";

    /// <summary>The documented private (scheduled) meeting: its id and its chat.</summary>
    public const string PrivateMeetingId = "MCMxOTptZWV0aW5nX05UTTNaREpqT1RVdFpHUmhPUzAwTXpZeExUazVOREF0TXpZNE0ySXpaV0ZqWkdFMUB0aHJlYWQudjIjMA==";
    public const string PrivateMeetingChatId = "19:meeting_NTM3ZDJjOTUtZGRhOS00MzYxLTk5NDAtMzY4M2IzZWFjZGE1@thread.v2";

    /// <summary>The documented channel meeting: its id, its channel and the channel thread that is its chat.</summary>
    public const string ChannelMeetingId = "MCMxOTprRG1CSkRYVmxhaXRBaEdxUHZLMG1ETFlsdVNacm5vTVZfUzF4U2RONDE0MUB0aHJlYWQudGFjdjIjMTY2MDc1ODYwNzc0MA==";
    public const string ChannelId = "19:kDmBJDXVlaitAhGqPvK0mDLYluSZrnoMV_S1xSdN4141@thread.tacv2";
    public const string ChannelMeetingChatId = ChannelId + ";messageid=1660758607740";

    public const string TenantId = "9f044231-b634-4bdd-b29d-2776e3dbd699";
    public const string OrganizerId = "29:1q4D6ekLXEAALkrqyLXUIcwtVSdXx31bf6vMdfahmkTb9euYVYSsN9x4133pXLV_I2idpVriFe40e19XEZt57bQ";
    public const string OrganizerAadObjectId = "16e0b7bb-93d5-4352-99e0-23ee5f2fffe2";

    /// <summary>The documented participant (Bob Young, a presenter in the participant answer).</summary>
    public const string ParticipantId = "29:1JKiJGPAX9TTxtGxhVo0wLx_zwzo-gG8Z-X03306vBwi9p-xMTEbDXsT6KH7-0kkTS8cD-2zkrsoV6f5WJ6_aYw";
    public const string ParticipantAadObjectId = "e236c4bf-88b1-4f3a-b1d7-8891dfc332b5";

    public static IReadOnlyList<string> Names { get; } =
    [
        StartPrivate, EndPrivate, StartChannel, EndChannel, ParticipantJoin, ParticipantLeave, Participant, DetailsPrivate,
        DetailsChannel, NotificationRequest, NotificationPartial, TooManyRecipients, NotEnoughPermissions, ParticipantNotFound,
        ParticipantsNotAvailable, MeetingNotFound,
    ];

    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Meetings", name + ".json"));

    public static JsonObject Load(string name) => JsonNode.Parse(Text(name))!.AsObject();
}
