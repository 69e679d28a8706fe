using System.Net;
using System.Text.Json.Nodes;
using ArtBot.Domain.Planning;
using ArtBot.Features.Objectives;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;

namespace ArtBot.IntegrationTests.Planning;

/// <summary>PI objectives, business values and predictability through POST /api/messages, on a clock the test controls.</summary>
[Collection(BotTests.Name)]
public sealed class ObjectiveTests(BotHost bot)
{
    [Fact]
    public async Task Teams_add_objectives_in_their_channel_the_art_channel_lists_every_teams_and_a_redelivered_add_creates_nothing_twice()
    {
        await using var rig = await PlanningRig.StartAsync(bot);

        var empty = await rig.Rocket.CommandAsync("objectives", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("PI objectives: Rocket", empty.AllText, StringComparison.Ordinal);
        Assert.Contains("No objectives yet.", empty.AllText, StringComparison.Ordinal);
        Assert.Contains("Open for changes until the PI starts on 4 Jan 2027", empty.AllText, StringComparison.Ordinal);

        var (_, first) = await rig.AddObjectiveAsync(rig.Rocket, "Ship the payments API to production", activityId: "add-once");
        Assert.Contains("Objective added.", first, StringComparison.Ordinal);
        await rig.AddObjectiveAsync(rig.Rocket, "Ship the payments API to production", activityId: "add-once"); // a redelivery
        var (_, stretch) = await rig.AddObjectiveAsync(rig.Rocket, "Pilot instant refunds", stretch: true);
        Assert.Contains("1 committed objective, planned business value 0 (1 without a planned value yet); 1 uncommitted", stretch, StringComparison.Ordinal);
        await rig.AddObjectiveAsync(rig.Comet, "Fraud scoring service live");

        var all = await rig.Objectives.ListAsync(rig.Art.TenantId, rig.Art.Id, default);
        Assert.Equal(3, all.Count);
        var history = await rig.Objectives.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, all[0].Id, default);
        Assert.Equal(ObjectiveField.Created, Assert.Single(history).Field);
        Assert.Equal(PlanningRig.MemberAad, history[0].By.Id);

        var overview = await rig.Home.CommandAsync("objectives", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("every team's, grouped by team", overview.AllText, StringComparison.Ordinal);
        Assert.True(overview.AllText.IndexOf("Comet", StringComparison.Ordinal) < overview.AllText.IndexOf("Rocket", StringComparison.Ordinal));
        Assert.Contains("Fraud scoring service live", overview.AllText, StringComparison.Ordinal);
        Assert.Contains("Pilot instant refunds", overview.AllText, StringComparison.Ordinal);

        // From the ART's channel, "Open Rocket" shows Rocket's card there; Comet's channel cannot open Rocket's.
        var (_, opened) = await rig.Home.InvokeAsync(TeamObjectivesCard.ShowVerb, new JsonObject { ["team"] = rig.Rocket.ConversationId }, PlanningRig.BoAad, "Lynne Robbins");
        Assert.Contains("PI objectives: Rocket", VoteDriver.CardText(opened), StringComparison.Ordinal);
        var (_, foreign) = await rig.Comet.InvokeAsync(TeamObjectivesCard.ShowVerb, new JsonObject { ["team"] = rig.Rocket.ConversationId }, PlanningRig.MemberAad);
        Assert.Equal("UnknownTeam", VoteDriver.ErrorCode(foreign));
    }

    [Fact]
    public async Task Bad_objective_input_gets_a_clear_error_and_changes_nothing()
    {
        await using var rig = await PlanningRig.StartAsync(bot);
        var (id, _) = await rig.AddObjectiveAsync(rig.Rocket, "Ship the payments API");

        var (_, tooLong) = await rig.Rocket.InvokeAsync(TeamObjectivesCard.AddVerb, new JsonObject
        {
            ["team"] = rig.Rocket.ConversationId,
            [ObjectiveAddData.TextInput] = new string('x', 5_000),
        }, PlanningRig.MemberAad);
        Assert.Equal("InvalidObjective", VoteDriver.ErrorCode(tooLong));
        var (_, outOfRange) = await PlanningRig.SetValueAsync(rig.Home, rig.Rocket, id, TeamObjectivesCard.PlannedVerb, "11");
        Assert.Equal("InvalidValue", VoteDriver.ErrorCode(outOfRange));
        var (_, zero) = await PlanningRig.SetValueAsync(rig.Home, rig.Rocket, id, TeamObjectivesCard.PlannedVerb, "0");
        Assert.Equal("InvalidValue", VoteDriver.ErrorCode(zero));
        var (_, notOwner) = await PlanningRig.SetValueAsync(rig.Rocket, rig.Rocket, id, TeamObjectivesCard.PlannedVerb, "8", PlanningRig.MemberAad);
        Assert.Equal("NotABusinessOwner", VoteDriver.ErrorCode(notOwner));
        var (_, unknownTeam) = await rig.Home.InvokeAsync(TeamObjectivesCard.AddVerb, new JsonObject
        {
            ["team"] = "19:not-a-team@thread.tacv2",
            [ObjectiveAddData.TextInput] = "Something",
        }, PlanningRig.RteAad);
        Assert.Equal("UnknownTeam", VoteDriver.ErrorCode(unknownTeam));
        var (_, otherTenant) = await rig.Rocket.InvokeAsync(TeamObjectivesCard.PlannedVerb, new JsonObject
        {
            ["team"] = rig.Rocket.ConversationId, ["id"] = id, [ObjectiveValueData.ValueInput(id)] = "8",
        }, PlanningRig.BoAad, tenantId: "00000000-0000-0000-0000-0000000000ff");
        Assert.Equal("NotInArt", VoteDriver.ErrorCode(otherTenant));
        var (_, earlyActual) = await PlanningRig.SetValueAsync(rig.Home, rig.Rocket, id, TeamObjectivesCard.ActualVerb, "5");
        Assert.Equal("TooEarly", VoteDriver.ErrorCode(earlyActual));

        var stored = await rig.Objectives.GetAsync(rig.Art.TenantId, rig.Art.Id, id, default);
        Assert.Null(stored!.PlannedValue);
        Assert.Null(stored.ActualValue);
        Assert.Single(await rig.Objectives.ListAsync(rig.Art.TenantId, rig.Art.Id, default));
        Assert.Single(await rig.Objectives.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, id, default));
    }

