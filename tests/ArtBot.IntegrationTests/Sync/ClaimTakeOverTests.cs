using ArtBot.Domain.Arts;
using ArtBot.Domain.Sync;
using ArtBot.Features.Sync;
using ArtBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.IntegrationTests.Sync;

/// <summary>
/// A killed process's claims: taken over at once by the next run of the same instance id, after the lease by any other
/// instance; the "sending" marker written right before the HTTP send and the rule for a send it shows was interrupted.
/// Real Azurite, the recording connector, clocks the test controls.
/// </summary>
[Collection(BotTests.Name)]
public sealed class ClaimTakeOverTests(BotHost bot)
{
    private static readonly ProgramIncrement Pi2027 = new("PI 2027.1", new DateOnly(2027, 1, 4), new DateOnly(2027, 12, 20));
    private readonly SyncRig _rig = new(bot);

    [Fact]
    public async Task A_restarted_run_of_the_same_instance_takes_over_its_dead_claims_at_once_while_another_instance_waits_for_the_lease()
    {
        var (art, teams) = await _rig.CreateArtAsync("Europe/Berlin", DayOfWeek.Monday, "10:00", 4, Pi2027);
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;
        var key = OccurrenceKey.Of(art, occurrence);
        var killedAt = occurrence.PromptAt.AddSeconds(5);
        var killed = new ClaimOwner("bot-1", "run-killed");

        // The killed run: teams 0 and 1 claimed and waiting for their paced slot, team 2 mid-send, team 3 not reached.
        foreach (var team in teams.Take(3))
        {
            Assert.NotNull(await _rig.Store.TryClaimAsync(key, DeliveryKind.Prompt, team.ConversationId, killed, killedAt, killedAt.AddMinutes(3), 5, default));
        }

        var midSend = await _rig.Store.GetDeliveryAsync(key, DeliveryKind.Prompt, teams[2].ConversationId, default);
        Assert.NotNull(await _rig.Store.MarkSendingAsync(midSend!, killedAt, default));

        var clock = new FakeTimeProvider(killedAt.AddSeconds(1));
        var other = SyncRig.Scheduler(bot.Services, clock, o => o.InstanceId = "bot-2");
        await other.TickArtAsync(art, default);
        Assert.All(teams.Take(3), t => Assert.Empty(_rig.PostsTo(t.ConversationId))); // held: the lease runs 3 minutes
        Assert.Single(_rig.PostsTo(teams[3].ConversationId));

        var restarted = SyncRig.Scheduler(bot.Services, clock, o => o.InstanceId = "bot-1");
        await restarted.TickArtAsync(art, default);
        await restarted.TickArtAsync(art, default);

        Assert.All(teams, t => Assert.Single(_rig.PostsTo(t.ConversationId))); // the interrupted prompt is sent again (the rule for prompts)
        var rows = await _rig.Store.GetDeliveriesAsync(key, DeliveryKind.Prompt, default);
        Assert.All(rows, r =>
        {
            Assert.Equal(DeliveryState.Sent, r.State);
            Assert.Null(r.SendingAt); // cleared with the outcome
            Assert.NotNull(r.ActivityId);
        });
        Assert.All(rows.Where(r => r.ConversationId != teams[3].ConversationId), r =>
        {
            Assert.Equal("bot-1", r.Owner);
            Assert.NotEqual("run-killed", r.OwnerRun);
            Assert.Equal(2, r.Attempts);
        });
    }

    [Fact]
    public async Task A_claim_is_taken_over_early_only_from_an_earlier_run_of_the_same_instance()
    {
        var (art, teams) = await _rig.CreateArtAsync("Europe/Berlin", DayOfWeek.Monday, "10:00", 1, Pi2027);
        var key = OccurrenceKey.Of(art, SyncCalendar.On(art, new DateOnly(2027, 3, 29))!);
        var conversation = teams[0].ConversationId;
        var now = new DateTimeOffset(2027, 3, 28, 8, 0, 0, TimeSpan.Zero);
        var live = new ClaimOwner("bot-1", "run-1");

        var claim = await _rig.Store.TryClaimAsync(key, DeliveryKind.Prompt, conversation, live, now, now.AddMinutes(3), 5, default);
        Assert.NotNull(claim);
        Assert.Null(await _rig.Store.TryClaimAsync(key, DeliveryKind.Prompt, conversation, live, now, now.AddMinutes(3), 5, default)); // its own live run
        Assert.Null(await _rig.Store.TryClaimAsync(key, DeliveryKind.Prompt, conversation, new ClaimOwner("bot-2", "run-9"), now, now.AddMinutes(3), 5, default));

        var next = await _rig.Store.TryClaimAsync(key, DeliveryKind.Prompt, conversation, new ClaimOwner("bot-1", "run-2"), now, now.AddMinutes(3), 5, default);
        Assert.NotNull(next);
        Assert.Equal("run-2", next.OwnerRun);
        Assert.False(await _rig.Store.CompleteAsync(claim, DeliveryState.Sent, "late", null, now, null, default)); // the dead run's ETag is stale
        Assert.True(await _rig.Store.CompleteAsync(next, DeliveryState.Sent, "a1", null, now, null, default));
        Assert.Null(await _rig.Store.TryClaimAsync(key, DeliveryKind.Prompt, conversation, new ClaimOwner("bot-1", "run-3"), now.AddHours(1), now.AddHours(2), 5, default)); // done
    }

