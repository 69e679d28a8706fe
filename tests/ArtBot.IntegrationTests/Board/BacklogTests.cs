using System.Net;
using System.Text.Json.Nodes;
using ArtBot.Domain.Planning;
using ArtBot.Features.Backlog;
using ArtBot.Features.Board;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Planning;
using ArtBot.IntegrationTests.Votes;

namespace ArtBot.IntegrationTests.Board;

/// <summary>Product Managers, the ART backlog's features, the teams' plan cards and milestones, through POST /api/messages.</summary>
[Collection(BotTests.Name)]
public sealed class BacklogTests(BotHost bot)
{
    [Fact]
    public async Task Rtes_name_product_managers_who_then_keep_the_backlog_and_others_hear_who_can()
    {
        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false);

        Assert.Contains("Only the RTEs of", await rig.PmAsync("add", PlanningRig.MemberAad), StringComparison.Ordinal);
        var refused = await rig.SayAsync(rig.Home, "feature add", BacklogRig.PmAad, BacklogRig.PmName);
        Assert.Contains($"Only the Product Managers and RTEs of {rig.Art.Name} (Riley RTE) keep the ART backlog", refused.AllText, StringComparison.Ordinal);
        var (_, notYet) = await rig.AddFeatureAsync("Payments API", rig.Rocket.ConversationId);
        Assert.Equal("NotAProductManager", VoteDriver.ErrorCode(notYet));

        Assert.Contains($"Pat Product is now a Product Manager of {rig.Art.Name}.", await rig.PmAsync("add"), StringComparison.Ordinal);
        var art = await rig.SayAsync(rig.Home, "art", PlanningRig.MemberAad);
        Assert.Contains("Product Managers", art.AllText, StringComparison.Ordinal);
        Assert.Contains("Pat Product", art.AllText, StringComparison.Ordinal);
        var form = await rig.SayAsync(rig.Home, "feature add", BacklogRig.PmAad, BacklogRig.PmName);
        Assert.Contains("Add a feature to PI 2027.1", form.AllText, StringComparison.Ordinal);
        Assert.Contains("Time criticality", form.AllText, StringComparison.Ordinal);
        Assert.Contains("Rocket", form.AllText, StringComparison.Ordinal);
        var member = await rig.SayAsync(rig.Home, "features add", PlanningRig.MemberAad);
        Assert.Contains("(Pat Product, Riley RTE) keep the ART backlog", member.AllText, StringComparison.Ordinal);

