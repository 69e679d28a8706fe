using System.Net;
using System.Text.Json.Nodes;
using ArtBot.Domain.Planning;
using ArtBot.Features.Objectives;
using ArtBot.Domain.People;
using ArtBot.IntegrationTests.Board;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using Microsoft.Extensions.DependencyInjection;

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
        Assert.Contains("Quantitative review of", inspect.AllText, StringComparison.Ordinal);
        Assert.Contains("Predictability", inspect.AllText, StringComparison.Ordinal);
        Assert.Contains("ART: 100%", inspect.AllText, StringComparison.Ordinal); // 18 / 18, no PI before it
        await bot.Connector.WaitForAsync(r => r.Method == "POST" && rig.Home.IsMine(r) && r.AllText.Contains("Problem-solving workshop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_objective_names_the_features_it_covers_the_cards_show_them_the_history_keeps_the_change_and_another_teams_feature_is_refused()
    {
        await using var rig = await PlanningRig.StartAsync(bot);
        var checkout = await AddFeatureAsync(rig, "Checkout", rig.Rocket, rig.Comet);
        var search = await AddFeatureAsync(rig, "Search", rig.Rocket);
        var fraud = await AddFeatureAsync(rig, "Fraud scoring", rig.Comet);
        var lastPi = await AddFeatureAsync(rig, "Last PI's wallet", rig.Rocket, pi: "PI 2026.4");

        // The add form offers Rocket's features of this PI: not Comet's alone, not last PI's.
        var card = await rig.Rocket.CommandAsync("objectives", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("Covers features (optional)", card.AllText, StringComparison.Ordinal);
        Assert.Contains("Checkout", card.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Fraud scoring", card.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("wallet", card.AllText, StringComparison.Ordinal);

        var (status, added) = await rig.Rocket.InvokeAsync(TeamObjectivesCard.AddVerb, new JsonObject
        {
            ["team"] = rig.Rocket.ConversationId,
            [ObjectiveAddData.TextInput] = "Customers pay in one page",
            [ObjectiveAddData.FeaturesInput] = $"{search},{checkout}",
        }, PlanningRig.MemberAad, "Megan Bowen");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Covers: Checkout, Search", VoteDriver.CardText(added), StringComparison.Ordinal);
        var id = (await rig.Objectives.ListAsync(rig.Art.TenantId, rig.Art.Id, default)).Single().Id;
        Assert.Equal([checkout, search], (await rig.Objectives.GetAsync(rig.Art.TenantId, rig.Art.Id, id, default))!.FeatureIds);

        // Another team's feature or last PI's, on the add form or on "Covers features": a clear error, nothing stored.
        foreach (var foreign in new[] { fraud, lastPi, "0123456789abcdef" })
        {
            var (_, refusedAdd) = await rig.Rocket.InvokeAsync(TeamObjectivesCard.AddVerb, new JsonObject
            {
                ["team"] = rig.Rocket.ConversationId, [ObjectiveAddData.TextInput] = "Something else", [ObjectiveAddData.FeaturesInput] = $"{checkout},{foreign}",
            }, PlanningRig.MemberAad);
            Assert.Equal("UnknownFeature", VoteDriver.ErrorCode(refusedAdd));
            var (_, refused) = await CoverAsync(rig, id, foreign);
            Assert.Equal("UnknownFeature", VoteDriver.ErrorCode(refused));
            Assert.Contains("not one of Rocket's features in this PI", refused.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Single(await rig.Objectives.ListAsync(rig.Art.TenantId, rig.Art.Id, default));
        Assert.Equal([checkout, search], (await rig.Objectives.GetAsync(rig.Art.TenantId, rig.Art.Id, id, default))!.FeatureIds);

        // "Covers features" shows Rocket's features with the covered ones chosen; saving only Search keeps the change in the history.
        var (_, form) = await rig.Rocket.InvokeAsync(TeamObjectivesCard.FeaturesVerb, new JsonObject { ["team"] = rig.Rocket.ConversationId, ["id"] = id }, PlanningRig.MemberAad);
        Assert.Contains("Features this objective covers", VoteDriver.CardText(form), StringComparison.Ordinal);
        Assert.Contains($"{checkout},{search}", form.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        var (_, saved) = await CoverAsync(rig, id, search, seen: $"{checkout},{search}");
        Assert.Contains("Saved.", VoteDriver.CardText(saved), StringComparison.Ordinal);
        Assert.Contains("Covers: Search", VoteDriver.CardText(saved), StringComparison.Ordinal);
        var (_, stale) = await CoverAsync(rig, id, checkout, seen: $"{checkout},{search}");
        Assert.Contains("someone changed this objective meanwhile", VoteDriver.CardText(stale), StringComparison.Ordinal);
        Assert.Equal([search], (await rig.Objectives.GetAsync(rig.Art.TenantId, rig.Art.Id, id, default))!.FeatureIds);

        var change = (await rig.Objectives.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, id, default))[^1];
        Assert.Equal((ObjectiveField.Features, "Checkout, Search", "Search", PlanningRig.MemberAad), (change.Field, change.From, change.To, change.By.Id));
        var (_, history) = await rig.Rocket.InvokeAsync(TeamObjectivesCard.HistoryVerb, new JsonObject { ["team"] = rig.Rocket.ConversationId, ["id"] = id }, PlanningRig.MemberAad);
        Assert.Contains("covered features: Checkout, Search \u2192 Search", VoteDriver.CardText(history), StringComparison.Ordinal);
        var overview = await rig.Home.CommandAsync("objectives", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("Covers: Search", overview.AllText, StringComparison.Ordinal);

        // Once the PI started, the features are locked like the rest of the objective.
        rig.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var (_, locked) = await CoverAsync(rig, id, checkout);
        Assert.Equal("ObjectivesLocked", VoteDriver.ErrorCode(locked));
    }

    [Fact]
    public async Task The_program_board_lists_on_each_feature_the_objectives_covering_it()
    {
        await using var board = await BoardRig.StartAsync(bot);
        var rig = board.Rig;
        var checkout = await AddFeatureAsync(rig, "Checkout", rig.Rocket, rig.Comet);
        await rig.Rocket.InvokeAsync(TeamObjectivesCard.AddVerb, new JsonObject
        {
            ["team"] = rig.Rocket.ConversationId, [ObjectiveAddData.TextInput] = "Customers pay in one page", [ObjectiveAddData.FeaturesInput] = checkout,
        }, PlanningRig.MemberAad, "Megan Bowen");

        var (view, _) = await board.ViewAsync(rig.Home, board.Token(PlanningRig.RteAad, "Riley RTE"));

        var feature = view["features"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == checkout)!;
        Assert.Equal(["Customers pay in one page"], feature["objectives"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    /// <summary>A feature of the ART's backlog (this PI unless <paramref name="pi"/>) with a part for each of <paramref name="teams"/>; its id.</summary>
    private static async Task<string> AddFeatureAsync(PlanningRig rig, string title, VoteDriver first, VoteDriver? second = null, string pi = "PI 2027.1")
    {
        var by = new Person(PlanningRig.RteAad, "Riley RTE");
        var feature = new Feature
        {
            Id = PlanIds.Feature(rig.Art.TenantId, rig.Art.Id, title),
            TenantId = rig.Art.TenantId,
            ArtId = rig.Art.Id,
            Pi = pi,
            PiStart = pi == "PI 2027.1" ? new DateOnly(2027, 1, 4) : new DateOnly(2026, 10, 5),
            Title = title,
            Parts = [.. new[] { first, second }.OfType<VoteDriver>().Select(t => new FeaturePart(t.ConversationId, t == rig.Rocket ? "Rocket" : "Comet", null, null))],
            CreatedBy = by,
            CreatedAt = rig.Clock.GetUtcNow(),
        };
        Assert.True(await rig.Services.GetRequiredService<IPlanStore<Feature>>().CreateAsync(feature, new PlanChange(rig.Clock.GetUtcNow(), by, PlanChange.CreatedField, null, null), default));
        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        return feature.Id;
    }

    /// <summary>"Save" on an objective's "Covers features" card in Rocket's channel, with <paramref name="features"/> chosen.</summary>
    private static Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> CoverAsync(PlanningRig rig, string id, string features, string? seen = null)
    {
        var data = new JsonObject { ["team"] = rig.Rocket.ConversationId, ["id"] = id, [ObjectiveFeaturesData.FeaturesInput(id)] = features };
        if (seen is not null)
        {
            data["seen"] = seen;
        }

        return rig.Rocket.InvokeAsync(TeamObjectivesCard.CoverVerb, data, PlanningRig.MemberAad, "Megan Bowen");
    }
}
