using System.Globalization;
using System.Text.Json;
using ArtBot.BotFramework.Schema;
using ArtBot.Tests.Shared;
using static ArtBot.Tests.Shared.MeetingPayloads;

namespace ArtBot.UnitTests.Schema;

/// <summary>Microsoft's documented meeting payloads (Fixtures/Meetings) read with the wire models, as the server reads them.</summary>
public sealed class MeetingPayloadTests
{
    [Fact]
    public void Every_meeting_fixture_is_named_and_every_name_has_a_file()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Meetings"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);

        Assert.Equal(Names.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [InlineData(StartPrivate, "application/vnd.microsoft.meetingStart")]
    [InlineData(EndPrivate, "application/vnd.microsoft.meetingEnd")]
    public void Private_meeting_events_name_the_meeting_in_channel_data_and_the_times_in_their_value(string name, string eventName)
    {
        var activity = LoadActivity(name);
        var value = Value(activity, BotJsonContext.Default.MeetingEventValue);

        Assert.Equal(ActivityTypes.Event, activity.Type);
        Assert.Equal(eventName, activity.Name);
        Assert.Equal(PrivateMeetingId, activity.ChannelData?.Meeting?.Id);
        Assert.Equal(PrivateMeetingChatId, activity.Conversation?.Id);
        Assert.Equal(ConversationTypes.GroupChat, activity.Conversation?.ConversationType);
        Assert.Equal(TenantId, activity.TenantId);
        Assert.Null(activity.ChannelData?.Channel);
        Assert.Equal("Scheduled", value.MeetingType);
        Assert.Equal("Meeting Start/End Event", value.Title);
        Assert.Equal(PrivateMeetingChatId, value.Id);
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", value.JoinUrl, StringComparison.Ordinal);
        Assert.Equal(name == StartPrivate ? Utc("2021-04-29T16:17:17.4388966Z") : null, value.StartTime);
        Assert.Equal(name == EndPrivate ? Utc("2021-04-29T17:02:05.8812231Z") : null, value.EndTime);
    }

    [Theory]
    [InlineData(StartChannel, "application/vnd.microsoft.meetingStart")]
    [InlineData(EndChannel, "application/vnd.microsoft.meetingEnd")]
    public void Channel_meeting_events_come_from_the_channel_thread_with_team_channel_and_meeting(string name, string eventName)
    {
        var activity = LoadActivity(name);
        var value = Value(activity, BotJsonContext.Default.MeetingEventValue);

        Assert.Equal(eventName, activity.Name);
        Assert.Equal(ChannelMeetingId, activity.ChannelData?.Meeting?.Id);
        Assert.Equal(ChannelMeetingChatId, activity.Conversation?.Id);
        Assert.Equal(ConversationTypes.Channel, activity.Conversation?.ConversationType);
        Assert.Equal(ChannelId, activity.ChannelData?.Channel?.Id);
        Assert.Equal(ChannelId, activity.ChannelData?.Team?.Id);
        Assert.Equal("ChannelScheduled", value.MeetingType);
        Assert.Equal("Test channel meeting", value.Title);
        Assert.Equal(name == StartChannel, value.StartTime is not null);
        Assert.Equal(name == EndChannel, value.EndTime is not null);
    }

    [Fact]
    public void A_meeting_event_value_in_camel_case_reads_the_same()
    {
        // The newer docs' example writes the value camelCase (with "EndTime" still Pascal): both must read.
        var value = JsonSerializer.Deserialize(
            """{"id":"meeting_id","joinUrl":"join_url","title":"Example meeting","meetingType":"Scheduled","EndTime":"2023-02-23T20:30:07.478Z"}""",
            BotJsonContext.Default.MeetingEventValue)!;

        Assert.Equal("Scheduled", value.MeetingType);
        Assert.Equal("Example meeting", value.Title);
        Assert.Equal("join_url", value.JoinUrl);
        Assert.Equal(new DateTimeOffset(2023, 2, 23, 20, 30, 7, 478, TimeSpan.Zero), value.EndTime);
    }

    [Theory]
    [InlineData(ParticipantJoin, "application/vnd.microsoft.meetingParticipantJoin", true)]
    [InlineData(ParticipantLeave, "application/vnd.microsoft.meetingParticipantLeave", false)]
    public void Participant_events_list_each_member_with_role_and_presence(string name, string eventName, bool inMeeting)
    {
        var activity = LoadActivity(name);
        var member = Assert.Single(Value(activity, BotJsonContext.Default.MeetingParticipantsEventValue).Members!);

        Assert.Equal(eventName, activity.Name);
        Assert.Equal(PrivateMeetingId, activity.ChannelData?.Meeting?.Id);
        Assert.Equal(ParticipantId, member.User?.Id);
        Assert.Equal(ParticipantAadObjectId, member.User?.AadObjectId);
        Assert.Equal("Bob Young", member.User?.Name);
        Assert.Equal(TenantId, member.User?.TenantId);
        Assert.Equal("Attendee", member.Meeting?.Role);
        Assert.Equal(inMeeting, member.Meeting?.InMeeting);
    }

    [Fact]
    public void The_participant_answer_gives_the_role_presence_and_the_meeting_chat()
    {
        var participant = Read(Participant, BotJsonContext.Default.MeetingParticipant);

        Assert.Equal(ParticipantId, participant.User?.Id);
        Assert.Equal(ParticipantAadObjectId, participant.User?.AadObjectId);
        Assert.Equal("Bob Young", participant.User?.Name);
        Assert.Equal("Bob.young@microsoft.com", participant.User?.UserPrincipalName);
        Assert.Equal("2fe477ab-0efc-4dfd-bde2-484374e2c373", participant.User?.TenantId);
        Assert.Equal("Presenter", participant.Meeting?.Role);
        Assert.True(participant.Meeting?.InMeeting);
        Assert.Equal(PrivateMeetingChatId, participant.Conversation?.Id);
        Assert.Equal(ConversationTypes.GroupChat, participant.Conversation?.ConversationType);
        Assert.True(participant.Conversation?.IsGroup);
    }

    [Fact]
    public void The_details_of_a_private_meeting_give_type_title_times_chat_and_organizer()
    {
        var info = Read(DetailsPrivate, BotJsonContext.Default.MeetingInfo);

        Assert.Equal(PrivateMeetingId, info.Details?.Id);
        Assert.Equal("Scheduled", info.Details?.Type);
        Assert.Equal("All Hands", info.Details?.Title);
        Assert.Equal(new DateTimeOffset(2022, 4, 24, 22, 0, 0, TimeSpan.Zero), info.Details?.ScheduledStartTime);
        Assert.Equal(new DateTimeOffset(2022, 4, 24, 23, 0, 0, TimeSpan.Zero), info.Details?.ScheduledEndTime);
        Assert.StartsWith("MSow", info.Details?.MsGraphResourceId, StringComparison.Ordinal);
        Assert.Equal(PrivateMeetingChatId, info.Conversation?.Id);
        Assert.Equal(ConversationTypes.GroupChat, info.Conversation?.ConversationType);
        Assert.Equal(OrganizerId, info.Organizer?.Id);
        Assert.Equal(OrganizerAadObjectId, info.Organizer?.AadObjectId);
        Assert.Equal(TenantId, info.Organizer?.TenantId);
    }

    [Fact]
    public void The_details_of_a_channel_meeting_give_the_channel_thread_as_its_chat()
    {
        var info = Read(DetailsChannel, BotJsonContext.Default.MeetingInfo);

        Assert.Equal(ChannelMeetingId, info.Details?.Id);
        Assert.Equal("ChannelScheduled", info.Details?.Type);
        Assert.Equal("Test channel meeting", info.Details?.Title);
        Assert.Equal(new DateTimeOffset(2022, 8, 17, 18, 30, 0, TimeSpan.Zero), info.Details?.ScheduledEndTime);
        Assert.Contains("meetup-join", info.Details?.JoinUrl, StringComparison.Ordinal);
        Assert.Equal(ChannelMeetingChatId, info.Conversation?.Id);
        Assert.Equal(ConversationTypes.Channel, info.Conversation?.ConversationType);
        Assert.Equal(OrganizerId, info.Organizer?.Id);
        Assert.Equal(OrganizerAadObjectId, info.Organizer?.ExtensionData?["objectId"].GetString());
    }

    [Fact]
    public void A_partial_success_names_each_recipient_not_reached_and_why()
    {
        var response = Read(NotificationPartial, BotJsonContext.Default.MeetingNotificationResponse);

        var failure = Assert.Single(response.RecipientsFailureInfo!);
        Assert.StartsWith("29:", failure.RecipientMri, StringComparison.Ordinal);
        Assert.Equal("MemberNotFoundInConversation", failure.ErrorCode);
        Assert.False(string.IsNullOrEmpty(failure.FailureReason));
    }

    [Theory]
    [InlineData(TooManyRecipients, "BadArgument")]
    [InlineData(NotEnoughPermissions, "NotEnoughPermissions")]
    [InlineData(ParticipantNotFound, "MemberNotFoundInConversation")]
    [InlineData(ParticipantsNotAvailable, "NotFound")]
    [InlineData(MeetingNotFound, "ConversationNotFound")]
    public void Error_bodies_read_as_the_connector_error(string name, string code)
    {
        var error = Read(name, BotJsonContext.Default.ErrorResponse).Error;

        Assert.Equal(code, error?.Code);
        Assert.False(string.IsNullOrEmpty(error?.Message));
    }

    [Fact]
    public void A_targeted_notification_serializes_as_the_documented_request()
    {
        var notification = new TargetedMeetingNotification
        {
            Value = new(
                ["29:1I12M_iy2wTa97T6LbjTh4rJCWrtw2PZ3lxpD3yFv8j2YPnweY2lpCPPAn3RI0PP7rghfHauUz48I1t7ANhj4CA"],
                [MeetingNotificationSurface.StageDialog(new Uri("https://somevalidurl.com"), "Targeted meeting Notification", width: 400, height: 300)]),
        };

        var documented = MeetingPayloads.Load(NotificationRequest);
        documented.Remove("channelData"); // optional: the sender's attribution, which ArtBot does not claim
        var sent = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(notification, BotJsonContext.Default.TargetedMeetingNotification))!;

        DocumentedJson.AssertSame(documented, sent);
    }

    private static Activity LoadActivity(string name) =>
        JsonSerializer.Deserialize(Text(name), BotJsonContext.Default.Activity) ?? throw new InvalidOperationException(name);

    private static DateTimeOffset? Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static T Value<T>(Activity activity, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        activity.Value is { } value
            ? value.Deserialize(type) ?? throw new InvalidOperationException($"{activity.Name}: null value")
            : throw new InvalidOperationException($"{activity.Name} has no value");

    private static T Read<T>(string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(Text(name), type) ?? throw new InvalidOperationException(name);
}
