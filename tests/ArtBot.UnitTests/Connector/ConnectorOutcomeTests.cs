using ArtBot.Tests.Shared;
using System.Net;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;

namespace ArtBot.UnitTests.Connector;

public sealed class ConnectorOutcomeTests
{
    private readonly ConnectorHarness _harness = new();
    private readonly ConnectorClient _client;

    public ConnectorOutcomeTests() => _client = _harness.Create();

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Created)]
    [InlineData(HttpStatusCode.Accepted)]
    public async Task Any_2xx_with_an_id_is_sent_with_that_id(HttpStatusCode status)
    {
        _harness.Handler.Respond(status, """{"id":"1:abc"}""");

        var outcome = await Send();

        Assert.Equal(ConnectorOutcomeKind.Sent, outcome.Kind);
        Assert.True(outcome.IsSuccess);
        Assert.Equal("1:abc", outcome.Id);
        Assert.Equal((int)status, outcome.StatusCode);
        Assert.Equal(1, outcome.Attempts);
    }

    [Fact]
    public async Task A_202_without_a_body_is_still_sent()
    {
        _harness.Handler.Respond(HttpStatusCode.Accepted);

        var outcome = await Send();

        Assert.Equal(ConnectorOutcomeKind.Sent, outcome.Kind);
        Assert.Null(outcome.Id);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "BotNotInConversationRoster")]
    [InlineData(HttpStatusCode.NotFound, "ConversationNotFound")]
    public async Task Forbidden_or_not_found_is_bot_removed_with_the_error_code(HttpStatusCode status, string code)
    {
        _harness.Handler.Respond(status, $$$"""{"error":{"code":"{{{code}}}","message":"The bot is not part of the conversation roster."}}""");

        var outcome = await Send();

        Assert.Equal(ConnectorOutcomeKind.BotRemoved, outcome.Kind);
        Assert.Equal((int)status, outcome.StatusCode);
        Assert.Equal(code, outcome.ErrorCode);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(1, _harness.Handler.Count);
    }

    [Fact]
    public async Task Bad_request_is_failed_once_with_code_and_message()
    {
        _harness.Handler.Respond(HttpStatusCode.BadRequest, """{"error":{"code":"BadSyntax","message":"Incorrect conversation creation parameters"}}""");

        var outcome = await _client.CreateChannelThreadAsync(ConnectorHarness.ServiceUrl, "t", "19:c@thread.tacv2", Activity.CreateMessage("x"));

        Assert.Equal(ConnectorOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(400, outcome.StatusCode);
        Assert.Equal("BadSyntax", outcome.ErrorCode);
        Assert.Equal("Incorrect conversation creation parameters", outcome.Message);
        Assert.Equal(1, _harness.Handler.Count);
    }

    [Fact]
    public async Task An_error_without_a_JSON_body_is_failed_without_a_code()
    {
        _harness.Handler.Respond(HttpStatusCode.Unauthorized, "<html>nope</html>");

        var outcome = await Send();

        Assert.Equal(ConnectorOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(401, outcome.StatusCode);
        Assert.Null(outcome.ErrorCode);
    }

    [Fact]
    public async Task Server_error_is_retried_then_failed()
    {
        for (var i = 0; i < 4; i++)
        {
            _harness.Handler.Respond(HttpStatusCode.InternalServerError, """{"error":{"code":"ServiceError","message":"x"}}""");
        }

        var outcome = await RunWithClock(Send());

        Assert.Equal(ConnectorOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(500, outcome.StatusCode);
        Assert.Equal("ServiceError", outcome.ErrorCode);
        Assert.Equal(4, outcome.Attempts);
        Assert.Equal(4, _harness.Handler.Count);
    }

    [Fact]
    public async Task Create_conversation_returns_conversation_and_activity_ids()
    {
        _harness.Handler.Respond(HttpStatusCode.Created, """{"id":"19:c@thread.tacv2;messageid=123","activityId":"123","serviceUrl":"https://smba.example/"}""");

        var outcome = await _client.CreateChannelThreadAsync(ConnectorHarness.ServiceUrl, "t", "19:c@thread.tacv2", Activity.CreateMessage("x"));

        Assert.Equal(ConnectorOutcomeKind.Sent, outcome.Kind);
        Assert.Equal("19:c@thread.tacv2;messageid=123", outcome.Id);
        Assert.Equal("123", outcome.ActivityId);
        Assert.Equal("https://smba.example/", outcome.ServiceUrl);
    }

    [Fact]
    public async Task Delete_success_reports_the_deleted_id()
    {
        _harness.Handler.Respond(HttpStatusCode.OK);

        var outcome = await _client.DeleteActivityAsync(ConnectorHarness.ServiceUrl, "t", "c1", "act-4");

        Assert.Equal(ConnectorOutcomeKind.Sent, outcome.Kind);
        Assert.Equal("act-4", outcome.Id);
    }

    [Fact]
    public async Task Reads_return_the_parsed_value()
    {
        _harness.Handler.Respond(HttpStatusCode.OK, """{"members":[{"id":"29:a","name":"Ada","aadObjectId":"oid-a","userRole":"user"}],"continuationToken":"next"}""");
        _harness.Handler.Respond(HttpStatusCode.OK, """{"id":"19:t","name":"ART","aadGroupId":"g1","memberCount":12}""");
        _harness.Handler.Respond(HttpStatusCode.OK, """{"conversations":[{"id":"19:t"},{"id":"19:x","name":"Planning"}]}""");

        var page = await _client.GetConversationPagedMembersAsync(ConnectorHarness.ServiceUrl, "t", "19:t");
        var team = await _client.GetTeamDetailsAsync(ConnectorHarness.ServiceUrl, "t", "19:t");
        var channels = await _client.GetTeamChannelsAsync(ConnectorHarness.ServiceUrl, "t", "19:t");

        Assert.True(page.IsSuccess);
        Assert.Equal("oid-a", Assert.Single(page.Value!.Members!).AadObjectId);
        Assert.Equal("next", page.Value.ContinuationToken);
        Assert.Equal(12, team.Value!.MemberCount);
        Assert.Equal(["19:t", "19:x"], channels.Value!.Select(c => c.Id));
        Assert.Null(channels.Value![0].Name);
    }

    [Fact]
    public async Task A_read_of_a_removed_conversation_is_bot_removed_without_a_value()
    {
        _harness.Handler.Respond(HttpStatusCode.Forbidden, """{"error":{"code":"BotNotInConversationRoster","message":"x"}}""");

        var result = await _client.GetConversationMembersAsync(ConnectorHarness.ServiceUrl, "t", "c1");

        Assert.Equal(ConnectorOutcomeKind.BotRemoved, result.Kind);
        Assert.Null(result.Value);
        Assert.Equal("BotNotInConversationRoster", result.ErrorCode);
    }

    [Fact]
    public async Task A_read_with_an_unreadable_body_is_failed()
    {
        _harness.Handler.Respond(HttpStatusCode.OK, "not json");

        var result = await _client.GetTeamDetailsAsync(ConnectorHarness.ServiceUrl, "t", "19:t");

        Assert.Equal(ConnectorOutcomeKind.Failed, result.Kind);
        Assert.Equal("InvalidResponse", result.ErrorCode);
    }

    [Fact]
    public async Task Cancellation_throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "t", "c1", Activity.CreateMessage("x"), cts.Token));
        Assert.Equal(0, _harness.Handler.Count);
    }

    [Fact]
    public async Task Cancellation_during_a_retry_wait_throws()
    {
        _harness.Handler.Respond(HttpStatusCode.ServiceUnavailable);
        using var cts = new CancellationTokenSource();

        var send = _client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "t", "c1", Activity.CreateMessage("x"), cts.Token);
        await _harness.Time.WhenPendingAsync(1).WithinDeadline("the retry waits");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send.WaitAsync(ConnectorHarness.Deadline));
        Assert.Equal(1, _harness.Handler.Count);
    }

    [Fact]
    public async Task A_timed_out_post_is_not_repeated()
    {
        _harness.Handler.Throw(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()));

        var outcome = await Send();

        Assert.Equal(ConnectorOutcomeKind.Failed, outcome.Kind);
        Assert.Equal("Timeout", outcome.ErrorCode);
        Assert.Equal(0, outcome.StatusCode);
        Assert.Equal(1, _harness.Handler.Count);
    }

    [Fact]
    public async Task A_post_that_lost_its_connection_mid_response_is_not_repeated()
    {
        _harness.Handler.Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "ended"));

        var outcome = await Send();

        Assert.Equal("NetworkError", outcome.ErrorCode);
        Assert.Equal(1, _harness.Handler.Count);
    }

    [Fact]
    public async Task A_post_whose_connection_never_opened_is_retried()
    {
        _harness.Handler.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

        var outcome = await RunWithClock(Send());

        Assert.Equal(ConnectorOutcomeKind.Sent, outcome.Kind);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task A_timed_out_get_is_retried()
    {
        _harness.Handler.Throw(new TaskCanceledException("timeout", new TimeoutException()));
        _harness.Handler.Respond(HttpStatusCode.OK, """{"id":"19:t"}""");

        var result = await RunWithClock(_client.GetTeamDetailsAsync(ConnectorHarness.ServiceUrl, "t", "19:t"));

        Assert.True(result.IsSuccess);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task A_timed_out_update_is_retried()
    {
        _harness.Handler.Throw(new TaskCanceledException("timeout", new TimeoutException()));

        var outcome = await RunWithClock(_client.UpdateActivityAsync(ConnectorHarness.ServiceUrl, "t", "c1", "a1", Activity.CreateMessage("x")));

        Assert.True(outcome.IsSuccess);
        Assert.Equal(2, _harness.Handler.Count);
    }

    private Task<ConnectorOutcome> Send() =>
        _client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.Tenant, ConnectorHarness.Conversation, Activity.CreateMessage("secret text"));

    /// <summary>Moves the clock a second each time the call parks on a delay, until it finishes.</summary>
    private async Task<T> RunWithClock<T>(Task<T> call)
    {
        while (!call.IsCompleted)
        {
            await Task.WhenAny(call, _harness.Time.WhenPendingAsync(1)).WithinDeadline("the call waits on the clock or finishes");
            if (!call.IsCompleted)
            {
                _harness.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        return await call;
    }
}