    [Fact]
    public async Task A_business_owner_sets_planned_values_the_history_keeps_who_and_when_and_the_team_vote_states_the_commitment()
    {
        await using var rig = await PlanningRig.StartAsync(bot);
        var (payments, _) = await rig.AddObjectiveAsync(rig.Rocket, "Ship the payments API");
        var (refunds, _) = await rig.AddObjectiveAsync(rig.Rocket, "Pilot instant refunds");
        await rig.AddObjectiveAsync(rig.Rocket, "Explore open banking", stretch: true);

        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        var (status, planned) = await PlanningRig.SetValueAsync(rig.Home, rig.Rocket, payments, TeamObjectivesCard.PlannedVerb, "8", seen: "");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Saved.", VoteDriver.CardText(planned), StringComparison.Ordinal);
        var (_, byRte) = await PlanningRig.SetValueAsync(rig.Rocket, rig.Rocket, refunds, TeamObjectivesCard.PlannedVerb, "5", PlanningRig.RteAad);
        Assert.Contains("2 committed objectives, planned business value 13; 1 uncommitted", VoteDriver.CardText(byRte), StringComparison.Ordinal);

        var history = await rig.Objectives.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, payments, default);
        var change = history[^1];
        Assert.Equal((ObjectiveField.Planned, null, "8", PlanningRig.BoAad, PlanningRig.BeforePi.AddMinutes(5)), (change.Field, change.From, change.To, change.By.Id, change.At));
        var (_, shown) = await rig.Rocket.InvokeAsync(TeamObjectivesCard.HistoryVerb, new JsonObject { ["team"] = rig.Rocket.ConversationId, ["id"] = payments }, PlanningRig.MemberAad);
        Assert.Contains("Lynne Robbins: planned business value: none \u2192 8", VoteDriver.CardText(shown), StringComparison.Ordinal);

