using ArtBot.Tests.Shared;
using ArtBot.Domain.Sync;
using ArtBot.Features.Sync;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ArtBot.UnitTests.Sync;

/// <summary>How a send interrupted mid-way (its instance died) is settled: searched for with Graph, else by the kind's rule.</summary>
public sealed class InterruptedSendsTests
{
    private static readonly DateTimeOffset SendingAt = new(2027, 3, 29, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] Markers = ["sync.answer", "art-1", "2027-03-29"];

    private readonly TimerCountingTimeProvider _time = new(SendingAt.AddSeconds(1));
    private readonly Mock<IPostedMessages> _posted = new(MockBehavior.Strict);

    [Fact]
    public async Task The_channel_is_searched_only_after_the_delay_and_a_found_post_is_recorded_with_its_id()
    {
        _posted.SetupGet(p => p.CanSearch).Returns(true);
        _posted.Setup(p => p.FindAsync(It.IsAny<PostQuery>(), It.IsAny<CancellationToken>())).ReturnsAsync(new PostSearch(PostSearchResult.Posted, "m-42"));

        var settling = Create().SettleAsync("art-1", "2027-03-29", DeliveryKind.Prompt, "19:c@thread.tacv2", SendingAt, "g1", null, Markers);

        Assert.False(settling.IsCompleted);
        Assert.Equal(1, _time.PendingTimers);
        _posted.Verify(p => p.FindAsync(It.IsAny<PostQuery>(), It.IsAny<CancellationToken>()), Times.Never);
        _time.Advance(TimeSpan.FromSeconds(8));
        Assert.False(settling.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1)); // SendingAt + 10 s

        var settled = await settling;

        Assert.Equal(InterruptedSendAction.RecordSent, settled.Action);
        Assert.Equal("m-42", settled.MessageId);
        Assert.Contains("found in the channel", settled.Note, StringComparison.Ordinal);
        _posted.Verify(p => p.FindAsync(
            new PostQuery("g1", "19:c@thread.tacv2", null, Markers, SendingAt - TimeSpan.FromMinutes(5)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(DeliveryKind.Prompt)]
    [InlineData(DeliveryKind.Reminder)]
    public async Task A_post_that_is_not_in_the_channel_is_sent_whatever_its_kind(DeliveryKind kind)
    {
        _posted.SetupGet(p => p.CanSearch).Returns(true);
        _posted.Setup(p => p.FindAsync(It.IsAny<PostQuery>(), It.IsAny<CancellationToken>())).ReturnsAsync(PostSearch.NotPosted);
        _time.Advance(TimeSpan.FromMinutes(1));

        var settled = await Create().SettleAsync("art-1", "2027-03-29", kind, "19:c@thread.tacv2", SendingAt, "g1", "1711699200000", Markers);

        Assert.Equal(InterruptedSendAction.Send, settled.Action);
        Assert.Null(settled.MessageId);
    }

    [Theory]
    [InlineData(true, "g1", DeliveryKind.Prompt, InterruptedSendAction.Send)]
    [InlineData(true, "g1", DeliveryKind.Reminder, InterruptedSendAction.RecordSent)]
    [InlineData(false, "g1", DeliveryKind.Prompt, InterruptedSendAction.Send)]
    [InlineData(false, "g1", DeliveryKind.Reminder, InterruptedSendAction.RecordSent)]
    [InlineData(true, null, DeliveryKind.Prompt, InterruptedSendAction.Send)]
    [InlineData(true, null, DeliveryKind.Reminder, InterruptedSendAction.RecordSent)]
    public async Task When_it_cannot_be_told_the_kinds_rule_decides(bool canSearch, string? groupId, DeliveryKind kind, InterruptedSendAction expected)
    {
        _posted.SetupGet(p => p.CanSearch).Returns(canSearch);
        _posted.Setup(p => p.FindAsync(It.IsAny<PostQuery>(), It.IsAny<CancellationToken>())).ReturnsAsync(PostSearch.Unknown);
        _time.Advance(TimeSpan.FromMinutes(1));

        var settled = await Create().SettleAsync("art-1", "2027-03-29", kind, "19:c@thread.tacv2", SendingAt, groupId, null, Markers);

        Assert.Equal(expected, settled.Action);
        Assert.Equal(SyncDelivery.ResendsInterruptedSend(kind), settled.Action == InterruptedSendAction.Send);
        Assert.Null(settled.MessageId);
        _posted.Verify(p => p.FindAsync(It.IsAny<PostQuery>(), It.IsAny<CancellationToken>()), canSearch && groupId is not null ? Times.Once() : Times.Never());
    }

    private InterruptedSends Create() =>
        new(_posted.Object, Microsoft.Extensions.Options.Options.Create(new SyncOptions()), _time, NullLogger<InterruptedSends>.Instance);
}