    [Fact]
    public async Task The_sending_marker_is_on_the_row_when_the_send_completes_and_cleared_with_its_outcome()
    {
        var (art, teams) = await _rig.CreateArtAsync("Europe/Berlin", DayOfWeek.Monday, "10:00", 3, Pi2027);
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;
        var clock = new FakeTimeProvider(occurrence.PromptAt);
        var spy = new SpyStore(_rig.Store);
        var scheduler = SyncRig.Scheduler(bot.Services, clock, store: spy);

        await scheduler.TickArtAsync(art, default);

        Assert.Equal(teams.Count, spy.StoredMarkersAtCompletion.Count);
        Assert.All(spy.StoredMarkersAtCompletion, marker => Assert.Equal(occurrence.PromptAt, marker));
        var rows = await _rig.Store.GetDeliveriesAsync(OccurrenceKey.Of(art, occurrence), DeliveryKind.Prompt, default);
        Assert.All(rows, r => Assert.Null(r.SendingAt));
        Assert.All(teams, t => Assert.Single(_rig.PostsTo(t.ConversationId)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Once_another_instance_is_seen_at_work_an_instance_looks_before_claiming_and_loses_no_more_claims(bool rivalAlreadyAtWork)
    {
        var (art, teams) = await _rig.CreateArtAsync("Europe/Berlin", DayOfWeek.Monday, "10:00", 20, Pi2027);
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;
        var key = OccurrenceKey.Of(art, occurrence);
        var clock = new FakeTimeProvider(occurrence.PromptAt);
        var rival = new ClaimOwner("bot-9", "run-9");
        var rivals = teams.Take(10).Select(t => t.ConversationId).ToHashSet(StringComparer.Ordinal);
        var spy = new SpyStore(_rig.Store)
        {
            // Another instance claims each of the first ten teams just before this one gets to it, after this pass read the rows.
            BeforeLookingAt = async conversationId =>
            {
                if (rivals.Contains(conversationId))
                {
                    await _rig.Store.TryClaimAsync(key, DeliveryKind.Prompt, conversationId, rival, clock.GetUtcNow(), clock.GetUtcNow().AddMinutes(3), 5, default);
                }
            },
        };
        if (rivalAlreadyAtWork)
        {
            Assert.NotNull(await _rig.Store.TryClaimAsync(key, DeliveryKind.Prompt, teams[0].ConversationId, rival, clock.GetUtcNow(), clock.GetUtcNow().AddMinutes(3), 5, default));
        }

        var scheduler = SyncRig.Scheduler(bot.Services, clock, o => o.FanOutConcurrency = 1, store: spy);

        await scheduler.TickArtAsync(art, default);

        // Alone when the pass began, the first claim it meets of the other's is lost: until then nothing said it was at work.
        Assert.Equal(rivalAlreadyAtWork ? 0 : 1, spy.LostClaims);
        Assert.All(teams.Skip(10), t => Assert.Single(_rig.PostsTo(t.ConversationId)));
        Assert.All(teams.Take(10), t => Assert.Empty(_rig.PostsTo(t.ConversationId)));
        var rows = await _rig.Store.GetDeliveriesAsync(key, DeliveryKind.Prompt, default);
        Assert.All(rows.Where(r => rivals.Contains(r.ConversationId)), r => Assert.Equal((DeliveryState.Claimed, "bot-9"), (r.State, r.Owner)));
    }

    [Fact]
    public async Task A_claim_taken_over_before_its_marker_is_written_sends_nothing()
    {
        var (art, teams) = await _rig.CreateArtAsync("Europe/Berlin", DayOfWeek.Monday, "10:00", 2, Pi2027);
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;
        var key = OccurrenceKey.Of(art, occurrence);
        var clock = new FakeTimeProvider(occurrence.PromptAt);
        var thief = new ClaimOwner("bot-9", "run-9");
        var spy = new SpyStore(_rig.Store)
        {
            // Another instance takes team 0's claim over (its lease ran out) just before this one marks it.
            BeforeMark = async claim =>
            {
                if (claim.ConversationId == teams[0].ConversationId)
                {
                    var later = claim.LeaseUntil.AddSeconds(1);
                    Assert.NotNull(await _rig.Store.TryClaimAsync(key, DeliveryKind.Prompt, claim.ConversationId, thief, later, later.AddMinutes(3), 5, default));
                }
            },
        };
        var scheduler = SyncRig.Scheduler(bot.Services, clock, store: spy);

        await scheduler.TickArtAsync(art, default);

        Assert.Empty(_rig.PostsTo(teams[0].ConversationId));
        Assert.Single(_rig.PostsTo(teams[1].ConversationId));
        var row = await _rig.Store.GetDeliveryAsync(key, DeliveryKind.Prompt, teams[0].ConversationId, default);
        Assert.Equal(DeliveryState.Claimed, row!.State); // the thief's claim, untouched
        Assert.Equal("bot-9", row.Owner);
        Assert.Null(row.SendingAt);
    }

    [Fact]
    public async Task An_interrupted_reminder_is_recorded_as_sent_and_not_repeated_while_the_unstarted_one_is_sent()
    {
        var (art, teams) = await _rig.CreateArtAsync("Europe/Berlin", DayOfWeek.Monday, "10:00", 3, Pi2027);
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;
        var key = OccurrenceKey.Of(art, occurrence);
        var clock = new FakeTimeProvider(occurrence.PromptAt);
        await SyncRig.Scheduler(bot.Services, clock, o => o.InstanceId = "bot-1").TickArtAsync(art, default);

        // The killed run: team 0's reminder mid-send, team 1's claimed and not started.
        var killedAt = occurrence.ReminderAt!.Value;
        var killed = new ClaimOwner("bot-1", "run-killed");
        await InterruptAsync(key, DeliveryKind.Reminder, teams[0].ConversationId, killed, killedAt);
        Assert.NotNull(await _rig.Store.TryClaimAsync(key, DeliveryKind.Reminder, teams[1].ConversationId, killed, killedAt, killedAt.AddMinutes(3), 5, default));

        clock.SetUtcNow(killedAt.AddSeconds(2));
        var restarted = SyncRig.Scheduler(bot.Services, clock, o => o.InstanceId = "bot-1");
        await restarted.TickArtAsync(art, default);
        await restarted.TickArtAsync(art, default);

        Assert.Empty(_rig.PostsToThreadOf(teams[0].ConversationId));
        Assert.Single(_rig.PostsToThreadOf(teams[1].ConversationId));
        Assert.Single(_rig.PostsToThreadOf(teams[2].ConversationId));
        var row = await _rig.Store.GetDeliveryAsync(key, DeliveryKind.Reminder, teams[0].ConversationId, default);
        Assert.Equal(DeliveryState.Sent, row!.State);
        Assert.Null(row.ActivityId);
        Assert.Null(row.SendingAt);
        Assert.Contains("interrupted send", row.LastError, StringComparison.Ordinal);
        Assert.All(teams, t => Assert.Single(_rig.PostsTo(t.ConversationId))); // prompts untouched
    }

    [Fact]
    public async Task With_Graph_an_interrupted_prompt_found_in_its_channel_is_recorded_not_repeated_and_one_not_found_is_sent()
    {
        var (art, teams) = await _rig.CreateArtAsync("Europe/Berlin", DayOfWeek.Monday, "10:00", 3, Pi2027, withGroups: true);
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;
        var key = OccurrenceKey.Of(art, occurrence);
        var killedAt = occurrence.PromptAt.AddSeconds(5);
        var killed = new ClaimOwner("bot-1", "run-killed");

        // The killed run: the prompts of teams 0 and 1 mid-send; team 0's reached Teams before the kill, team 1's did not.
        foreach (var team in teams.Take(2))
        {
            await InterruptAsync(key, DeliveryKind.Prompt, team.ConversationId, killed, killedAt);
        }

        var graph = new StubPostedMessages(q => q.ChannelId == teams[0].ConversationId ? new PostSearch(PostSearchResult.Posted, "1711699200000") : PostSearch.NotPosted);
        var clock = new FakeTimeProvider(killedAt + new SyncOptions().PostSearchDelay);
        var restarted = SyncRig.Scheduler(bot.Services, clock, o => o.InstanceId = "bot-1", posted: graph);
        await restarted.TickArtAsync(art, default);

        Assert.Empty(_rig.PostsTo(teams[0].ConversationId));
        Assert.Single(_rig.PostsTo(teams[1].ConversationId));
        Assert.Single(_rig.PostsTo(teams[2].ConversationId));
        var found = await _rig.Store.GetDeliveryAsync(key, DeliveryKind.Prompt, teams[0].ConversationId, default);
        Assert.Equal(DeliveryState.Sent, found!.State);
        Assert.Equal("1711699200000", found.ActivityId); // later card updates and the reminder's thread use the found post
        Assert.Null(found.SendingAt);
        Assert.Contains("found in the channel", found.LastError, StringComparison.Ordinal);
        Assert.Equal(2, graph.Queries.Count); // interrupted sends only
        Assert.All(graph.Queries, q =>
        {
            Assert.Null(q.ThreadId);
            Assert.Equal(killedAt.AddMinutes(-5), q.NotBefore);
            Assert.Equal([CheckInCard.AnswerVerb, art.Id, occurrence.Id], q.Markers);
        });
        Assert.Equal(["group-01", "group-02"], graph.Queries.Select(q => q.TeamGroupId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task With_Graph_an_interrupted_reminder_not_in_the_thread_is_sent()
    {
        var (art, teams) = await _rig.CreateArtAsync("Europe/Berlin", DayOfWeek.Monday, "10:00", 1, Pi2027, withGroups: true);
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;
        var key = OccurrenceKey.Of(art, occurrence);
        await SyncRig.Scheduler(bot.Services, new FakeTimeProvider(occurrence.PromptAt)).TickArtAsync(art, default);
        var prompt = await _rig.Store.GetDeliveryAsync(key, DeliveryKind.Prompt, teams[0].ConversationId, default);

        var killedAt = occurrence.ReminderAt!.Value;
        await InterruptAsync(key, DeliveryKind.Reminder, teams[0].ConversationId, new ClaimOwner("bot-1", "run-killed"), killedAt);

        var graph = new StubPostedMessages(_ => PostSearch.NotPosted);
        var clock = new FakeTimeProvider(killedAt.AddMinutes(1));
        await SyncRig.Scheduler(bot.Services, clock, o => o.InstanceId = "bot-1", posted: graph).TickArtAsync(art, default);

        Assert.Single(_rig.PostsToThreadOf(teams[0].ConversationId)); // without Graph it would be recorded and not sent
        var query = Assert.Single(graph.Queries);
        Assert.Equal(prompt!.ActivityId, query.ThreadId);
        Assert.Equal([SyncFanOut.ReminderStart], query.Markers);
        var row = await _rig.Store.GetDeliveryAsync(key, DeliveryKind.Reminder, teams[0].ConversationId, default);
        Assert.Equal(DeliveryState.Sent, row!.State);
        Assert.NotNull(row.ActivityId);
    }

    /// <summary>Graph's answer to the search for an interrupted send's post, chosen by the test; the queries it got.</summary>
    /// <summary>What a run killed mid-send leaves: the delivery claimed by <paramref name="owner"/> and marked "sending" at <paramref name="at"/>.</summary>
    private async Task InterruptAsync(OccurrenceKey key, DeliveryKind kind, string conversationId, ClaimOwner owner, DateTimeOffset at)
    {
        var claim = await _rig.Store.TryClaimAsync(key, kind, conversationId, owner, at, at.AddMinutes(3), 5, default);
        Assert.NotNull(claim);
        Assert.NotNull(await _rig.Store.MarkSendingAsync(claim, at, default));
    }

    private sealed class StubPostedMessages(Func<PostQuery, PostSearch> answer) : IPostedMessages
    {
        public System.Collections.Concurrent.ConcurrentQueue<PostQuery> Queries { get; } = new();

        public bool CanSearch => true;

        public Task<PostSearch> FindAsync(PostQuery query, CancellationToken cancellationToken)
        {
            Queries.Enqueue(query);
            return Task.FromResult(answer(query));
        }
    }

    /// <summary>The real store, plus: what the stored row's marker was when each send's outcome came, and a hook before marking.</summary>
    private sealed class SpyStore(ISyncStore inner) : ISyncStore
    {
        public System.Collections.Concurrent.ConcurrentBag<DateTimeOffset?> StoredMarkersAtCompletion { get; } = [];

        public Func<SyncDelivery, Task>? BeforeMark { get; init; }

        /// <summary>Runs before a delivery is claimed or its row read (by conversation): what another instance does first.</summary>
        public Func<string, Task>? BeforeLookingAt { get; init; }

        /// <summary>Claims and take-overs refused because another instance held the row.</summary>
        public int LostClaims => Volatile.Read(ref _lostClaims);

        private int _lostClaims;

        public async Task<bool> CompleteAsync(SyncDelivery claim, DeliveryState state, string? activityId, string? failure, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken)
        {
            var stored = await inner.GetDeliveryAsync(claim.Occurrence, claim.Kind, claim.ConversationId, cancellationToken);
            StoredMarkersAtCompletion.Add(stored?.SendingAt);
            return await inner.CompleteAsync(claim, state, activityId, failure, now, retryAt, cancellationToken);
        }

        public async Task<SyncDelivery?> MarkSendingAsync(SyncDelivery claim, DateTimeOffset at, CancellationToken cancellationToken)
        {
            if (BeforeMark is not null)
            {
                await BeforeMark(claim);
            }

            return await inner.MarkSendingAsync(claim, at, cancellationToken);
        }

        public Task<IReadOnlyList<SyncDelivery>> GetDeliveriesAsync(OccurrenceKey occurrence, DeliveryKind kind, CancellationToken cancellationToken) =>
            inner.GetDeliveriesAsync(occurrence, kind, cancellationToken);

        public async Task<SyncDelivery?> GetDeliveryAsync(OccurrenceKey occurrence, DeliveryKind kind, string conversationId, CancellationToken cancellationToken)
        {
            await LookingAtAsync(conversationId);
            return await inner.GetDeliveryAsync(occurrence, kind, conversationId, cancellationToken);
        }

        public async Task<SyncDelivery?> TryClaimAsync(
            OccurrenceKey occurrence, DeliveryKind kind, string conversationId, ClaimOwner owner, DateTimeOffset now, DateTimeOffset leaseUntil, int maxAttempts, CancellationToken cancellationToken)
        {
            await LookingAtAsync(conversationId);
            return Counted(await inner.TryClaimAsync(occurrence, kind, conversationId, owner, now, leaseUntil, maxAttempts, cancellationToken));
        }

        public async Task<SyncDelivery?> TryTakeOverAsync(SyncDelivery existing, ClaimOwner owner, DateTimeOffset now, DateTimeOffset leaseUntil, int maxAttempts, CancellationToken cancellationToken)
        {
            await LookingAtAsync(existing.ConversationId);
            return Counted(await inner.TryTakeOverAsync(existing, owner, now, leaseUntil, maxAttempts, cancellationToken));
        }

        private Task LookingAtAsync(string conversationId) => BeforeLookingAt?.Invoke(conversationId) ?? Task.CompletedTask;

        private SyncDelivery? Counted(SyncDelivery? claim)
        {
            if (claim is null)
            {
                Interlocked.Increment(ref _lostClaims);
            }

            return claim;
        }

        public Task ReleaseAsync(SyncDelivery claim, CancellationToken cancellationToken) => inner.ReleaseAsync(claim, cancellationToken);

        public Task<IReadOnlyList<CheckInAnswer>> GetAnswersAsync(OccurrenceKey occurrence, CancellationToken cancellationToken) => inner.GetAnswersAsync(occurrence, cancellationToken);

        public Task<CheckInAnswer?> GetAnswerAsync(OccurrenceKey occurrence, string teamConversationId, CancellationToken cancellationToken) =>
            inner.GetAnswerAsync(occurrence, teamConversationId, cancellationToken);

        public Task<CheckInAnswer?> SaveAnswerAsync(CheckInAnswer answer, CancellationToken cancellationToken) => inner.SaveAnswerAsync(answer, cancellationToken);

        public Task RequestPromptsAsync(OccurrenceKey occurrence, DateTimeOffset requestedAt, string requestedBy, CancellationToken cancellationToken) =>
            inner.RequestPromptsAsync(occurrence, requestedAt, requestedBy, cancellationToken);

        public Task<DateTimeOffset?> GetPromptsRequestedAsync(OccurrenceKey occurrence, CancellationToken cancellationToken) =>
            inner.GetPromptsRequestedAsync(occurrence, cancellationToken);
    }
}
