using System.Text.Json;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Demos;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Features.Demos;
using ArtBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.CardActions;

/// <summary>
/// The team's System Demo feedback card: "Make improvement item" and "Change the feature" on a "needs work", and
/// "Repaired" on an integration problem. The agenda's rows are stored as the agenda card writes them.
/// </summary>
internal static class DemoFollowUpCases
{
    public static IEnumerable<CardActionCase> All()
    {
        yield return new("demo.improve", DemoVerbs.Improve, "the team's demo feedback card: \"Make improvement item\" on a needs work", async bot =>
        {
            var (art, card, bindings) = await SeedAsync(bot);
            return new Arranged(card, bindings, Arranged.Via(art.Rocket, ReplayArt.Member, "Megan Bowen"),
                body =>
                {
                    Assert.Contains("Improvement item made: Checkout with saved cards", Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });
        yield return new("demo.feature", DemoVerbs.ChangeFeature, "the team's demo feedback card: \"Change the feature\" on a needs work", async bot =>
        {
            var (art, card, bindings) = await SeedAsync(bot);
            return new Arranged(card, bindings, Arranged.Via(art.Home, ReplayArt.Rte, "Riley RTE"),
                body =>
                {
                    Assert.Contains("Checkout with saved cards is back in progress", Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });
        yield return new("demo.repair", DemoVerbs.Repair, "the team's demo feedback card: \"Repaired\" on an integration problem", async bot =>
        {
            var (art, card, bindings) = await SeedAsync(bot);
            return new Arranged(card, bindings, Arranged.Via(art.Rocket, ReplayArt.Member, "Megan Bowen"),
                body =>
                {
                    Assert.Contains("Marked as repaired.", Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                })
            { Pick = a => a.TryGetProperty("title", out var title) && title.GetString() == "Repaired" };
        });
    }

    private static async Task<(ReplayArt Art, JsonElement Card, Dictionary<string, string> Bindings)> SeedAsync(BotHost bot)
    {
        var art = await ReplayArt.CreateAsync(bot);
        var a = art.Art;
        var services = bot.Services;
        var now = DateTimeOffset.UtcNow;
        var by = new Person(ReplayArt.BusinessOwner, "Lynne Robbins");
        var team = art.Rocket.ConversationId;
        var feature = new Feature
        {
            Id = PlanIds.Feature(a.TenantId, a.Id, "checkout"), TenantId = a.TenantId, ArtId = a.Id, Pi = a.CurrentPi!.Name, Title = "Checkout with saved cards",
            State = FeatureState.Done, Parts = [new FeaturePart(team, "Rocket", 6, 5)], CreatedBy = by, CreatedAt = now,
        };
        await services.GetRequiredService<IPlanStore<Feature>>().CreateAsync(feature, new PlanChange(now, by, PlanChange.CreatedField, null, feature.Title), default);
        var demoId = DemoIds.Demo(a.TenantId, a.Id, a.CurrentPi.Name, 6);
        var answerId = DemoIds.TeamAnswer(a.TenantId, a.Id, demoId, team);
        var item = new DemoItem(DemoIds.Item(answerId, DemoItemKind.Feature, feature.Id), DemoItemKind.Feature, feature.Id, feature.Title, "Megan Bowen");
        var answer = new DemoTeamAnswer
        {
            Id = answerId, TenantId = a.TenantId, ArtId = a.Id, Pi = a.CurrentPi.Name, Iteration = 6, DemoId = demoId, TeamConversationId = team, TeamName = "Rocket",
            Items = [item], AnsweredAt = now, CreatedAt = now,
        };
        await services.GetRequiredService<IPlanStore<DemoTeamAnswer>>().CreateAsync(answer, new PlanChange(now, by, PlanChange.CreatedField, null, null), default);
        var feedback = new DemoFeedback
        {
            Id = DemoIds.Feedback(a.TenantId, a.Id, item.Id, by.Id), TenantId = a.TenantId, ArtId = a.Id, Pi = a.CurrentPi.Name, Iteration = 6, DemoId = demoId,
            TeamConversationId = team, ItemId = item.Id, Verdict = DemoVerdict.NeedsWork, Comment = "Unclear error", By = by, CreatedAt = now, UpdatedAt = now,
        };
        await services.GetRequiredService<IPlanStore<DemoFeedback>>().CreateAsync(feedback, new PlanChange(now, by, PlanChange.CreatedField, null, "NeedsWork"), default);
        var problem = new IntegrationProblem
        {
            Id = DemoIds.Problem(a.TenantId, a.Id, "replay"), TenantId = a.TenantId, ArtId = a.Id, Pi = a.CurrentPi.Name, Iteration = 6, DemoId = demoId, ItemId = item.Id,
            ItemTitle = item.Title, TeamConversationId = team, TeamName = "Rocket", WhatFailed = "Payment timed out", RaisedBy = by, CreatedAt = now, UpdatedAt = now,
        };
        await services.GetRequiredService<IPlanStore<IntegrationProblem>>().CreateAsync(problem, new PlanChange(now, by, PlanChange.CreatedField, null, problem.WhatFailed), default);
        var view = await services.GetRequiredService<DemoFollowUpReader>().ViewAsync(a, answer, default);
        var card = JsonSerializer.SerializeToElement(DemoTeamFeedbackCard.Build(view), BotJsonContext.Default.AdaptiveCard);
        var bindings = art.Bindings();
        bindings["feedbackId"] = feedback.Id;
        bindings["problemId"] = problem.Id;
        return (art, card, bindings);
    }
}
