using System.Text;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Meetings;

/// <summary>
/// The connector client's meeting calls over real HTTP, as the bot registers the client (its pipeline and auth handler),
/// against the connector stand-in answering with Microsoft's documented payloads.
/// </summary>
public sealed class ConnectorMeetingApiTests : IAsyncLifetime
{
    private const string Token = "meeting-test-token";
    private const string Bob = MeetingPayloads.ParticipantId;
    private const string Alex = "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrWcfOw";

    private RecordingConnector _connector = null!;
    private ServiceProvider _services = null!;
    private ConnectorClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingConnector.StartAsync();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConnectorTokenProvider>(new FixedToken())
            .AddBotConnector()
            .BuildServiceProvider();
        _client = _services.GetRequiredService<ConnectorClient>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_participant_is_answered_with_role_presence_and_the_meeting_chat()
    {
        _connector.AddMeeting(MeetingPayloads.PrivateMeetingId, MeetingPayloads.PrivateMeetingChatId)
            .Add(Bob, "Presenter", aadObjectId: MeetingPayloads.ParticipantAadObjectId, name: "Bob Young");

        var byTeamsId = await _client.GetMeetingParticipantAsync(_connector.ServiceUrl, MeetingPayloads.TenantId, MeetingPayloads.PrivateMeetingId, Bob);
        var byEntraId = await _client.GetMeetingParticipantAsync(
            _connector.ServiceUrl, MeetingPayloads.TenantId, MeetingPayloads.PrivateMeetingId, MeetingPayloads.ParticipantAadObjectId);

        Assert.Equal(200, byTeamsId.StatusCode);
        Assert.Equal("Presenter", byTeamsId.Value?.Meeting?.Role);
        Assert.True(byTeamsId.Value?.Meeting?.InMeeting);
        Assert.Equal(Bob, byTeamsId.Value?.User?.Id);
        Assert.Equal("Bob Young", byTeamsId.Value?.User?.Name);
        Assert.Equal(MeetingPayloads.TenantId, byTeamsId.Value?.User?.TenantId);
        Assert.Equal(MeetingPayloads.PrivateMeetingChatId, byTeamsId.Value?.Conversation?.Id);
        Assert.Equal(Bob, byEntraId.Value?.User?.Id);
        var request = _connector.Requests[0];
        Assert.Equal($"/v1/meetings/{MeetingPayloads.PrivateMeetingId}/participants/{Bob}", request.Path);
        Assert.Equal($"?tenantId={MeetingPayloads.TenantId}", request.Query);
        Assert.Equal($"Bearer {Token}", request.Authorization);
    }

