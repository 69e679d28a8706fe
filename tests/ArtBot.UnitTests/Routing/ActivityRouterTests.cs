using ArtBot.Tests.Shared;
using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;

namespace ArtBot.UnitTests.Routing;

public sealed class ActivityRouterTests
{
    private readonly CapturingLogger<ActivityRouter> _log = new();
    private readonly List<string> _calls = [];
    private readonly ActivityRouter _router;

    public ActivityRouterTests() => _router = new ActivityRouter(_log);

    [Fact]
    public async Task Every_activity_handlers_run_first_then_the_handlers_of_the_type_in_order()
    {
        _router
            .On(ActivityTypes.Message, Record("message-1"))
            .OnEveryActivity(Record("every-1"))
            .On(ActivityTypes.Message, Record("message-2"))
            .OnEveryActivity(Record("every-2"));

        var response = await _router.RouteAsync(Turns.Of(ActivityTypes.Message), CancellationToken.None);

        Assert.Null(response);
        Assert.Equal(["every-1", "every-2", "message-1", "message-2"], _calls);
    }

    [Fact]
    public async Task Only_the_handlers_of_the_activity_type_run()
    {
        _router
            .On(ActivityTypes.Message, Record("message"))
            .On(ActivityTypes.ConversationUpdate, Record("conversationUpdate"))
            .On(ActivityTypes.InstallationUpdate, Record("installationUpdate"));

        await _router.RouteAsync(Turns.Of(ActivityTypes.ConversationUpdate), CancellationToken.None);

        Assert.Equal(["conversationUpdate"], _calls);
    }

    [Fact]
    public async Task Activity_types_match_without_regard_to_case()
    {
        _router.On(ActivityTypes.MessageReaction, Record("reaction"));

        await _router.RouteAsync(Turns.Of("MESSAGEREACTION"), CancellationToken.None);

        Assert.Equal(["reaction"], _calls);
    }

    [Fact]
    public async Task An_unknown_type_returns_null_after_the_every_activity_handlers_and_is_logged()
    {
        _router.OnEveryActivity(Record("every")).On(ActivityTypes.Message, Record("message"));

        var response = await _router.RouteAsync(Turns.Of("somethingNew"), CancellationToken.None);

        Assert.Null(response);
        Assert.Equal(["every"], _calls);
        Assert.Contains(_log.Lines, e => e.Text.Contains("'somethingNew'", StringComparison.Ordinal) && e.Text.Contains("act-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_activity_without_a_type_returns_null()
    {
        _router.On(ActivityTypes.Message, Record("message"));

        Assert.Null(await _router.RouteAsync(Turns.For(new Activity()), CancellationToken.None));
        Assert.Empty(_calls);
    }

    [Theory]
    [InlineData("composeExtension/query")]
    [InlineData(null)]
    public async Task An_unknown_invoke_answers_501_and_runs_no_other_handler(string? name)
    {
        _router
            .OnEveryActivity(Record("every"))
            .On(ActivityTypes.Invoke, Record("invoke-type"))
            .OnInvoke("adaptiveCard/action", (_, _) => Task.FromResult(new InvokeResponse(200)));

        var response = await _router.RouteAsync(Turns.Of(ActivityTypes.Invoke, name), CancellationToken.None);

        Assert.Equal(501, response?.Status);
        Assert.Null(response?.Body);
        Assert.Equal(["every"], _calls);
        Assert.Contains(_log.Lines, e => e.Text.Contains("501", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invoke_handler_result_is_the_response_and_gets_the_turn_and_token()
    {
        using var body = JsonDocument.Parse("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Thanks"}""");
        using var cancellation = new CancellationTokenSource();
        var expected = new InvokeResponse(200, body.RootElement.Clone());
        TurnContext? seenTurn = null;
        CancellationToken seenToken = default;
        _router
            .OnEveryActivity(Record("every"))
            .OnInvoke("adaptiveCard/action", (turn, token) =>
            {
                seenTurn = turn;
                seenToken = token;
                return Task.FromResult(expected);
            })
            .OnInvoke("task/fetch", (_, _) => Task.FromResult(new InvokeResponse(500)));
        var turn = Turns.Of(ActivityTypes.Invoke, "AdaptiveCard/Action");

        var response = await _router.RouteAsync(turn, cancellation.Token);

        Assert.Same(expected, response);
        Assert.Same(turn, seenTurn);
        Assert.Equal(cancellation.Token, seenToken);
        Assert.Equal(["every"], _calls);
    }

    [Theory]
    [InlineData("adaptiveCard/action")]
    [InlineData("ADAPTIVECARD/ACTION")]
    public void Registering_a_second_handler_for_an_invoke_name_throws(string second)
    {
        _router.OnInvoke("adaptiveCard/action", (_, _) => Task.FromResult(new InvokeResponse(200)));

        var error = Assert.Throws<InvalidOperationException>(() =>
            _router.OnInvoke(second, (_, _) => Task.FromResult(new InvokeResponse(200))));

        Assert.Contains(second, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_every_activity_handler_stops_the_turn()
    {
        _router
            .OnEveryActivity((_, _) => throw new InvalidOperationException("storage down"))
            .On(ActivityTypes.Message, Record("message"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _router.RouteAsync(Turns.Of(ActivityTypes.Message), CancellationToken.None));

        Assert.Empty(_calls);
    }

    [Fact]
    public async Task An_event_reaches_only_the_handlers_of_its_name()
    {
        _router
            .OnEvent("application/vnd.microsoft.meetingStart", Record("start"))
            .OnEvent("application/vnd.microsoft.meetingEnd", Record("end"));

        var response = await _router.RouteAsync(Turns.Of(ActivityTypes.Event, "APPLICATION/vnd.microsoft.meetingEnd"), CancellationToken.None);

        Assert.Null(response);
        Assert.Equal(["end"], _calls);
    }

    [Fact]
    public async Task An_event_with_no_handler_for_its_name_is_acknowledged_and_logged()
    {
        _router.OnEvent("application/vnd.microsoft.meetingStart", Record("start"));

        var response = await _router.RouteAsync(Turns.Of(ActivityTypes.Event, "application/vnd.microsoft.readReceipt"), CancellationToken.None);

        Assert.Null(response);
        Assert.Empty(_calls);
        Assert.Contains(_log.Lines, l => l.Text.Contains("application/vnd.microsoft.readReceipt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_conversation_update_runs_the_type_handlers_then_those_of_its_Teams_event_type()
    {
        _router
            .OnConversationUpdate("channelCreated", Record("channelCreated"))
            .On(ActivityTypes.ConversationUpdate, Record("any update"))
            .OnConversationUpdate("teamRenamed", Record("teamRenamed"));
        var activity = Turns.Of(ActivityTypes.ConversationUpdate).Activity with { ChannelData = new TeamsChannelData { EventType = "channelCreated" } };

        await _router.RouteAsync(Turns.For(activity), CancellationToken.None);

        Assert.Equal(["any update", "channelCreated"], _calls);
    }

    private ActivityHandler Record(string name) => (_, _) =>
    {
        _calls.Add(name);
        return Task.CompletedTask;
    };
}
