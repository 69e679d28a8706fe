using System.Text.Json.Nodes;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Planning;
using ArtBot.Features.Demos;
using ArtBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.CardActions;

/// <summary>
/// The System Demo cards: a team's prompt ("Save"), and the agenda's "Give feedback", "Integration problem" and "My feedback".
/// </summary>
internal static class DemoCases
{
    /// <summary>A replay ART whose running (IP) iteration's demo an RTE brought back; its id.</summary>
    private static async Task<(ReplayArt Art, string DemoId)> DemoAsync(BotHost bot)
    {
        var art = await ReplayArt.CreateAsync(bot);
        var unskipped = await art.Home.CommandAsync("demo unskip 6", ReplayArt.Rte, "Riley RTE");
        Assert.Contains("is on again", unskipped.AllText, StringComparison.Ordinal);
        return (art, DemoIds.Demo(art.Art.TenantId, art.Art.Id, art.Art.CurrentPi!.Name, 6));
    }

    /// <summary>Rocket shows "Login flow"; the agenda posted in the ART's channel, the item's id and the bindings.</summary>
    private static async Task<(ReplayArt Art, System.Text.Json.JsonElement Card, string ItemId, Dictionary<string, string> Bindings)> AgendaAsync(BotHost bot)
    {
        var (art, demoId) = await DemoAsync(bot);
        var (_, answered) = await art.Rocket.InvokeAsync(DemoVerbs.Answer, new JsonObject
        {
            ["demoId"] = demoId,
            [DemoAnswerData.TextInput] = "Login flow",
            [DemoAnswerData.PresenterInput] = "Megan",
        }, ReplayArt.Member, "Megan Bowen");
        Assert.Contains("Saved: Login flow", Arranged.CardText(answered), StringComparison.Ordinal);
        var itemId = DemoIds.Item(DemoIds.TeamAnswer(art.Art.TenantId, art.Art.Id, demoId, art.Rocket.ConversationId), DemoItemKind.Text, "LOGIN FLOW");
        var card = await art.Home.CommandAsync("demo", ReplayArt.Rte, "Riley RTE");
        var bindings = art.Bindings();
        bindings["demoId"] = demoId;
        bindings["itemId"] = itemId;
        return (art, Assert.Single(card.Cards), itemId, bindings);
    }

    public static IEnumerable<CardActionCase> All()
    {
        yield return new("demo.answer", "demo.answer", "a team's System Demo prompt (demo in its channel): an item and who presents, then \"Save\"", async bot =>
        {
            var (art, demoId) = await DemoAsync(bot);
            var card = await art.Rocket.CommandAsync("demo", ReplayArt.Member, "Megan Bowen");
            var bindings = art.Bindings();
            bindings["demoId"] = demoId;
            return new Arranged(Assert.Single(card.Cards), bindings, Arranged.Via(art.Rocket, ReplayArt.Member, "Megan Bowen"),
                async body =>
                {
                    Assert.Contains("Saved: Login flow", Arranged.CardText(body), StringComparison.Ordinal);
                    var answers = await bot.Services.GetRequiredService<IPlanStore<DemoTeamAnswer>>().ListAsync(art.Art.TenantId, art.Art.Id, default);
                    Assert.Equal("Login flow", Assert.Single(Assert.Single(answers).Items).Title);
                })
            { Inputs = new JsonObject { [DemoAnswerData.TextInput] = "Login flow", [DemoAnswerData.PresenterInput] = "Megan" } };
        });

        yield return new("demo.refresh", "demo.refresh", "the System Demo agenda (demo in the ART's channel): \"My feedback\"", async bot =>
        {
            var (art, card, _, bindings) = await AgendaAsync(bot);
            return new Arranged(card, bindings, Arranged.Via(art.Home, ReplayArt.BusinessOwner, "Lynne Robbins"),
                body =>
                {
                    Assert.Contains("Login flow", Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });

        yield return new("demo.problem", "demo.problem", "the System Demo agenda (demo in the ART's channel): \"Integration problem\" on an item, what failed, then \"Record the problem\"", async bot =>
        {
            var (art, card, itemId, bindings) = await AgendaAsync(bot);
            return new Arranged(card, bindings, Arranged.Via(art.Home, ReplayArt.BusinessOwner, "Lynne Robbins"),
                async body =>
                {
                    Assert.Contains("The integration problem is recorded", Arranged.CardText(body), StringComparison.Ordinal);
                    var problems = await bot.Services.GetRequiredService<IPlanStore<IntegrationProblem>>().ListAsync(art.Art.TenantId, art.Art.Id, default);
                    var problem = Assert.Single(problems);
                    Assert.Equal((itemId, "Checkout broke search", "Rocket"), (problem.ItemId, problem.WhatFailed, problem.TeamName));
                })
            { Inputs = new JsonObject { [DemoAgendaCard.ProblemItemInput] = itemId, [DemoProblemData.WhatInput] = "Checkout broke search" } };
        });

        yield return new("demo.feedback", "demo.feedback", "the System Demo agenda (demo in the ART's channel): an item, \"Needs work\" and a comment, then \"Send feedback\"", async bot =>
        {
            var art = await ReplayArt.CreateAsync(bot);
            // The replay ART's running iteration is its IP iteration, whose demo is skipped by default: an RTE brings it back.
            var unskipped = await art.Home.CommandAsync("demo unskip 6", ReplayArt.Rte, "Riley RTE");
            Assert.Contains("is on again", unskipped.AllText, StringComparison.Ordinal);
            var demoId = DemoIds.Demo(art.Art.TenantId, art.Art.Id, art.Art.CurrentPi!.Name, 6);
            var (_, answered) = await art.Rocket.InvokeAsync(DemoVerbs.Answer, new JsonObject
            {
                ["demoId"] = demoId,
                [DemoAnswerData.TextInput] = "Login flow",
                [DemoAnswerData.PresenterInput] = "Megan",
            }, ReplayArt.Member, "Megan Bowen");
            Assert.Contains("Saved: Login flow", Arranged.CardText(answered), StringComparison.Ordinal);
            var itemId = DemoIds.Item(DemoIds.TeamAnswer(art.Art.TenantId, art.Art.Id, demoId, art.Rocket.ConversationId), DemoItemKind.Text, "LOGIN FLOW");
            var card = await art.Home.CommandAsync("demo", ReplayArt.Rte, "Riley RTE");
            var bindings = art.Bindings();
            bindings["demoId"] = demoId;
            bindings["itemId"] = itemId;
            return new Arranged(Assert.Single(card.Cards), bindings, Arranged.Via(art.Home, ReplayArt.BusinessOwner, "Lynne Robbins"),
                async body =>
                {
                    Assert.Contains("Your feedback: Needs work", Arranged.CardText(body), StringComparison.Ordinal);
                    var feedback = await bot.Services.GetRequiredService<IPlanStore<DemoFeedback>>().ListAsync(art.Art.TenantId, art.Art.Id, default);
                    var given = Assert.Single(feedback);
                    Assert.Equal((itemId, DemoVerdict.NeedsWork, "Too slow on mobile", ReplayArt.BusinessOwner), (given.ItemId, given.Verdict, given.Comment, given.By.Id));
                })
            { Inputs = new JsonObject { [DemoAgendaCard.ItemInput] = itemId, [DemoFeedbackData.VerdictInput] = "NeedsWork", [DemoFeedbackData.CommentInput] = "Too slow on mobile" } };
        });
    }
}