    [Fact]
    public async Task Someone_not_in_the_meeting_is_a_404()
    {
        _connector.AddMeeting(MeetingPayloads.PrivateMeetingId, MeetingPayloads.PrivateMeetingChatId).Add(Bob, "Attendee");

        var result = await _client.GetMeetingParticipantAsync(_connector.ServiceUrl, MeetingPayloads.TenantId, MeetingPayloads.PrivateMeetingId, Alex);

        Assert.False(result.IsSuccess);
        Assert.Equal(404, result.StatusCode);
        Assert.Equal("MemberNotFoundInConversation", result.ErrorCode);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task A_meeting_of_350_or_more_answers_no_one_with_the_documented_404()
    {
        var meeting = _connector.AddMeeting(MeetingPayloads.ChannelMeetingId, MeetingPayloads.ChannelMeetingChatId, channelMeeting: true).Add(Bob, "Organizer");
        meeting.TooLargeForRoles = true;

        var result = await _client.GetMeetingParticipantAsync(_connector.ServiceUrl, MeetingPayloads.TenantId, MeetingPayloads.ChannelMeetingId, Bob);

        Assert.False(result.IsSuccess);
        Assert.Equal(404, result.StatusCode);
        Assert.Equal("NotFound", result.ErrorCode);
    }

    [Fact]
    public async Task A_missing_participant_permission_is_a_403()
    {
        var meeting = _connector.AddMeeting(MeetingPayloads.PrivateMeetingId, MeetingPayloads.PrivateMeetingChatId).Add(Bob, "Organizer");
        meeting.ParticipantPermissionMissing = true;

        var result = await _client.GetMeetingParticipantAsync(_connector.ServiceUrl, MeetingPayloads.TenantId, MeetingPayloads.PrivateMeetingId, Bob);

        Assert.Equal(403, result.StatusCode);
        Assert.Equal("NotEnoughPermissions", result.ErrorCode);
    }

    [Fact]
    public async Task Meeting_details_are_the_ones_the_test_set_in_the_documented_answer()
    {
        var meeting = _connector.AddMeeting(MeetingPayloads.ChannelMeetingId, MeetingPayloads.ChannelMeetingChatId, channelMeeting: true);
        meeting.Title = "PI 7 Planning";
        meeting.ScheduledStart = new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero);
        meeting.OrganizerId = Alex;
        meeting.OrganizerAadObjectId = "c9a8f1e2-3b4d-4e5f-8a7b-6c5d4e3f2a1b";

        var result = await _client.GetMeetingAsync(_connector.ServiceUrl, MeetingPayloads.TenantId, MeetingPayloads.ChannelMeetingId);

        Assert.Equal(MeetingPayloads.ChannelMeetingId, result.Value?.Details?.Id);
        Assert.Equal("PI 7 Planning", result.Value?.Details?.Title);
        Assert.Equal("ChannelScheduled", result.Value?.Details?.Type);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero), result.Value?.Details?.ScheduledStartTime);
        Assert.Equal(MeetingPayloads.ChannelMeetingChatId, result.Value?.Conversation?.Id);
        Assert.Equal(ConversationTypes.Channel, result.Value?.Conversation?.ConversationType);
        Assert.Equal(Alex, result.Value?.Organizer?.Id);
        Assert.Equal("c9a8f1e2-3b4d-4e5f-8a7b-6c5d4e3f2a1b", result.Value?.Organizer?.AadObjectId);
    }

    [Fact]
    public async Task An_unknown_meeting_has_no_details()
    {
        var result = await _client.GetMeetingAsync(_connector.ServiceUrl, MeetingPayloads.TenantId, "MCMxOTp1bmtub3du");

        Assert.Equal(404, result.StatusCode);
        Assert.Equal("ConversationNotFound", result.ErrorCode);
    }

    [Fact]
    public async Task A_notification_everyone_gets_is_accepted_and_recorded_as_sent()
    {
        _connector.AddMeeting(MeetingPayloads.PrivateMeetingId, MeetingPayloads.PrivateMeetingChatId);

        var result = await _client.SendMeetingNotificationAsync(_connector.ServiceUrl, MeetingPayloads.TenantId, MeetingPayloads.PrivateMeetingId, Notification(Bob, Alex));

        Assert.True(result.IsSuccess);
        Assert.Equal(202, result.StatusCode);
        Assert.Empty(result.Value!.RecipientsFailureInfo!);
        var sent = Assert.Single(_connector.Requests).Body!.Value;
        Assert.Equal("targetedMeetingNotification", sent.GetProperty("type").GetString());
        Assert.Equal([Bob, Alex], sent.GetProperty("value").GetProperty("recipients").EnumerateArray().Select(r => r.GetString() ?? ""));
        Assert.Equal(
            "https://bot.example/room/concern.html?vote=v-1",
            sent.GetProperty("value").GetProperty("surfaces")[0].GetProperty("content").GetProperty("value").GetProperty("url").GetString());
    }

    [Fact]
    public async Task Recipients_Teams_does_not_reach_come_back_in_a_207()
    {
        _connector.AddMeeting(MeetingPayloads.PrivateMeetingId, MeetingPayloads.PrivateMeetingChatId).MarkUnreachable(Alex);

        var result = await _client.SendMeetingNotificationAsync(_connector.ServiceUrl, MeetingPayloads.TenantId, MeetingPayloads.PrivateMeetingId, Notification(Bob, Alex));

        Assert.True(result.IsSuccess);
        Assert.Equal(207, result.StatusCode);
        var failure = Assert.Single(result.Value!.RecipientsFailureInfo!);
        Assert.Equal(Alex, failure.RecipientMri);
        Assert.Equal("MemberNotFoundInConversation", failure.ErrorCode);
    }

    [Fact]
    public async Task A_notification_reaching_no_one_is_a_404()
    {
        _connector.AddMeeting(MeetingPayloads.PrivateMeetingId, MeetingPayloads.PrivateMeetingChatId).MarkUnreachable(Alex);

        var result = await _client.SendMeetingNotificationAsync(_connector.ServiceUrl, MeetingPayloads.TenantId, MeetingPayloads.PrivateMeetingId, Notification(Alex));

        Assert.False(result.IsSuccess);
        Assert.Equal(404, result.StatusCode);
    }

    [Fact]
    public async Task A_notification_without_the_permission_is_a_403_sent_once()
    {
        var meeting = _connector.AddMeeting(MeetingPayloads.PrivateMeetingId, MeetingPayloads.PrivateMeetingChatId);
        meeting.NotificationPermissionMissing = true;

        var result = await _client.SendMeetingNotificationAsync(_connector.ServiceUrl, MeetingPayloads.TenantId, MeetingPayloads.PrivateMeetingId, Notification(Bob));

        Assert.Equal(403, result.StatusCode);
        Assert.Equal("NotEnoughPermissions", result.ErrorCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task The_stand_in_refuses_more_than_ten_recipients_as_Teams_does()
    {
        // The client never sends 11 (it refuses before the request), so this asks the stand-in directly.
        _connector.AddMeeting(MeetingPayloads.PrivateMeetingId, MeetingPayloads.PrivateMeetingChatId);
        var recipients = string.Join(",", Enumerable.Range(1, 11).Select(i => $"\"29:user-{i}\""));
        using var http = new HttpClient();

        using var response = await http.PostAsync(
            new Uri(new Uri(_connector.ServiceUrl), $"v1/meetings/{Uri.EscapeDataString(MeetingPayloads.PrivateMeetingId)}/notification"),
            new StringContent($$$"""{"type":"targetedMeetingNotification","value":{"recipients":[{{{recipients}}}],"surfaces":[]}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("\"BadArgument\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static TargetedMeetingNotification Notification(params string[] recipients) => new()
    {
        Value = new(recipients, [MeetingNotificationSurface.StageDialog(new Uri("https://bot.example/room/concern.html?vote=v-1"), "What worries you?", 280, 300)]),
    };

    private sealed class FixedToken : IConnectorTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(Token);
    }
}