        Assert.Contains($"Pat Product is no longer a Product Manager of {rig.Art.Name}.", await rig.PmAsync("remove"), StringComparison.Ordinal);
        var (_, removed) = await rig.AddFeatureAsync("Payments API", rig.Rocket.ConversationId);
        Assert.Equal("NotAProductManager", VoteDriver.ErrorCode(removed));
        Assert.Empty(await rig.Features().ListAsync(rig.Art.TenantId, rig.Art.Id, default));
    }

    [Fact]
    public async Task A_product_manager_adds_a_feature_with_a_part_per_team_wsjf_and_history_and_the_list_shows_it()
    {
        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false);
        await rig.PmAsync("add");

        var (status, added) = await rig.AddFeatureAsync(
            "Payments API", $"{rig.Rocket.ConversationId},{rig.Comet.ConversationId}", businessValue: "8", wsjf: ["8", "5", "3", "5"]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Added “Payments API” for Rocket and Comet.", VoteDriver.CardText(added), StringComparison.Ordinal);
        var feature = Assert.Single(await rig.Features().ListAsync(rig.Art.TenantId, rig.Art.Id, default));
        Assert.Equal(("PI 2027.1", 8, new Wsjf(8, 5, 3, 5), FeatureState.Backlog), (feature.Pi, feature.BusinessValue, feature.Wsjf, feature.State));
        Assert.Equal([(rig.Rocket.ConversationId, "Rocket", (int?)null), (rig.Comet.ConversationId, "Comet", null)],
            feature.Parts.Select(p => (p.TeamConversationId, p.TeamName, p.Iteration)));
        var history = await rig.Features().GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, feature.Id, default);
        Assert.Equal([(PlanChange.CreatedField, (string?)null, (string?)"Payments API", BacklogRig.PmAad), (FeaturePlanning.WsjfField, null, "8/5/3/5", BacklogRig.PmAad)],
            history.Select(h => (h.Field, h.From, h.To, h.By.Id)));

        Assert.Equal("InvalidWsjf", VoteDriver.ErrorCode((await rig.AddFeatureAsync("Half rated", rig.Rocket.ConversationId, wsjf: ["8", null, null, "4"])).Body));
        Assert.Equal("InvalidBusinessValue", VoteDriver.ErrorCode((await rig.AddFeatureAsync("Too valuable", rig.Rocket.ConversationId, businessValue: "11")).Body));
        Assert.Equal("UnknownTeam", VoteDriver.ErrorCode((await rig.AddFeatureAsync("Elsewhere", "19:nobody@thread.tacv2")).Body));
        Assert.Equal("InvalidFeature", VoteDriver.ErrorCode((await rig.AddFeatureAsync("  ", rig.Rocket.ConversationId)).Body));
        Assert.Single(await rig.Features().ListAsync(rig.Art.TenantId, rig.Art.Id, default));

        var list = await rig.SayAsync(rig.Comet, "features", "comet-aad");
        Assert.Contains("Features of PI 2027.1", list.AllText, StringComparison.Ordinal);
        Assert.Contains("Payments API", list.AllText, StringComparison.Ordinal);
        Assert.Contains("business value 8 · WSJF 3.2 · in the backlog", list.AllText, StringComparison.Ordinal);
        Assert.Contains("Rocket: not planned; Comet: not planned", list.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_places_its_parts_and_states_its_capacity_on_its_plan_card_and_sees_its_load()
    {
        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false);
        await rig.PmAsync("add");
        var id = await rig.FeatureForBothAsync("Payments API");
        var other = await rig.FeatureForBothAsync("Fraud scoring");

        var card = Assert.Single((await rig.SayAsync(rig.Rocket, "plan", PlanningRig.MemberAad)).Cards);
        var shown = string.Join("\n", RecordedRequest.Strings(card));
        Assert.Contains("Plan of Rocket", shown, StringComparison.Ordinal);
        Assert.Contains("Iteration 6 (15 Mar - 28 Mar, IP)", shown, StringComparison.Ordinal);
        Assert.Contains("0 points, no capacity stated", shown, StringComparison.Ordinal);
        Assert.Contains("with Comet (not planned)", shown, StringComparison.Ordinal);

        var (status, saved) = await rig.Rocket.InvokeAsync(TeamPlanCard.SaveVerb, BacklogRig.SaveData(card, new JsonObject
        {
            [PlanSaveData.IterationInput(id)] = "2", [PlanSaveData.PointsInput(id)] = "8",
            [PlanSaveData.IterationInput(other)] = PlanSaveData.NotPlanned, [PlanSaveData.PointsInput(other)] = "",
            [PlanSaveData.CapacityInput(1)] = "20", [PlanSaveData.CapacityInput(2)] = "5", [PlanSaveData.CapacityInput(3)] = "",
        }), PlanningRig.MemberAad, "Megan Bowen");

        Assert.Equal(HttpStatusCode.OK, status);
        var text = VoteDriver.CardText(saved);
        Assert.Contains("Plan saved.", text, StringComparison.Ordinal);
        Assert.Contains("8 of 5 points: over capacity", text, StringComparison.Ordinal);
        Assert.Contains("Over capacity in iteration 2, by 3 points.", text, StringComparison.Ordinal);
        var feature = (await rig.Features().GetAsync(rig.Art.TenantId, rig.Art.Id, id, default))!;
        Assert.Equal((2, 8), (feature.PartOf(rig.Rocket.ConversationId)!.Iteration, feature.PartOf(rig.Rocket.ConversationId)!.Points));
        Assert.Null(feature.PartOf(rig.Comet.ConversationId)!.Iteration);
        var history = await rig.Features().GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, id, default);
        Assert.Contains(history, h => h is { Field: "iteration:Rocket", From: null, To: "2", By.Id: PlanningRig.MemberAad });
        Assert.Contains(history, h => h is { Field: "points:Rocket", From: null, To: "8" });
        Assert.Single(await rig.Features().GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, other, default)); // unchanged: only "created"
        var capacity = Assert.Single(await rig.Capacities().ListAsync(rig.Art.TenantId, rig.Art.Id, default));
        Assert.Equal([20, 5, null, null, null, null], capacity.PerIteration);

        // Comet places its part too: the feature is planned.
        var comet = Assert.Single((await rig.SayAsync(rig.Comet, "features plan", "comet-aad")).Cards);
        await rig.Comet.InvokeAsync(TeamPlanCard.SaveVerb, BacklogRig.SaveData(comet, new JsonObject { [PlanSaveData.IterationInput(id)] = "3" }), "comet-aad", "Isaiah Langer");
        Assert.Equal(FeatureState.Planned, (await rig.Features().GetAsync(rig.Art.TenantId, rig.Art.Id, id, default))!.State);
    }

    [Fact]
    public async Task A_stale_plan_card_does_not_overwrite_a_part_someone_else_moved_and_says_where_it_is_now()
    {
        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false);
        await rig.PmAsync("add");
        var id = await rig.FeatureForBothAsync("Payments API");
        var card = Assert.Single((await rig.SayAsync(rig.Rocket, "plan", PlanningRig.MemberAad)).Cards);

        var (_, first) = await rig.Rocket.InvokeAsync(TeamPlanCard.SaveVerb, BacklogRig.SaveData(card, new JsonObject { [PlanSaveData.IterationInput(id)] = "2" }),
            PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("Plan saved.", VoteDriver.CardText(first), StringComparison.Ordinal);

        var (status, stale) = await rig.Rocket.InvokeAsync(TeamPlanCard.SaveVerb, BacklogRig.SaveData(card, new JsonObject { [PlanSaveData.IterationInput(id)] = "4" }),
            "rocket-2-aad", "Adele Vance");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("“Payments API” was moved by someone else meanwhile: it is now iteration 2. Your change to it was not saved",
            VoteDriver.CardText(stale), StringComparison.Ordinal);
        Assert.Equal(2, (await rig.Features().GetAsync(rig.Art.TenantId, rig.Art.Id, id, default))!.PartOf(rig.Rocket.ConversationId)!.Iteration);

        // The refreshed card shows the part where it is: saving from it moves it.
        var (_, again) = await rig.Rocket.InvokeAsync(TeamPlanCard.SaveVerb,
            BacklogRig.SaveData(BacklogRig.Card(stale), new JsonObject { [PlanSaveData.IterationInput(id)] = "4" }), "rocket-2-aad", "Adele Vance");
        Assert.Contains("Plan saved.", VoteDriver.CardText(again), StringComparison.Ordinal);
        Assert.Equal(4, (await rig.Features().GetAsync(rig.Art.TenantId, rig.Art.Id, id, default))!.PartOf(rig.Rocket.ConversationId)!.Iteration);

        // Comet's channel cannot save Rocket's plan.
        var (_, elsewhere) = await rig.Comet.InvokeAsync(TeamPlanCard.SaveVerb, BacklogRig.SaveData(card, []), "comet-aad");
        Assert.Equal("UnknownTeam", VoteDriver.ErrorCode(elsewhere));
    }

    [Fact]
    public async Task Product_managers_add_list_and_remove_milestones_and_others_are_refused()
    {
        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false);
        await rig.PmAsync("add");

        var added = await rig.SayAsync(rig.Home, "milestone add 2027-02-26 Beta release release", BacklogRig.PmAad, BacklogRig.PmName);
        Assert.Contains("Milestone “Beta release” added on", added.AllText, StringComparison.Ordinal);
        await rig.SayAsync(rig.Home, "milestone add 2027-03-10 Trade fair in Hanover event", PlanningRig.RteAad, "Riley RTE");
        var refused = await rig.SayAsync(rig.Home, "milestone add 2027-03-01 Audit external", PlanningRig.MemberAad);
        Assert.Contains("keep the ART backlog", refused.AllText, StringComparison.Ordinal);
        var usage = await rig.SayAsync(rig.Home, "milestone add tomorrow Beta", BacklogRig.PmAad, BacklogRig.PmName);
        Assert.Contains("Use `milestone add <yyyy-MM-dd> <title> [release|event|external]`", usage.AllText, StringComparison.Ordinal);

        var stored = (await rig.Milestones().ListAsync(rig.Art.TenantId, rig.Art.Id, default)).OrderBy(m => m.Date).ToList();
        Assert.Equal([("Beta release", MilestoneKind.Release, new DateOnly(2027, 2, 26)), ("Trade fair in Hanover", MilestoneKind.Event, new DateOnly(2027, 3, 10))],
            stored.Select(m => (m.Title, m.Kind, m.Date)));

        var list = await rig.SayAsync(rig.Comet, "milestones", "comet-aad");
        Assert.Contains("Trade fair in Hanover", list.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(MilestoneListCard.RemoveVerb, list.AllText, StringComparison.Ordinal); // no "Remove" for a team member
        var (_, notAllowed) = await rig.Comet.InvokeAsync(MilestoneListCard.RemoveVerb, new JsonObject { ["id"] = stored[0].Id }, "comet-aad");
        Assert.Equal("NotAProductManager", VoteDriver.ErrorCode(notAllowed));

        var (_, removed) = await rig.Home.InvokeAsync(MilestoneListCard.RemoveVerb, new JsonObject { ["id"] = stored[0].Id }, BacklogRig.PmAad, BacklogRig.PmName);
        var text = VoteDriver.CardText(removed);
        Assert.Contains("Milestone “Beta release” removed.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("26 Feb 2027 · Beta release", text, StringComparison.Ordinal);
        Assert.True((await rig.Milestones().GetAsync(rig.Art.TenantId, rig.Art.Id, stored[0].Id, default))!.Removed);
        Assert.Equal(["created", "removed"], (await rig.Milestones().GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, stored[0].Id, default)).Select(h => h.Field));
        var (_, unknown) = await rig.Home.InvokeAsync(MilestoneListCard.RemoveVerb, new JsonObject { ["id"] = "0123456789abcdef" }, BacklogRig.PmAad);
        Assert.Equal("MilestoneNotFound", VoteDriver.ErrorCode(unknown));
    }
}
