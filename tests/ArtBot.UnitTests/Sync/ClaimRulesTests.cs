using ArtBot.Domain.Sync;

namespace ArtBot.UnitTests.Sync;

public sealed class ClaimRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 28, 8, 0, 0, TimeSpan.Zero);

    private static SyncDelivery Row(DeliveryState state, string? owner, string? run, DateTimeOffset? sendingAt = null) => new()
    {
        Occurrence = new OccurrenceKey("tenant", "art", new DateOnly(2027, 3, 29)),
        Kind = DeliveryKind.Prompt,
        ConversationId = "19:team@thread.tacv2",
        State = state,
        Owner = owner,
        OwnerRun = run,
        SendingAt = sendingAt,
        LeaseUntil = Now.AddMinutes(3),
        Attempts = 1,
    };

    [Theory]
    [InlineData(DeliveryState.Claimed, "bot-1", "run-old", true)]   // an earlier run of this instance: dead
    [InlineData(DeliveryState.Claimed, "bot-1", "run-now", false)]  // this run: in flight here
    [InlineData(DeliveryState.Claimed, "bot-2", "run-old", false)]  // another instance: its lease decides
    [InlineData(DeliveryState.Claimed, "bot-1", null, false)]       // a row from before runs were recorded
    [InlineData(DeliveryState.Failed, "bot-1", "run-old", false)]   // waiting for its retry time, not held
    [InlineData(DeliveryState.Sent, "bot-1", "run-old", false)]
    public void Only_a_claim_left_by_an_earlier_run_of_the_same_instance_is_abandoned(DeliveryState state, string? owner, string? run, bool abandoned)
    {
        var me = new ClaimOwner("bot-1", "run-now");
        var row = Row(state, owner, run);

        Assert.Equal(abandoned, row.IsAbandonedBy(me));
        Assert.Equal(abandoned, row.IsClaimableBy(me, Now, 5)); // before the lease ends only an abandoned claim is claimable
        Assert.Equal(!row.IsFinal, row.IsClaimableBy(me, Now.AddMinutes(3), 5)); // after it, any unfinished one
    }

    [Theory]
    [InlineData(DeliveryKind.Prompt, true)]
    [InlineData(DeliveryKind.Summary, true)]
    [InlineData(DeliveryKind.Reminder, false)]
    public void An_interrupted_send_is_repeated_for_prompts_and_the_summary_but_not_for_reminders(DeliveryKind kind, bool repeated) =>
        Assert.Equal(repeated, SyncDelivery.ResendsInterruptedSend(kind));
}