        // The card showed "8"; another Business Owner's change to 9 meanwhile is not overwritten by a stale "7".
        await PlanningRig.SetValueAsync(rig.Home, rig.Rocket, payments, TeamObjectivesCard.PlannedVerb, "9", seen: "8");
        var (_, stale) = await PlanningRig.SetValueAsync(rig.Home, rig.Rocket, payments, TeamObjectivesCard.PlannedVerb, "7", seen: "8");
        Assert.Contains("Not saved: someone changed this objective meanwhile", VoteDriver.CardText(stale), StringComparison.Ordinal);
        Assert.Equal(9, (await rig.Objectives.GetAsync(rig.Art.TenantId, rig.Art.Id, payments, default))!.PlannedValue);

        var vote = await rig.Rocket.CommandAsync("vote Are we confident in our PI objectives?", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("The team commits to: 2 committed objectives, planned business value 14; 1 uncommitted", vote.AllText, StringComparison.Ordinal);
        var artVote = await rig.Home.CommandAsync("vote Is the ART confident?", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("The ART commits to: 2 committed objectives, planned business value 14", artVote.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Objectives_lock_when_the_pi_starts_until_an_rte_reopens_them_and_edits_keep_their_history()
    {
        await using var rig = await PlanningRig.StartAsync(bot);
        var (id, _) = await rig.AddObjectiveAsync(rig.Rocket, "Ship the payments API");
        rig.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero));

        var edit = new JsonObject
        {
            ["team"] = rig.Rocket.ConversationId, ["id"] = id, ["seen"] = "committed|Ship the payments API",
            [ObjectiveEditData.TextInput(id)] = "Ship the payments API to all EU markets",
            [ObjectiveEditData.StretchInput(id)] = "false",
        };
        var (_, locked) = await rig.Rocket.InvokeAsync(TeamObjectivesCard.EditVerb, edit.DeepClone().AsObject(), PlanningRig.MemberAad);
        Assert.Equal("ObjectivesLocked", VoteDriver.ErrorCode(locked));
        var (_, lockedAdd) = await rig.Rocket.InvokeAsync(TeamObjectivesCard.AddVerb, new JsonObject
        {
            ["team"] = rig.Rocket.ConversationId, [ObjectiveAddData.TextInput] = "Late idea",
        }, PlanningRig.MemberAad);
        Assert.Equal("ObjectivesLocked", VoteDriver.ErrorCode(lockedAdd));

        var refused = await rig.Rocket.CommandAsync("objectives reopen", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("Only the RTEs", refused.AllText, StringComparison.Ordinal);
        var reopened = await rig.Home.CommandAsync("objectives reopen", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("open for changes again", reopened.AllText, StringComparison.Ordinal);

        var (_, saved) = await rig.Rocket.InvokeAsync(TeamObjectivesCard.EditVerb, edit.DeepClone().AsObject(), PlanningRig.MemberAad);
        Assert.Contains("Ship the payments API to all EU markets", VoteDriver.CardText(saved), StringComparison.Ordinal);
        var (_, redelivered) = await rig.Rocket.InvokeAsync(TeamObjectivesCard.EditVerb, edit.DeepClone().AsObject(), PlanningRig.MemberAad);
        Assert.Contains("Saved.", VoteDriver.CardText(redelivered), StringComparison.Ordinal);
        var (_, late) = await rig.AddObjectiveAsync(rig.Rocket, "Late idea");
        Assert.Contains("added after the PI started", late, StringComparison.Ordinal);

        var history = await rig.Objectives.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, id, default);
        Assert.Equal([ObjectiveField.Created, ObjectiveField.Text], history.Select(h => h.Field));
        Assert.Equal("Ship the payments API", history[1].From);

        var relocked = await rig.Home.CommandAsync("objectives lock", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("locked", relocked.AllText, StringComparison.Ordinal);
        var (_, lockedAgain) = await rig.Rocket.InvokeAsync(TeamObjectivesCard.EditVerb, edit.DeepClone().AsObject(), PlanningRig.MemberAad);
        Assert.Equal("ObjectivesLocked", VoteDriver.ErrorCode(lockedAgain));
    }

    [Fact]
    public async Task Actual_values_open_in_the_last_iteration_and_predictability_shows_each_team_and_the_art_and_opens_inspect_and_adapt()
    {
        await using var rig = await PlanningRig.StartAsync(bot);
        var (payments, _) = await rig.AddObjectiveAsync(rig.Rocket, "Ship the payments API");
        var (refunds, _) = await rig.AddObjectiveAsync(rig.Rocket, "Pilot instant refunds", stretch: true);
        var (fraud, _) = await rig.AddObjectiveAsync(rig.Comet, "Fraud scoring service live");
        var (unplanned, _) = await rig.AddObjectiveAsync(rig.Comet, "Retire the legacy rules engine");
        await PlanningRig.SetValueAsync(rig.Home, rig.Rocket, payments, TeamObjectivesCard.PlannedVerb, "8");
        await PlanningRig.SetValueAsync(rig.Home, rig.Rocket, refunds, TeamObjectivesCard.PlannedVerb, "3");
        await PlanningRig.SetValueAsync(rig.Home, rig.Comet, fraud, TeamObjectivesCard.PlannedVerb, "10");

        rig.Clock.SetUtcNow(PlanningRig.InLastIteration);
        await PlanningRig.SetValueAsync(rig.Home, rig.Rocket, payments, TeamObjectivesCard.ActualVerb, "7");
        await PlanningRig.SetValueAsync(rig.Home, rig.Rocket, refunds, TeamObjectivesCard.ActualVerb, "3");
        await PlanningRig.SetValueAsync(rig.Home, rig.Comet, fraud, TeamObjectivesCard.ActualVerb, "8");
        var (_, notOwner) = await PlanningRig.SetValueAsync(rig.Comet, rig.Comet, unplanned, TeamObjectivesCard.ActualVerb, "2", PlanningRig.MemberAad);
        Assert.Equal("NotABusinessOwner", VoteDriver.ErrorCode(notOwner));
        var (_, outOfRange) = await PlanningRig.SetValueAsync(rig.Home, rig.Comet, unplanned, TeamObjectivesCard.ActualVerb, "12");
        Assert.Equal("InvalidValue", VoteDriver.ErrorCode(outOfRange));
        await PlanningRig.SetValueAsync(rig.Home, rig.Comet, unplanned, TeamObjectivesCard.ActualVerb, "0");

        var chart = await rig.Rocket.CommandAsync("predictability", PlanningRig.MemberAad, "Megan Bowen");
        var text = chart.AllText;
        Assert.Contains("ART predictability", text, StringComparison.Ordinal);
        Assert.Contains("80-100%", text, StringComparison.Ordinal);
        Assert.Contains("125% above", text, StringComparison.Ordinal); // Rocket: (7 + 3) / 8
        Assert.Contains("80% in band", text, StringComparison.Ordinal); // Comet: 8 / 10
        Assert.Contains("100% in band", text, StringComparison.Ordinal); // ART: 18 / 18
        Assert.Contains("Without a planned business value (1)", text, StringComparison.Ordinal);
        Assert.Contains("Comet: Retire the legacy rules engine", text, StringComparison.Ordinal);

        var inspect = await rig.Home.CommandAsync("inspect start", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("ART predictability", inspect.AllText, StringComparison.Ordinal);
        await bot.Connector.WaitForAsync(r => r.Method == "POST" && rig.Home.IsMine(r) && r.AllText.Contains("Problem-solving workshop", StringComparison.Ordinal));
    }
}
