using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Sync;
using ArtBot.Features.Sync;
using ArtBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.IntegrationTests.Sync;

/// <summary>
/// The scheduler on a clock the test controls, against real Azurite and the recording connector. The ARTs' PIs lie in
/// 2027, so the host's own scheduler (real time) never has work for them.
/// </summary>
[Collection(BotTests.Name)]
public sealed class SyncSchedulerTests(BotHost bot)
{
    private static readonly ProgramIncrement Pi2027 = new("PI 2027.1", new DateOnly(2027, 1, 4), new DateOnly(2027, 12, 20));
    private readonly SyncRig _rig = new(bot);

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Europe/Berlin", DayOfWeek.Monday, "10:00", 2027, 3, 28, 8, 0)]      // Sunday 10:00 CEST, hours after spring-forward
    [InlineData("Europe/Berlin", DayOfWeek.Monday, "10:00", 2027, 10, 31, 9, 0)]     // Sunday 10:00 CET, hours after fall-back
    [InlineData("America/New_York", DayOfWeek.Sunday, "09:00", 2027, 3, 13, 14, 0)]  // Saturday 09:00 EST before the Sunday change
    [InlineData("America/New_York", DayOfWeek.Monday, "09:00", 2027, 11, 7, 14, 0)]  // Sunday 09:00 EST, change day
    [InlineData("Australia/Sydney", DayOfWeek.Monday, "09:00", 2027, 4, 3, 23, 0)]   // Sunday 09:00 AEST, change day
    [InlineData("Australia/Sydney", DayOfWeek.Monday, "09:00", 2027, 10, 2, 22, 0)]  // Sunday 09:00 AEDT, change day
    public async Task Prompts_go_out_at_the_prompt_instant_across_daylight_saving_changes_not_a_minute_before_and_only_once(
        string zone, DayOfWeek day, string time, int y, int m, int d, int h, int min)
    {
        var (art, teams) = await _rig.CreateArtAsync(zone, day, time, teamCount: 3, pi: Pi2027);
        var promptAt = Utc(y, m, d, h, min);
        var clock = new FakeTimeProvider(promptAt.AddMinutes(-1));
        var scheduler = SyncRig.Scheduler(bot.Services, clock);

        await scheduler.TickArtAsync(art, default);
        Assert.All(teams, t => Assert.Empty(_rig.PostsTo(t.ConversationId)));

        clock.SetUtcNow(promptAt);
        await scheduler.TickArtAsync(art, default);
        await scheduler.TickArtAsync(art, default);
        clock.Advance(TimeSpan.FromMinutes(30));
        await scheduler.TickArtAsync(art, default);

        Assert.All(teams, t =>
        {
            var post = Assert.Single(_rig.PostsTo(t.ConversationId));
            Assert.Contains($"ART sync check-in: {t.TeamName}", post.AllText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_skipped_date_gets_no_prompt_and_the_next_week_does()
    {
        var (art, teams) = await _rig.CreateArtAsync("Europe/Berlin", DayOfWeek.Monday, "10:00", 1, Pi2027, skipped: [new DateOnly(2027, 3, 29)]);
        var clock = new FakeTimeProvider(Utc(2027, 3, 28, 8, 5));
        var scheduler = SyncRig.Scheduler(bot.Services, clock);

        await scheduler.TickArtAsync(art, default);
        Assert.Empty(_rig.PostsTo(teams[0].ConversationId));

        clock.SetUtcNow(Utc(2027, 4, 4, 8, 5));
        await scheduler.TickArtAsync(art, default);
        Assert.Single(_rig.PostsTo(teams[0].ConversationId));
    }

    [Fact]
    public async Task Reminders_reply_in_the_prompt_thread_of_teams_that_have_not_answered_without_names_and_the_summary_is_posted_once()
    {
        var (art, teams) = await _rig.CreateArtAsync("Europe/Berlin", DayOfWeek.Monday, "10:00", 3, Pi2027);
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;
        var clock = new FakeTimeProvider(occurrence.PromptAt);
        var scheduler = SyncRig.Scheduler(bot.Services, clock);
        await scheduler.TickArtAsync(art, default);
        await _rig.Store.SaveAnswerAsync(new CheckInAnswer
        {
            Occurrence = OccurrenceKey.Of(art, occurrence),
            TeamConversationId = teams[0].ConversationId,
            TeamName = teams[0].TeamName,
            Status = ObjectiveStatus.AtRisk,
            AnsweredBy = new Person("someone", "Megan Bowen"),
            AnsweredAt = clock.GetUtcNow(),
        }, default);

        clock.SetUtcNow(occurrence.ReminderAt!.Value.AddMinutes(-1));
        await scheduler.TickArtAsync(art, default);
        Assert.All(teams, t => Assert.Empty(_rig.PostsToThreadOf(t.ConversationId)));

        clock.SetUtcNow(occurrence.ReminderAt!.Value);
        await scheduler.TickArtAsync(art, default);
        await scheduler.TickArtAsync(art, default);

        Assert.Empty(_rig.PostsToThreadOf(teams[0].ConversationId));
        foreach (var team in teams.Skip(1))
        {
            var prompt = await _rig.Store.GetDeliveryAsync(OccurrenceKey.Of(art, occurrence), DeliveryKind.Prompt, team.ConversationId, default);
            var reminder = Assert.Single(_rig.PostsToThreadOf(team.ConversationId));
            Assert.Contains($"{team.ConversationId};messageid={prompt!.ActivityId}/activities", reminder.Path, StringComparison.Ordinal);
            Assert.Contains("Reminder", reminder.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain("(", reminder.AllText, StringComparison.Ordinal); // no names
        }

        Assert.Empty(_rig.PostsTo(art.SummaryConversationId));
        clock.SetUtcNow(occurrence.SyncAt);
        await scheduler.TickArtAsync(art, default);
        clock.Advance(TimeSpan.FromMinutes(1));
        await scheduler.TickArtAsync(art, default);

        var summary = Assert.Single(_rig.PostsTo(art.SummaryConversationId));
        Assert.Contains("1 of 3 teams answered", summary.AllText, StringComparison.Ordinal);
        Assert.Contains("Team 02, Team 03", summary.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_crash_mid_fan_out_a_new_instance_posts_the_rest_once_and_the_crashed_claim_after_its_lease()
    {
        var (art, teams) = await _rig.CreateArtAsync("Europe/Berlin", DayOfWeek.Monday, "10:00", 6, Pi2027);
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;
        var key = OccurrenceKey.Of(art, occurrence);
        var crashAt = occurrence.PromptAt.AddSeconds(5);

        // The crashed instance: two prompts sent and recorded, one claimed and never finished.
        foreach (var team in teams.Take(2))
        {
            var claim = await _rig.Store.TryClaimAsync(key, DeliveryKind.Prompt, team.ConversationId, new ClaimOwner("crashed", "run-1"), crashAt, crashAt.AddMinutes(3), 5, default);
            Assert.True(await _rig.Store.CompleteAsync(claim!, DeliveryState.Sent, "activity-before-crash", null, crashAt, null, default));
        }

        Assert.NotNull(await _rig.Store.TryClaimAsync(key, DeliveryKind.Prompt, teams[2].ConversationId, new ClaimOwner("crashed", "run-1"), crashAt, crashAt.AddMinutes(3), 5, default));

        // The restarted instance.
        var clock = new FakeTimeProvider(crashAt.AddSeconds(30));
        var scheduler = SyncRig.Scheduler(bot.Services, clock);
        await scheduler.TickArtAsync(art, default);

        Assert.Empty(_rig.PostsTo(teams[0].ConversationId));
        Assert.Empty(_rig.PostsTo(teams[1].ConversationId));
        Assert.Empty(_rig.PostsTo(teams[2].ConversationId)); // still held by the crashed instance's lease
        Assert.All(teams.Skip(3), t => Assert.Single(_rig.PostsTo(t.ConversationId)));

        clock.SetUtcNow(crashAt.AddMinutes(3));
        await scheduler.TickArtAsync(art, default);
        await scheduler.TickArtAsync(art, default);

        Assert.Single(_rig.PostsTo(teams[2].ConversationId));
        Assert.All(teams.Skip(3), t => Assert.Single(_rig.PostsTo(t.ConversationId)));
        var rows = await _rig.Store.GetDeliveriesAsync(key, DeliveryKind.Prompt, default);
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(DeliveryState.Sent, r.State));
    }

    [Fact]
    public async Task An_instance_stopped_mid_fan_out_leaves_no_claim_behind_and_a_restarted_one_completes_it_without_duplicates()
    {
        var (art, teams) = await _rig.CreateArtAsync("Europe/Berlin", DayOfWeek.Monday, "10:00", 24, Pi2027);
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;
        var clock = new FakeTimeProvider(occurrence.PromptAt);
        var first = SyncRig.Scheduler(bot.Services, clock, o => o.FanOutConcurrency = 2);
        using var stop = new CancellationTokenSource();

        var running = first.TickArtAsync(art, stop.Token);
        await bot.Connector.WaitForAsync(r => teams.Any(t => r.Path.Contains(t.ConversationId, StringComparison.Ordinal)), count: 4);
        await stop.CancelAsync();
        await running;

        var afterStop = await _rig.Store.GetDeliveriesAsync(OccurrenceKey.Of(art, occurrence), DeliveryKind.Prompt, default);
        Assert.All(afterStop, r => Assert.Equal(DeliveryState.Sent, r.State)); // every claim taken was finished
        Assert.InRange(afterStop.Count, 4, teams.Count - 1);

        var second = SyncRig.Scheduler(bot.Services, clock);
        await second.TickArtAsync(art, default);

        Assert.All(teams, t => Assert.Single(_rig.PostsTo(t.ConversationId)));
    }

    [Fact]
    public async Task Two_instances_on_one_storage_post_once_per_channel()
    {
        var (art, teams) = await _rig.CreateArtAsync("America/New_York", DayOfWeek.Monday, "09:00", 40, Pi2027);
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 15))!;
        await using var other = SyncRig.SecondInstance(bot);
        using var client = other.CreateClient();
        await BotHost.WaitUntilReadyAsync(other);
        var clock = new FakeTimeProvider(occurrence.PromptAt.AddSeconds(1));
        var a = SyncRig.Scheduler(bot.Services, clock, o => o.FanOutConcurrency = 8);
        var b = SyncRig.Scheduler(other.Services, clock, o => o.FanOutConcurrency = 8);
        Assert.NotSame(bot.Services.GetRequiredService<ISyncStore>(), other.Services.GetRequiredService<ISyncStore>());

        await Task.WhenAll(a.TickArtAsync(art, default), b.TickArtAsync(art, default), a.TickArtAsync(art, default), b.TickArtAsync(art, default));

        Assert.All(teams, t => Assert.Single(_rig.PostsTo(t.ConversationId)));
        var rows = await _rig.Store.GetDeliveriesAsync(OccurrenceKey.Of(art, occurrence), DeliveryKind.Prompt, default);
        Assert.Equal(teams.Count, rows.Count(r => r.State == DeliveryState.Sent));
        Assert.Equal(2, rows.Select(r => r.Owner).Distinct().Count()); // both instances did part of the work
    }

    [Fact]
    public async Task A_channel_the_bot_was_removed_from_is_marked_unreachable_and_not_retried()
    {
        var (art, teams) = await _rig.CreateArtAsync("Europe/Berlin", DayOfWeek.Monday, "10:00", 2, Pi2027);
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;
        bot.Connector.FailPaths["/v3/conversations/" + teams[0].ConversationId] = 403;
        var clock = new FakeTimeProvider(occurrence.PromptAt);
        var scheduler = SyncRig.Scheduler(bot.Services, clock);

        await scheduler.TickArtAsync(art, default);
        clock.Advance(TimeSpan.FromHours(1));
        await scheduler.TickArtAsync(art, default);

        Assert.Single(bot.Connector.Requests, r => r.Path.Contains(teams[0].ConversationId, StringComparison.Ordinal));
        Assert.Single(_rig.PostsTo(teams[1].ConversationId));
        var stored = await _rig.Arts.GetTeamsAsync(art.TenantId, art.Id, default);
        Assert.NotNull(stored.Single(t => t.ConversationId == teams[0].ConversationId).UnreachableSince);
        Assert.Null(stored.Single(t => t.ConversationId == teams[1].ConversationId).UnreachableSince);
        var row = await _rig.Store.GetDeliveryAsync(OccurrenceKey.Of(art, occurrence), DeliveryKind.Prompt, teams[0].ConversationId, default);
        Assert.Equal(DeliveryState.Unreachable, row!.State);
    }

    [Fact]
    public async Task With_naming_opted_in_reminders_and_the_summary_name_the_people_of_silent_teams_except_those_out_of_office()
    {
        var (art, teams) = await _rig.CreateArtAsync("Australia/Sydney", DayOfWeek.Monday, "09:00", 2, Pi2027, nameNonResponders: true);
        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 4, 5))!;
        var people = new FakePeopleDirectory(
            new Dictionary<string, TeamMember[]>
            {
                [teams[0].ConversationId] = [new("p1", "Adele Vance"), new("p2", "Isaiah Langer")],
                [teams[1].ConversationId] = [new("p3", "Patti Fernandez")],
            },
            new HashSet<string> { "p2" });
        var clock = new FakeTimeProvider(occurrence.PromptAt);
        var scheduler = SyncRig.Scheduler(bot.Services, clock, people: people);
        await scheduler.TickArtAsync(art, default);

        clock.SetUtcNow(occurrence.ReminderAt!.Value);
        await scheduler.TickArtAsync(art, default);
        clock.SetUtcNow(occurrence.SyncAt);
        await scheduler.TickArtAsync(art, default);

        var reminder = Assert.Single(_rig.PostsToThreadOf(teams[0].ConversationId));
        Assert.Contains("(Adele Vance)", reminder.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Isaiah", reminder.AllText, StringComparison.Ordinal); // out of office
        Assert.Contains("(Patti Fernandez)", Assert.Single(_rig.PostsToThreadOf(teams[1].ConversationId)).AllText, StringComparison.Ordinal);
        var summary = Assert.Single(_rig.PostsTo(art.SummaryConversationId));
        Assert.Contains("People in those teams: Adele Vance, Patti Fernandez", summary.AllText, StringComparison.Ordinal);
    }
}
