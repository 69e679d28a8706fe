using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Planning;
using ArtBot.Features.Demos;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Planning;
using ArtBot.IntegrationTests.Votes;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Demos;

/// <summary>
/// The System Demo through POST /api/messages, on a clock the test controls: PI 2027.1's first demo is on Fri 15 Jan 2027
/// at 14:00 UTC (the ART's default), teams are asked from 12 Jan 14:00, the agenda comes from 14 Jan 14:00.
/// </summary>
[Collection(BotTests.Name)]
public sealed class DemoTests(BotHost bot)
{
    private const string Pi = "PI 2027.1";
    private static readonly DateTimeOffset BeforePrompts = new(2027, 1, 12, 13, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PromptsDue = new(2027, 1, 12, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AgendaDue = new(2027, 1, 14, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Sends unpaced: the pacer waits on the clock, which only the test moves.</summary>
    private static readonly Dictionary<string, string?> Unpaced = new() { ["Sync:FanOutPerSecond"] = "0" };

    private static string DemoId(PlanningRig rig, int iteration = 1) => DemoIds.Demo(rig.Art.TenantId, rig.Art.Id, Pi, iteration);

    private static string AnswerId(PlanningRig rig, VoteDriver team, int iteration = 1) =>
        DemoIds.TeamAnswer(rig.Art.TenantId, rig.Art.Id, DemoId(rig, iteration), team.ConversationId);

    private static async Task TickAsync(PlanningRig rig, DemoScheduler? scheduler = null)
    {
        var art = (await rig.Services.GetRequiredService<IArtStore>().GetAsync(rig.Art.TenantId, rig.Art.Id, default))!;
        await (scheduler ?? rig.Services.GetRequiredService<DemoScheduler>()).TickArtAsync(art, default);
    }

    private IReadOnlyList<RecordedRequest> Posts(VoteDriver where) => [.. bot.Connector.Requests.Where(r => r.Method == "POST" && where.IsMine(r))];

    private static Task<(HttpStatusCode Status, JsonElement Body)> AnswerAsync(VoteDriver team, PlanningRig rig, string? objectives = null, string? other = null, string? presenter = null, bool nothing = false) =>
        team.InvokeAsync(DemoVerbs.Answer, new JsonObject
        {
            ["demoId"] = DemoId(rig),
            [DemoAnswerData.ObjectivesInput] = objectives,
            [DemoAnswerData.TextInput] = other,
            [DemoAnswerData.PresenterInput] = presenter,
            [DemoAnswerData.NothingInput] = nothing ? "true" : "false",
        }, PlanningRig.MemberAad, "Megan Bowen");

    private static Task<(HttpStatusCode Status, JsonElement Body)> FeedbackAsync(
        VoteDriver where, PlanningRig rig, string itemId, string verdict, string? comment, string userAad, string userName = "Lynne Robbins") =>
        where.InvokeAsync(DemoVerbs.Feedback, new JsonObject
        {
            ["demoId"] = DemoId(rig),
            ["artId"] = rig.Art.Id,
            [DemoAgendaCard.ItemInput] = itemId,
            [DemoFeedbackData.VerdictInput] = verdict,
            [DemoFeedbackData.CommentInput] = comment,
        }, userAad, userName);

    private async Task<RecordedRequest> AgendaUpdateAsync(PlanningRig rig, VoteDriver where, string contains)
    {
        await rig.Timers.WhenTimersDueInAsync(SharedDemoAgendaUpdater.Delay).WithinDeadline("the agenda update waits for its delay");
        rig.Clock.Advance(SharedDemoAgendaUpdater.Delay);
        return (await bot.Connector.WaitForAsync(r => r.Method == "PUT" && where.IsMine(r) && r.AllText.Contains(contains, StringComparison.Ordinal)))[^1];
    }

    /// <summary>A Teams meeting chat on the rig's instance: a group chat, not a channel.</summary>
    private static VoteDriver MeetingChat(PlanningRig rig) => new(rig.Bot, rig.Client) { Token = rig.Home.Token };

    private static void AsMeetingChat(JsonObject activity)
    {
        activity["conversation"]!["conversationType"] = "groupChat";
        var channelData = activity["channelData"]!.AsObject();
        channelData.Remove("channel");
        channelData.Remove("team");
        channelData["meeting"] = new JsonObject { ["id"] = "MCMxOTptZWV0aW5n" };
    }

    [Fact]
    public async Task Prompts_go_to_each_team_once_from_the_prompt_time_even_with_two_instances_ticking()
    {
        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false, settings: Unpaced);
        await rig.AddObjectiveAsync(rig.Rocket, "Faster checkout");
        rig.Clock.SetUtcNow(BeforePrompts);
        await TickAsync(rig);
        Assert.DoesNotContain(Posts(rig.Rocket), p => p.AllText.Contains("System Demo", StringComparison.Ordinal));

        rig.Clock.SetUtcNow(PromptsDue);
        var other = ActivatorUtilities.CreateInstance<DemoScheduler>(rig.Services);
        var art = (await rig.Services.GetRequiredService<IArtStore>().GetAsync(rig.Art.TenantId, rig.Art.Id, default))!;
        await Task.WhenAll(rig.Services.GetRequiredService<DemoScheduler>().TickArtAsync(art, default), other.TickArtAsync(art, default));
        await TickAsync(rig, other);

        // Once every prompt is out, a tick of the prompt window skips the teams on one read: no insert refused by storage.
        var refused = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is Azure.RequestFailedException)
            {
                Interlocked.Increment(ref refused);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            await TickAsync(rig);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.Equal(0, refused);

        var rocket = Assert.Single(Posts(rig.Rocket), p => p.AllText.Contains("System Demo: what will Rocket show?", StringComparison.Ordinal));
        Assert.Contains("Faster checkout", rocket.AllText, StringComparison.Ordinal);
        Assert.Contains("The demo is on Fri 15 Jan 2027, 14:00 UTC.", rocket.AllText, StringComparison.Ordinal);
        Assert.Single(Posts(rig.Comet), p => p.AllText.Contains("System Demo: what will Comet show?", StringComparison.Ordinal));
        Assert.DoesNotContain(Posts(rig.Home), p => p.AllText.Contains("System Demo agenda", StringComparison.Ordinal));

        var answers = rig.Services.GetRequiredService<IPlanStore<DemoTeamAnswer>>();
        var part = (await answers.GetAsync(rig.Art.TenantId, rig.Art.Id, AnswerId(rig, rig.Rocket), default))!;
        Assert.NotNull(part.PromptActivityId);

        // `demo` in a team's channel posts the team's prompt again.
        var again = await rig.Rocket.CommandAsync("demo", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("System Demo: what will Rocket show?", again.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_prompt_is_posted_on_a_later_tick()
    {
        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false, settings: Unpaced);
        rig.Clock.SetUtcNow(PromptsDue);
        var path = "/v3/conversations/" + rig.Comet.ConversationId + "/activities";
        bot.Connector.FailPaths[path] = 403;
        try
        {
            await TickAsync(rig);
        }
        finally
        {
            bot.Connector.FailPaths.TryRemove(path, out _);
        }

        Assert.Single(Posts(rig.Rocket), p => p.AllText.Contains("what will Rocket show?", StringComparison.Ordinal));
        var answers = rig.Services.GetRequiredService<IPlanStore<DemoTeamAnswer>>();
        Assert.Null((await answers.GetAsync(rig.Art.TenantId, rig.Art.Id, AnswerId(rig, rig.Comet), default))!.PromptActivityId);

        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        await TickAsync(rig);
        Assert.Single(Posts(rig.Rocket), p => p.AllText.Contains("what will Rocket show?", StringComparison.Ordinal));
        Assert.Contains(Posts(rig.Comet), p => p.AllText.Contains("what will Comet show?", StringComparison.Ordinal));
        Assert.NotNull((await answers.GetAsync(rig.Art.TenantId, rig.Art.Id, AnswerId(rig, rig.Comet), default))!.PromptActivityId);
    }

    [Fact]
    public async Task Answers_feedback_and_problems_make_the_agenda_which_is_posted_once_and_updated_in_place()
    {
        await using var rig = await PlanningRig.StartAsync(bot, settings: Unpaced);
        var (objectiveId, _) = await rig.AddObjectiveAsync(rig.Rocket, "Faster checkout");
        rig.Clock.SetUtcNow(PromptsDue);
        await TickAsync(rig);

        // Rocket picks its objective and names another item; bad answers are refused with a reason.
        var (_, empty) = await AnswerAsync(rig.Rocket, rig);
        Assert.Equal("NoItems", VoteDriver.ErrorCode(empty));
        var (_, long_) = await AnswerAsync(rig.Rocket, rig, other: new string('x', DemoItem.MaxTitle + 1));
        Assert.Equal("TitleTooLong", VoteDriver.ErrorCode(long_));
        var (_, elsewhere) = await rig.Home.InvokeAsync(DemoVerbs.Answer, new JsonObject { ["demoId"] = DemoId(rig), ["other"] = "x" }, PlanningRig.RteAad, "Riley RTE");
        Assert.Equal("NotTeam", VoteDriver.ErrorCode(elsewhere));
        var (status, saved) = await AnswerAsync(rig.Rocket, rig, objectives: objectiveId, other: "New icons", presenter: "Megan");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Saved: Faster checkout and New icons", VoteDriver.CardText(saved), StringComparison.Ordinal);

        // The agenda goes to the ART's channel at its time, once.
        rig.Clock.SetUtcNow(AgendaDue);
        await TickAsync(rig);
        await TickAsync(rig, ActivatorUtilities.CreateInstance<DemoScheduler>(rig.Services));
        var agenda = Assert.Single(Posts(rig.Home), p => p.AllText.Contains("System Demo agenda", StringComparison.Ordinal));
        Assert.Contains("• **Faster checkout** · Megan", agenda.AllText, StringComparison.Ordinal);
        Assert.Contains("Not answered yet: Comet", agenda.AllText, StringComparison.Ordinal);

        // Comet answers: the agenda follows in place.
        await AnswerAsync(rig.Comet, rig, nothing: true);
        var updated = await AgendaUpdateAsync(rig, rig.Home, "Nothing to show this time.");
        Assert.DoesNotContain("Not answered yet", updated.AllText, StringComparison.Ordinal);

        // Feedback on an item: the giver's own view, the counts on the shared card; giving it again replaces it.
        var itemId = DemoIds.Item(AnswerId(rig, rig.Rocket), DemoItemKind.Objective, objectiveId);
        var (_, own) = await FeedbackAsync(rig.Home, rig, itemId, "NeedsWork", "Too slow on mobile", PlanningRig.BoAad);
        Assert.Contains("Your feedback: Needs work", VoteDriver.CardText(own), StringComparison.Ordinal);
        Assert.Contains("Thanks: your feedback is saved", VoteDriver.CardText(own), StringComparison.Ordinal);
        await AgendaUpdateAsync(rig, rig.Home, "Accepted 0 · needs work 1 · not shown 0");
        var (_, replaced) = await FeedbackAsync(rig.Rocket, rig, itemId, "Accepted", null, PlanningRig.BoAad);
        Assert.Contains("Your feedback: Accepted", VoteDriver.CardText(replaced), StringComparison.Ordinal);
        Assert.Contains("Accepted 1 · needs work 0 · not shown 0", VoteDriver.CardText(replaced), StringComparison.Ordinal);
        var shared = await AgendaUpdateAsync(rig, rig.Home, "Accepted 1 · needs work 0 · not shown 0");
        Assert.Contains(PlanningRig.BoAad, shared.Body!.Value.GetRawText(), StringComparison.Ordinal); // the refresh lists the giver
        var feedback = rig.Services.GetRequiredService<IPlanStore<DemoFeedback>>();
        var rows = (await feedback.ListAsync(rig.Art.TenantId, rig.Art.Id, default)).Where(f => f.DemoId == DemoId(rig)).ToList();
        var row = Assert.Single(rows);
        Assert.Equal((DemoVerdict.Accepted, (string?)null, rig.Rocket.ConversationId), (row.Verdict, row.Comment, row.TeamConversationId));
        var history = await feedback.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, row.Id, default);
        Assert.Equal(["comment", PlanChange.CreatedField, "verdict"], history.Select(h => h.Field).Order(StringComparer.Ordinal));

        // Someone else's view: their own (none yet), from "My feedback".
        var (_, theirs) = await rig.Home.InvokeAsync(DemoVerbs.Refresh, new JsonObject { ["demoId"] = DemoId(rig), ["artId"] = rig.Art.Id }, "someone-aad", "Some One");
        Assert.DoesNotContain("Your feedback", VoteDriver.CardText(theirs), StringComparison.Ordinal);
        Assert.Contains("Accepted 1", VoteDriver.CardText(theirs), StringComparison.Ordinal);

        // Bad feedback is refused with a reason.
        Assert.Equal("InvalidVerdict", VoteDriver.ErrorCode((await FeedbackAsync(rig.Home, rig, itemId, "Great", null, "x-aad")).Body));
        Assert.Equal("UnknownItem", VoteDriver.ErrorCode((await FeedbackAsync(rig.Home, rig, "nope", "Accepted", null, "x-aad")).Body));
        Assert.Equal("CommentTooLong", VoteDriver.ErrorCode((await FeedbackAsync(rig.Home, rig, itemId, "Accepted", new string('c', DemoFeedback.MaxComment + 1), "x-aad")).Body));
        var stranger = new VoteDriver(bot, rig.Client) { Token = rig.Home.Token };
        Assert.Equal("NotHere", VoteDriver.ErrorCode((await FeedbackAsync(stranger, rig, itemId, "Accepted", null, "x-aad")).Body));

        // An integration problem on the item: recorded, raised by the person, counted on the agenda.
        var (_, missing) = await rig.Home.InvokeAsync(DemoVerbs.Problem, new JsonObject { ["demoId"] = DemoId(rig), ["artId"] = rig.Art.Id, [DemoAgendaCard.ProblemItemInput] = itemId }, PlanningRig.BoAad, "Lynne Robbins");
        Assert.Equal("WhatFailedMissing", VoteDriver.ErrorCode(missing));
        var (_, recorded) = await rig.Home.InvokeAsync(DemoVerbs.Problem, new JsonObject
        {
            ["demoId"] = DemoId(rig), ["artId"] = rig.Art.Id, [DemoAgendaCard.ProblemItemInput] = itemId, [DemoProblemData.WhatInput] = "Checkout broke search",
        }, PlanningRig.BoAad, "Lynne Robbins");
        Assert.Contains("The integration problem is recorded", VoteDriver.CardText(recorded), StringComparison.Ordinal);
        Assert.Contains("integration problems 1", VoteDriver.CardText(recorded), StringComparison.Ordinal);
        var problem = Assert.Single(await rig.Services.GetRequiredService<IPlanStore<IntegrationProblem>>().ListAsync(rig.Art.TenantId, rig.Art.Id, default), p => p.DemoId == DemoId(rig));
        Assert.Equal(("Checkout broke search", "Rocket", PlanningRig.BoAad, itemId), (problem.WhatFailed, problem.TeamName, problem.RaisedBy.Id, problem.ItemId));
        await AgendaUpdateAsync(rig, rig.Home, "integration problems 1");
        Assert.Single(Posts(rig.Home), p => p.AllText.Contains("System Demo agenda", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rtes_move_skip_and_set_the_demos_others_are_told_who_can_and_bad_arguments_get_the_usage()
    {
        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false, settings: Unpaced);
        rig.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero));

        // Many messages in one channel: the clock moves on between them (Teams' per-conversation limits wait on it).
        Task<RecordedRequest> Say(VoteDriver where, string text, string user, string name)
        {
            rig.Clock.Advance(TimeSpan.FromSeconds(5));
            return where.CommandAsync(text, user, name);
        }

        var posted = await Say(rig.Home, "demo", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("System Demo agenda", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("Fri 15 Jan 2027, 14:00 UTC", posted.AllText, StringComparison.Ordinal);
        Assert.Contains("0 of 2 teams have said what they will show.", posted.AllText, StringComparison.Ordinal);

        var refused = await Say(rig.Home, "demo skip", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("Only the RTEs of", refused.AllText, StringComparison.Ordinal);
        Assert.Contains("Riley RTE", refused.AllText, StringComparison.Ordinal);

        var moved = await Say(rig.Home, "demo move 1 2027-01-14 10:30", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("The demo of iteration 1 is now on Thu 14 Jan 2027, 10:30 UTC.", moved.AllText, StringComparison.Ordinal);
        await AgendaUpdateAsync(rig, rig.Home, "Thu 14 Jan 2027, 10:30 UTC");
        var demos = rig.Services.GetRequiredService<IPlanStore<SystemDemo>>();
        var history = await demos.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, DemoId(rig), default);
        Assert.Contains(history, h => h.Field == "date" && h.From == "2027-01-15" && h.To == "2027-01-14" && h.By.Id == PlanningRig.RteAad);

        var skipped = await Say(rig.Home, "demo skip 2", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("The demo of iteration 2 is skipped", skipped.AllText, StringComparison.Ordinal);
        var unskipped = await Say(rig.Home, "demo unskip 2", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("The demo of iteration 2 is on again: Fri 29 Jan 2027, 14:00 UTC.", unskipped.AllText, StringComparison.Ordinal);
        var skips = await demos.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, DemoId(rig, 2), default);
        Assert.Equal(["false>true", "true>false"], skips.Where(h => h.Field == "skipped").Select(h => h.From + ">" + h.To));

        var settings = await Say(rig.Home, "demo settings 15:30 prompt 2 agenda 4", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("System Demos are now at 15:30 UTC; teams are asked 2 days before, the agenda comes 4 hours before.", settings.AllText, StringComparison.Ordinal);
        var art = (await rig.Services.GetRequiredService<IArtStore>().GetAsync(rig.Art.TenantId, rig.Art.Id, default))!;
        Assert.Equal(new DemoSchedule(new TimeOnly(15, 30)) { PromptLead = TimeSpan.FromDays(2), AgendaLead = TimeSpan.FromHours(4) }, art.Demo);
        // The moved demo keeps its time.
        Assert.Equal(new TimeOnly(10, 30), DemoAgendaReader.When(art, (await demos.GetAsync(art.TenantId, art.Id, DemoId(rig), default))!).Time);
        var refusedSettings = await Say(rig.Rocket, "demo settings 9:00", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("Only the RTEs of", refusedSettings.AllText, StringComparison.Ordinal);

        foreach (var bad in new[] { "demo frobnicate", "demo move tomorrow", "demo settings 25:00", "demo skip x" })
        {
            var usage = await Say(rig.Home, bad, PlanningRig.RteAad, "Riley RTE");
            Assert.Contains("Usage: `demo`", usage.AllText, StringComparison.Ordinal);
        }

        var outside = await Say(rig.Home, "demo move 2027-05-01", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("can only move to a day of the PI", outside.AllText, StringComparison.Ordinal);
        var noIteration = await Say(rig.Home, "demo skip 9", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("There is no iteration 9 in PI 2027.1.", noIteration.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_linked_meeting_chat_gets_the_agenda_and_takes_feedback()
    {
        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false, settings: Unpaced);
        rig.Clock.SetUtcNow(PromptsDue);
        var chat = MeetingChat(rig);
        var name = rig.Art.Name;

        var inChannel = await rig.Home.CommandAsync("demo meeting", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("type it in the meeting's chat", inChannel.AllText, StringComparison.Ordinal);
        var refused = await chat.CommandAsync("demo meeting " + name, PlanningRig.MemberAad, "Megan Bowen", AsMeetingChat);
        Assert.Contains("Only the RTEs of", refused.AllText, StringComparison.Ordinal);
        var unknown = await chat.CommandAsync("demo meeting No Such Train", PlanningRig.RteAad, "Riley RTE", AsMeetingChat);
        Assert.Contains("No ART is called No Such Train.", unknown.AllText, StringComparison.Ordinal);
        var linked = await chat.CommandAsync("demo meeting " + name, PlanningRig.RteAad, "Riley RTE", AsMeetingChat);
        Assert.Contains("This chat is linked to the demo of iteration 1", linked.AllText, StringComparison.Ordinal);
        var demo = (await rig.Services.GetRequiredService<IPlanStore<SystemDemo>>().GetAsync(rig.Art.TenantId, rig.Art.Id, DemoId(rig), default))!;
        Assert.Equal(chat.ConversationId, demo.MeetingConversationId);

        await TickAsync(rig);
        await AnswerAsync(rig.Rocket, rig, other: "Login flow", presenter: "Megan");
        rig.Clock.SetUtcNow(AgendaDue);
        await TickAsync(rig);
        await TickAsync(rig);
        Assert.Single(Posts(rig.Home), p => p.AllText.Contains("System Demo agenda", StringComparison.Ordinal));
        var inMeeting = Assert.Single(Posts(chat), p => p.AllText.Contains("System Demo agenda", StringComparison.Ordinal));
        Assert.Contains("Login flow", inMeeting.AllText, StringComparison.Ordinal);

        // Feedback from the meeting chat: both copies follow.
        var itemId = DemoIds.Item(AnswerId(rig, rig.Rocket), DemoItemKind.Text, "LOGIN FLOW");
        var (_, own) = await FeedbackAsync(chat, rig, itemId, "NotShown", null, "guest-aad", "Guest");
        Assert.Contains("Your feedback: Not shown", VoteDriver.CardText(own), StringComparison.Ordinal);
        await AgendaUpdateAsync(rig, chat, "not shown 1");
        await bot.Connector.WaitForAsync(r => r.Method == "PUT" && rig.Home.IsMine(r) && r.AllText.Contains("not shown 1", StringComparison.Ordinal));
    }
}
