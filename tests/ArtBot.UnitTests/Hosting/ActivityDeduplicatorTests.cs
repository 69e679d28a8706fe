using System.Text.Json;
using ArtBot.BotFramework.Hosting;
using ArtBot.BotFramework.Schema;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.UnitTests.Hosting;

public sealed class ActivityDeduplicatorTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ActivityDeduplicator _deduplicator;
    private int _runs;

    public ActivityDeduplicatorTests() => _deduplicator = new ActivityDeduplicator(_time);

    [Fact]
    public async Task A_second_delivery_during_the_first_waits_for_it_and_gets_the_same_response()
    {
        var first = new TaskCompletionSource<InvokeResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var activity = Invoke("act-1");

        var firstDelivery = _deduplicator.RunOnceAsync(activity, () =>
        {
            _runs++;
            return first.Task;
        });
        var secondDelivery = _deduplicator.RunOnceAsync(activity, Turn(new InvokeResponse(500)));

        Assert.False(firstDelivery.IsCompleted);
        Assert.False(secondDelivery.IsCompleted);
        var response = Response(200, """{"statusCode":200}""");
        first.SetResult(response);

        Assert.Equal((response, false), await firstDelivery);
        Assert.Equal((response, true), await secondDelivery);
        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task A_delivery_after_the_first_completed_does_not_run_and_gets_its_response()
    {
        var response = new InvokeResponse(200);
        await _deduplicator.RunOnceAsync(Invoke("act-1"), Turn(response));
        _time.Advance(ActivityDeduplicator.Retention - TimeSpan.FromSeconds(1));

        var again = await _deduplicator.RunOnceAsync(Invoke("act-1"), Turn(new InvokeResponse(500)));

        Assert.Equal((response, true), again);
        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task A_message_turn_without_a_response_is_also_run_once()
    {
        var message = new Activity { Type = ActivityTypes.Message, Id = "m-1", ChannelId = "msteams", Conversation = new ConversationAccount { Id = "a:1" } };

        Assert.Equal((null, false), await _deduplicator.RunOnceAsync(message, Turn(null)));
        Assert.Equal((null, true), await _deduplicator.RunOnceAsync(message, Turn(null)));
        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task After_the_retention_period_the_same_activity_runs_again()
    {
        await _deduplicator.RunOnceAsync(Invoke("act-1"), Turn(new InvokeResponse(200)));
        _time.Advance(ActivityDeduplicator.Retention);

        var later = new InvokeResponse(202);
        var again = await _deduplicator.RunOnceAsync(Invoke("act-1"), Turn(later));

        Assert.Equal((later, false), again);
        Assert.Equal(2, _runs);
    }

    [Fact]
    public async Task A_failed_turn_is_forgotten_so_the_retry_runs()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _deduplicator.RunOnceAsync(Invoke("act-1"), () =>
            {
                _runs++;
                throw new InvalidOperationException("storage down");
            }));
        Assert.Equal("storage down", failure.Message);
        Assert.Equal(0, _deduplicator.Count);

        var response = new InvokeResponse(200);
        var retry = await _deduplicator.RunOnceAsync(Invoke("act-1"), Turn(response));

        Assert.Equal((response, false), retry);
        Assert.Equal(2, _runs);
    }

    [Fact]
    public async Task A_delivery_waiting_on_a_turn_that_fails_gets_the_failure()
    {
        var first = new TaskCompletionSource<InvokeResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstDelivery = _deduplicator.RunOnceAsync(Invoke("act-1"), () => first.Task);
        var secondDelivery = _deduplicator.RunOnceAsync(Invoke("act-1"), Turn(new InvokeResponse(200)));

        first.SetException(new InvalidOperationException("storage down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => firstDelivery);
        await Assert.ThrowsAsync<InvalidOperationException>(() => secondDelivery);
        Assert.Equal(0, _runs);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Activities_without_an_id_always_run(string? id)
    {
        await _deduplicator.RunOnceAsync(Invoke(id), Turn(new InvokeResponse(200)));
        var second = await _deduplicator.RunOnceAsync(Invoke(id), Turn(new InvokeResponse(200)));

        Assert.False(second.Duplicate);
        Assert.Equal(2, _runs);
        Assert.Equal(0, _deduplicator.Count);
    }

    [Fact]
    public async Task The_same_id_in_another_conversation_or_channel_is_another_activity()
    {
        await _deduplicator.RunOnceAsync(Invoke("act-1"), Turn(null));
        await _deduplicator.RunOnceAsync(Invoke("act-1") with { Conversation = new ConversationAccount { Id = "a:other" } }, Turn(null));
        await _deduplicator.RunOnceAsync(Invoke("act-1") with { ChannelId = "webchat" }, Turn(null));

        Assert.Equal(3, _runs);
        Assert.Equal(3, _deduplicator.Count);
    }

    [Fact]
    public async Task Expired_entries_are_swept_so_memory_stays_bounded()
    {
        await _deduplicator.RunOnceAsync(Invoke("old"), Turn(null));
        _time.Advance(ActivityDeduplicator.Retention);

        for (var i = 0; i < 255; i++)
        {
            await _deduplicator.RunOnceAsync(Invoke($"new-{i}"), Turn(null));
        }

        Assert.Equal(255, _deduplicator.Count);
    }

    private Func<Task<InvokeResponse?>> Turn(InvokeResponse? response) => () =>
    {
        _runs++;
        return Task.FromResult(response);
    };

    private static InvokeResponse Response(int status, string body)
    {
        using var json = JsonDocument.Parse(body);
        return new InvokeResponse(status, json.RootElement.Clone());
    }

    private static Activity Invoke(string? id) => new()
    {
        Type = ActivityTypes.Invoke,
        Name = "adaptiveCard/action",
        Id = id,
        ChannelId = "msteams",
        Conversation = new ConversationAccount { Id = "19:c@thread.tacv2;messageid=1" },
    };
}
