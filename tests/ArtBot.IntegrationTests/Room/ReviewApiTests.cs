using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Pulses;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Planning;
using ArtBot.IntegrationTests.Votes;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Room;

/// <summary>
/// The room's quantitative review through HTTP with Teams SSO tokens: two PIs of objectives, demo feedback, integration
/// problems, an impediment, improvement items and pulses seeded through the stores; the ART's channel sees the ART's
/// figures and the spread (no team named), a team's channel its own next to the ART's; the CSV has a row per PI and measure.
/// </summary>
[Collection(BotTests.Name)]
public sealed class ReviewApiTests(BotHost bot)
{
    private const string Megan = "00000000-0000-0000-0000-0000000000a1";
    private static readonly Person Lynne = new(PlanningRig.BoAad, "Lynne Robbins");

    [Fact]
    public async Task The_arts_channel_sees_the_arts_figures_and_spread_and_a_team_its_own_next_to_the_arts()
    {
        await using var issuer = await EntraIssuer.StartAsync(bot);
        await using var rig = await PlanningRig.StartAsync(bot, settings: issuer.Settings);
        issuer.Clock = rig.Clock;
        await rig.Rocket.CommandAsync("impediment Build server down", PlanningRig.MemberAad, "Megan Bowen");
        await SeedAsync(rig);
        rig.Clock.SetUtcNow(PlanningRig.InLastIteration);
        var token = issuer.Token(VoteDriver.TenantId, Megan);

        var art = await GetJsonAsync(rig, "/api/room/review?conversation=" + Uri.EscapeDataString(rig.Home.ConversationId), token);
        Assert.Equal(("art", true), (art["scope"]!.GetValue<string>(), art["available"]!.GetValue<bool>()));
        Assert.Equal(["PI 2026.4", "PI 2027.1"], art["pis"]!.AsArray().Select(p => p!.GetValue<string>()));
        var predictability = Measure(art, "predictability");
        Assert.Equal([80.0, 95.0], predictability["points"]!.AsArray().Select(p => p!["art"]!.GetValue<double>()));
        Assert.Equal("up", predictability["trend"]!.GetValue<string>());
        var spread = predictability["points"]![1]!["spread"]!;
        Assert.Equal((2, 90.0, 95.0, 100.0), (spread["teams"]!.GetValue<int>(), spread["lowest"]!.GetValue<double>(), spread["median"]!.GetValue<double>(), spread["highest"]!.GetValue<double>()));
        var acceptance = Measure(art, "demoAcceptance")["points"]!.AsArray();
        Assert.Null(acceptance[0]!["art"]); // no demo in the PI before: no data, not 0
        Assert.Equal((80.0, 5), (acceptance[1]!["art"]!.GetValue<double>(), acceptance[1]!["artSample"]!.GetValue<int>()));
        Assert.Equal(1.0, Measure(art, "demoNotShown")["points"]![1]!["art"]!.GetValue<double>());
        Assert.Equal((2.0, 1.0), (Measure(art, "problemsFound")["points"]![1]!["art"]!.GetValue<double>(), Measure(art, "problemsRepaired")["points"]![1]!["art"]!.GetValue<double>()));
        Assert.Equal(73.0, Measure(art, "impedimentOldestDays")["points"]![1]!["art"]!.GetValue<double>()); // 2 Jan to 16 Mar
        Assert.Equal(50.0, Measure(art, "improvementsDone")["points"]![1]!["art"]!.GetValue<double>());
        Assert.Null(Measure(art, "improvementsDone")["points"]![1]!["spread"]);
        Assert.Equal(4.2, Measure(art, "satisfaction")["points"]![1]!["art"]!.GetValue<double>(), 6); // all five answers
        Assert.Equal(1, Measure(art, "satisfaction")["points"]![1]!["spread"]!["teams"]!.GetValue<int>()); // Comet's two answers show nothing
        var body = art.ToJsonString();
        Assert.DoesNotContain("Rocket", body, StringComparison.Ordinal);
        Assert.DoesNotContain(rig.Comet.ConversationId, body, StringComparison.Ordinal);

        var rocket = await GetJsonAsync(rig, "/api/room/review?conversation=" + Uri.EscapeDataString(rig.Rocket.ConversationId), token);
        Assert.Equal("team", rocket["scope"]!.GetValue<string>());
        var own = Measure(rocket, "predictability")["points"]![1]!;
        Assert.Equal((90.0, 95.0), (own["team"]!.GetValue<double>(), own["art"]!.GetValue<double>()));
        Assert.Null(own["spread"]);
        Assert.Equal(75.0, Measure(rocket, "demoAcceptance")["points"]![1]!["team"]!.GetValue<double>());
        Assert.Equal(4.3, Math.Round(Measure(rocket, "satisfaction")["points"]![1]!["team"]!.GetValue<double>(), 1));
        var comet = await GetJsonAsync(rig, "/api/room/review?conversation=" + Uri.EscapeDataString(rig.Comet.ConversationId), token);
        Assert.Null(Measure(comet, "satisfaction")["points"]![1]!["team"]); // two answers: no figure
        Assert.Equal("up", Measure(comet, "predictability")["trend"]!.GetValue<string>()); // Comet: 90% then 100%

        using var csv = await rig.Client.SendAsync(EntraIssuer.Get("/api/room/review.csv?conversation=" + Uri.EscapeDataString(rig.Home.ConversationId), token));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]);
        Assert.StartsWith("PI,Measure,Unit,ART,ART sample,Team,Team sample,Teams with a value,Lowest team,Median team,Highest team\r\n", text, StringComparison.Ordinal);
        Assert.Contains("PI 2027.1,predictability,percent,95.0,2,,,2,90.0,95.0,100.0\r\n", text, StringComparison.Ordinal);
        Assert.Contains("PI 2026.4,demoAcceptance,percent,,0,", text, StringComparison.Ordinal);

        // The review card: in the ART's channel the figures with their trend and spread, no team named.
        var card = await rig.Home.CommandAsync("review", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("Quantitative review of", card.AllText, StringComparison.Ordinal);
        Assert.Contains("95%, up from 80%", card.AllText, StringComparison.Ordinal);
        Assert.Contains("lowest 90%, median 95%, highest 100%", card.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Rocket", card.AllText, StringComparison.Ordinal);
        var teamCard = await rig.Rocket.CommandAsync("review", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("Your team: 90%", teamCard.AllText, StringComparison.Ordinal);
        Assert.Contains("ART: 95%, up from 80%", teamCard.AllText, StringComparison.Ordinal);
    }

    private static JsonNode Measure(JsonNode view, string key) => view["measures"]!.AsArray().Single(m => m!["key"]!.GetValue<string>() == key)!;

    private static async Task SeedAsync(PlanningRig rig)
    {
        var (tenant, artId) = (rig.Art.TenantId, rig.Art.Id);
        var (rocket, comet) = (rig.Rocket.ConversationId, rig.Comet.ConversationId);
        var at = rig.Clock.GetUtcNow();
        var n = 0;
        async Task ObjectiveAsync(string pi, DateOnly start, string team, int planned, int actual)
        {
            var objective = new PiObjective
            {
                Id = PlanIds.Objective(tenant, artId, team, "review-o" + n++), TenantId = tenant, ArtId = artId, TeamConversationId = team, TeamName = team == rocket ? "Rocket" : "Comet", Pi = pi, PiStart = start,
                Text = "Objective " + n, PlannedValue = planned, ActualValue = actual, CreatedBy = Lynne, CreatedAt = at.AddDays(-120),
            };
            Assert.True(await rig.Objectives.CreateAsync(objective, new PlanChange(at, Lynne, "created", null, objective.Text), default));
        }

        await ObjectiveAsync("PI 2026.4", new DateOnly(2026, 10, 5), rocket, 10, 7);
        await ObjectiveAsync("PI 2026.4", new DateOnly(2026, 10, 5), comet, 10, 9);
        await ObjectiveAsync("PI 2027.1", new DateOnly(2027, 1, 4), rocket, 10, 9);
        await ObjectiveAsync("PI 2027.1", new DateOnly(2027, 1, 4), comet, 10, 10);

        var feedback = rig.Services.GetRequiredService<IPlanStore<DemoFeedback>>();
        foreach (var (team, verdict) in new[]
        {
            (rocket, DemoVerdict.Accepted), (rocket, DemoVerdict.Accepted), (rocket, DemoVerdict.Accepted), (rocket, DemoVerdict.NeedsWork),
            (comet, DemoVerdict.Accepted), (comet, DemoVerdict.NotShown),
        })
        {
            var item = new DemoFeedback
            {
                Id = DemoIds.Feedback(tenant, artId, "item-" + n, "person-" + n++), TenantId = tenant, ArtId = artId, Pi = "PI 2027.1", Iteration = 1, DemoId = "demo-1", TeamConversationId = team,
                ItemId = "item-" + n, Verdict = verdict, By = Lynne, CreatedAt = at,
            };
            Assert.True(await feedback.CreateAsync(item, new PlanChange(at, Lynne, "created", null, verdict.ToString()), default));
        }

        var problems = rig.Services.GetRequiredService<IPlanStore<IntegrationProblem>>();
        foreach (var repaired in new[] { true, false })
        {
            var problem = new IntegrationProblem
            {
                Id = DemoIds.Problem(tenant, artId, "review-p" + n++), TenantId = tenant, ArtId = artId, Pi = "PI 2027.1", Iteration = 1, DemoId = "demo-1", TeamConversationId = rocket, TeamName = "Rocket",
                WhatFailed = "=HYPERLINK(\"x\") login broke checkout", RaisedBy = Lynne, RepairedAt = repaired ? at : null, CreatedAt = at,
            };
            Assert.True(await problems.CreateAsync(problem, new PlanChange(at, Lynne, "created", null, problem.WhatFailed), default));
        }

        var improvements = rig.Services.GetRequiredService<IImprovementStore>();
        foreach (var status in new[] { ImprovementStatus.Done, ImprovementStatus.InProgress })
        {
            var item = new ImprovementItem
            {
                Id = ArtBot.Features.Improvements.ImprovementIds.Item("review-workshop", "review-m" + n++), Scope = new ImprovementScope(tenant, artId, rig.Home.ConversationId), Title = "Faster builds", Problem = "Builds are slow",
                SourcePi = "PI 2026.4", TargetPi = "PI 2027.1", Status = status, CreatedAt = at, UpdatedAt = at,
            };
            Assert.True(await improvements.CreateAsync(item, new ImprovementChange(at, "rte", "Riley RTE", "created", null, item.Title), default));
        }

        var pulses = rig.Services.GetRequiredService<IPulseStore>();
        foreach (var (team, scores) in new[] { (rocket, new[] { 4, 4, 5 }), (comet, new[] { 3, 5 }) })
        {
            var pulse = new Pulse
            {
                TenantId = tenant, ArtId = artId, Pi = "PI 2027.1", Iteration = 1, IterationEnd = new DateOnly(2027, 1, 17), TeamConversationId = team,
                PostedConversationId = team, ServiceUrl = rig.Bot.Connector.ServiceUrl, CreatedAt = at,
            };
            Assert.True(await pulses.CreateAsync(pulse, default));
            for (var i = 0; i < scores.Length; i++)
            {
                Assert.True(await pulses.AnswerAsync(pulse.Key, $"voter-{team}-{i}", new PulseAnswer(scores[i], null), default));
            }
        }
    }

    private static Task<JsonNode> GetJsonAsync(PlanningRig rig, string path, string token) => EntraIssuer.GetJsonAsync(rig.Client, path, token);
}
