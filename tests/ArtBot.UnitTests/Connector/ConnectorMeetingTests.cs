using System.Net;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Tests.Shared;

namespace ArtBot.UnitTests.Connector;

public sealed class ConnectorMeetingTests
{
    private const string Base = "https://smba.trafficmanager.net/amer/tenant-1";

    private readonly ConnectorHarness _harness = new();
    private readonly ConnectorClient _client;

    public ConnectorMeetingTests() => _client = _harness.Create();

    [Fact]
    public async Task Participant_is_read_from_v1_meetings_with_escaped_ids_and_the_tenant()
    {
        _harness.Handler.Respond(HttpStatusCode.OK, MeetingPayloads.Text(MeetingPayloads.Participant));

        var result = await _client.GetMeetingParticipantAsync(ConnectorHarness.ServiceUrl, "tenant 1", "MCMx+Zz==", "29:abc/d");

        Assert.Equal(HttpMethod.Get, _harness.Handler.Last.Method);
        Assert.Equal($"{Base}/v1/meetings/MCMx%2BZz%3D%3D/participants/29%3Aabc%2Fd?tenantId=tenant%201", _harness.Handler.Last.Uri.AbsoluteUri);
        Assert.True(result.IsSuccess);
        Assert.Equal("Presenter", result.Value?.Meeting?.Role);
    }

    [Fact]
    public async Task Meeting_details_are_read_from_v1_meetings()
    {
        _harness.Handler.Respond(HttpStatusCode.OK, MeetingPayloads.Text(MeetingPayloads.DetailsChannel));

        var result = await _client.GetMeetingAsync(ConnectorHarness.ServiceUrl, "t", MeetingPayloads.ChannelMeetingId);

        Assert.Equal($"{Base}/v1/meetings/{Uri.EscapeDataString(MeetingPayloads.ChannelMeetingId)}", _harness.Handler.Last.Uri.AbsoluteUri);
        Assert.Equal(MeetingPayloads.ChannelMeetingChatId, result.Value?.Conversation?.Id);
    }

    [Fact]
    public async Task A_notification_accepted_for_everyone_is_a_success_without_failures()
    {
        _harness.Handler.Respond(HttpStatusCode.Accepted);

        var result = await _client.SendMeetingNotificationAsync(ConnectorHarness.ServiceUrl, "t", "m-1", Notification(3));

        Assert.Equal(HttpMethod.Post, _harness.Handler.Last.Method);
        Assert.Equal($"{Base}/v1/meetings/m-1/notification", _harness.Handler.Last.Uri.AbsoluteUri);
        Assert.Contains("\"type\":\"targetedMeetingNotification\"", _harness.Handler.Last.Body, StringComparison.Ordinal);
        Assert.True(result.IsSuccess);
        Assert.Equal(202, result.StatusCode);
        Assert.Empty(result.Value!.RecipientsFailureInfo!);
    }

    [Fact]
    public async Task A_partial_success_is_a_success_that_lists_the_recipients_not_reached()
    {
        _harness.Handler.Respond((HttpStatusCode)207, MeetingPayloads.Text(MeetingPayloads.NotificationPartial));

        var result = await _client.SendMeetingNotificationAsync(ConnectorHarness.ServiceUrl, "t", "m-1", Notification(2));

        Assert.True(result.IsSuccess);
        Assert.Equal(207, result.StatusCode);
        Assert.Equal("MemberNotFoundInConversation", Assert.Single(result.Value!.RecipientsFailureInfo!).ErrorCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task A_notification_to_no_one_or_more_than_ten_is_refused_before_any_request(int recipients)
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _client.SendMeetingNotificationAsync(ConnectorHarness.ServiceUrl, "t", "m-1", Notification(recipients)));

        Assert.Equal(0, _harness.Handler.Count);
    }

    [Fact]
    public async Task Ten_recipients_are_sent()
    {
        _harness.Handler.Respond(HttpStatusCode.Accepted);

        var result = await _client.SendMeetingNotificationAsync(ConnectorHarness.ServiceUrl, "t", "m-1", Notification(10));

        Assert.True(result.IsSuccess);
        Assert.Equal(1, _harness.Handler.Count);
    }

    private static TargetedMeetingNotification Notification(int recipients) => new()
    {
        Value = new(
            [.. Enumerable.Range(1, recipients).Select(i => $"29:user-{i}")],
            [MeetingNotificationSurface.StageDialog(new Uri("https://bot.example/room/concern.html?vote=v1"), "What worries you?", 280, 300)]),
    };
}
