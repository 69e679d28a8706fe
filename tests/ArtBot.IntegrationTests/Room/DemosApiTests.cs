using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Features.Demos;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Planning;
using ArtBot.IntegrationTests.Votes;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Room;

/// <summary>
/// The room's System Demo view and its CSV through HTTP with Teams SSO tokens, from a demo run through POST
/// /api/messages: teams answer, people give feedback, integration problems are recorded and one gets its repair plan. The
/// ART's channel sees every team's items, feedback and problems; a team's channel its own part; the CSV has a row per
/// feedback, per item nobody gave feedback on and per problem, text people typed defused; an unknown PI is a 404.
/// </summary>
[Collection(BotTests.Name)]
public sealed class DemosApiTests(BotHost bot)
{
    private const string Pi = "PI 2027.1";
    private const string Megan = "00000000-0000-0000-0000-0000000000a1";
    private static readonly DateTimeOffset PromptsDue = new(2027, 1, 12, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_arts_channel_sees_every_teams_demo_a_team_its_own_and_the_csv_has_a_row_per_feedback_and_problem()
    {
        await using var issuer = await EntraIssuer.StartAsync(bot);
        await using var rig = await PlanningRig.StartAsync(bot, settings: new Dictionary<string, string?>(issuer.Settings) { ["Sync:FanOutPerSecond"] = "0" });
        issuer.Clock = rig.Clock;
        var (objectiveId, _) = await rig.AddObjectiveAsync(rig.Rocket, "Faster checkout");
        rig.Clock.SetUtcNow(PromptsDue);
        var art = (await rig.Services.GetRequiredService<IArtStore>().GetAsync(rig.Art.TenantId, rig.Art.Id, default))!;
        await rig.Services.GetRequiredService<DemoScheduler>().TickArtAsync(art, default);
        var demoId = DemoIds.Demo(rig.Art.TenantId, rig.Art.Id, Pi, 1);
        var answerId = DemoIds.TeamAnswer(rig.Art.TenantId, rig.Art.Id, demoId, rig.Rocket.ConversationId);
        var objectiveItem = DemoIds.Item(answerId, DemoItemKind.Objective, objectiveId);

        // The demo through the bot: Rocket shows its objective and a free-text item, Comet nothing; two people give
        // feedback on the objective; a problem on it (planned by the team) and one on the demo as a whole.
        await Expect(rig.Rocket.InvokeAsync(DemoVerbs.Answer, new JsonObject
        {
            ["demoId"] = demoId, [DemoAnswerData.ObjectivesInput] = objectiveId, [DemoAnswerData.TextInput] = "New icons", [DemoAnswerData.PresenterInput] = "Megan",
        }, PlanningRig.MemberAad, "Megan Bowen"));
        await Expect(rig.Comet.InvokeAsync(DemoVerbs.Answer, new JsonObject { ["demoId"] = demoId, [DemoAnswerData.NothingInput] = "true" }, PlanningRig.MemberAad, "Megan Bowen"));
        await Expect(Feedback(rig, objectiveItem, "NeedsWork", "=1+1 too slow on mobile", PlanningRig.BoAad, "Lynne Robbins"));
        await Expect(Feedback(rig, objectiveItem, "Accepted", null, "sam-aad", "Sam Stakeholder"));
        await Expect(Problem(rig, objectiveItem, "Checkout broke search"));
        await Expect(Problem(rig, DemoAgendaCard.WholeDemo, "Staging was down"));
        var planned = (await rig.Services.GetRequiredService<ArtBot.Domain.Planning.IPlanStore<IntegrationProblem>>().ListAsync(rig.Art.TenantId, rig.Art.Id, default))
            .Single(p => p.ItemId == objectiveItem);
        await Expect(rig.Rocket.InvokeAsync(DemoVerbs.Repair, new JsonObject
        {
            ["problemId"] = planned.Id,
            [RepairForm.InputId(DemoRepairData.RootCauseInput, planned.Id)] = "Shared index rebuilt on deploy",
            [RepairForm.InputId(DemoRepairData.OwnerInput, planned.Id)] = "me",
            [RepairForm.InputId(DemoRepairData.DueInput, planned.Id)] = "2",
        }, PlanningRig.MemberAad, "Megan Bowen"));
        var token = issuer.Token(VoteDriver.TenantId, Megan);

        // The ART's channel: every team, every feedback, both problems.
        var view = await GetJsonAsync(rig, "/api/room/demos?conversation=" + Uri.EscapeDataString(rig.Home.ConversationId), token);
        Assert.Equal((true, Pi), (view["available"]!.GetValue<bool>(), view["pi"]!.GetValue<string>()));
        Assert.Equal([Pi], view["pis"]!.AsArray().Select(p => p!.GetValue<string>()));
        var demo = view["demos"]!.AsArray().Single(d => d!["iteration"]!.GetValue<int>() == 1)!;
        Assert.False(demo["skipped"]!.GetValue<bool>());
        Assert.Equal(["Comet"], demo["nothingToShow"]!.AsArray().Select(t => t!.GetValue<string>()));
        var items = demo["items"]!.AsArray();
        Assert.Equal(["Faster checkout", "New icons"], items.Select(i => i!["title"]!.GetValue<string>()));
        var objective = items[0]!;
        Assert.Equal(("Rocket", "objective", "Megan"), (objective["team"]!.GetValue<string>(), objective["kind"]!.GetValue<string>(), objective["presenter"]!.GetValue<string>()));
        Assert.Equal((1, 1, 0), (objective["accepted"]!.GetValue<int>(), objective["needsWork"]!.GetValue<int>(), objective["notShown"]!.GetValue<int>()));
        Assert.Equal(
            [("Lynne Robbins", "needsWork", "=1+1 too slow on mobile"), ("Sam Stakeholder", "accepted", null)],
            objective["feedback"]!.AsArray().Select(f => (f!["by"]!.GetValue<string>(), f["verdict"]!.GetValue<string>(), f["comment"]?.GetValue<string>())));
        Assert.Empty(items[1]!["feedback"]!.AsArray());
        var problems = demo["problems"]!.AsArray();
        Assert.Equal(
            [("Checkout broke search", "planned", "Megan Bowen", (int?)2), ("Staging was down", "open", null, null)],
            problems.Select(p => (p!["whatFailed"]!.GetValue<string>(), p["status"]!.GetValue<string>(), p["owner"]?.GetValue<string>(), p["dueIteration"]?.GetValue<int>())));
        Assert.Null(problems[1]!["team"]);

        // A team's channel: its own items and problems; Comet's answer and the whole demo's problem are the ART's.
        var rocket = await GetJsonAsync(rig, "/api/room/demos?conversation=" + Uri.EscapeDataString(rig.Rocket.ConversationId), token);
        var own = rocket["demos"]!.AsArray().Single(d => d!["iteration"]!.GetValue<int>() == 1)!;
        Assert.Empty(own["nothingToShow"]!.AsArray());
        Assert.Equal(2, own["items"]!.AsArray().Count);
        Assert.Equal("Checkout broke search", Assert.Single(own["problems"]!.AsArray())!["whatFailed"]!.GetValue<string>());
        var comet = await GetJsonAsync(rig, "/api/room/demos?conversation=" + Uri.EscapeDataString(rig.Comet.ConversationId), token);
        Assert.Empty(comet["demos"]!.AsArray().Single(d => d!["iteration"]!.GetValue<int>() == 1)!["items"]!.AsArray());

        // The CSV: a row per feedback, the item nobody gave feedback on, a row per problem; a typed formula is defused.
        using var csv = await rig.Client.SendAsync(EntraIssuer.Get("/api/room/demos.csv?pi=" + Uri.EscapeDataString(Pi) + "&conversation=" + Uri.EscapeDataString(rig.Home.ConversationId), token));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("art-room-demos.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        var lines = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "PI,Iteration,Demo date,Team,Item,Presenter,Kind,Verdict or status,Given by or repair owner,Comment or what failed,Root cause,Repair due (PI and iteration),Date,Repaired on",
            lines[0]);
        var date = demo["date"]!.GetValue<string>();
        Assert.Equal(
        [
            $"{Pi},1,{date},Rocket,Faster checkout,Megan,feedback,needsWork,Lynne Robbins,'=1+1 too slow on mobile,,,2027-01-12,",
            $"{Pi},1,{date},Rocket,Faster checkout,Megan,feedback,accepted,Sam Stakeholder,,,,2027-01-12,",
            $"{Pi},1,{date},Rocket,New icons,Megan,item,,,,,,,",
            $"{Pi},1,{date},Rocket,Faster checkout,,integration problem,planned,Megan Bowen,Checkout broke search,Shared index rebuilt on deploy,{Pi} 2,2027-01-12,",
            $"{Pi},1,{date},,,,integration problem,open,,Staging was down,,,2027-01-12,",
        ], lines[1..]);

        // A PI the ART has no demos in: a 404 that says so, for the view and its CSV.
        foreach (var path in new[] { "/api/room/demos", "/api/room/demos.csv" })
        {
            using var unknown = await rig.Client.SendAsync(EntraIssuer.Get(path + "?pi=PI%201999.1&conversation=" + Uri.EscapeDataString(rig.Home.ConversationId), token));
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Contains("no System Demos in that PI", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> Feedback(PlanningRig rig, string itemId, string verdict, string? comment, string aad, string name) =>
        rig.Home.InvokeAsync(DemoVerbs.Feedback, new JsonObject
        {
            ["demoId"] = DemoIds.Demo(rig.Art.TenantId, rig.Art.Id, Pi, 1), ["artId"] = rig.Art.Id, [DemoAgendaCard.ItemInput] = itemId,
            [DemoFeedbackData.VerdictInput] = verdict, [DemoFeedbackData.CommentInput] = comment,
        }, aad, name);

    private static Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> Problem(PlanningRig rig, string itemId, string whatFailed) =>
        rig.Home.InvokeAsync(DemoVerbs.Problem, new JsonObject
        {
            ["demoId"] = DemoIds.Demo(rig.Art.TenantId, rig.Art.Id, Pi, 1), ["artId"] = rig.Art.Id, [DemoAgendaCard.ProblemItemInput] = itemId, [DemoProblemData.WhatInput] = whatFailed,
        }, PlanningRig.BoAad, "Lynne Robbins");

    /// <summary>The invoke was taken: 200 and a card (an error answer fails here).</summary>
    private static async Task Expect(Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> invoke)
    {
        var (status, body) = await invoke;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(VoteDriver.CardText(body));
    }

    private static Task<JsonNode> GetJsonAsync(PlanningRig rig, string path, string token) => EntraIssuer.GetJsonAsync(rig.Client, path, token);
}
