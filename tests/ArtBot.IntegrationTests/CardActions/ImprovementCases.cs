using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Improvements;
using ArtBot.IntegrationTests.Improvements;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;

namespace ArtBot.IntegrationTests.CardActions;

/// <summary>Inspect &amp; Adapt's cards: the problem-solving workshop (add, dots, my dots, close) and an improvement item (open, set).</summary>
internal static class ImprovementCases
{
    private const string Starter = "starter-aad";
    private const string Voter = "voter-aad";
    private const string Problem = "Slow builds";

    public static IEnumerable<CardActionCase> All()
    {
        yield return new("workshop.add", "workshop.add", "the workshop card (inspect start): a problem typed, then \"Add problem\"", async bot =>
        {
            var (ia, workshopId, card) = await StartAsync(bot);
            return new Arranged(card, Bindings(workshopId), Arranged.Via(Channel(bot, ia), Voter, "Vera Voter"),
                async body =>
                {
                    Arranged.CardText(body);
                    var state = (await ia.Workshops.GetStateAsync(workshopId, default))!;
                    Assert.Equal(Problem, Assert.Single(state.Problems).Text);
                })
            { Inputs = new JsonObject { ["problem"] = Problem } };
        });

        yield return new("workshop.mine", "workshop.mine", "the shared workshop card: \"My dots\"", async bot =>
        {
            var (ia, workshopId, card) = await StartAsync(bot);
            return new Arranged(card, Bindings(workshopId), Arranged.Via(Channel(bot, ia), Voter, "Vera Voter"),
                body =>
                {
                    Assert.Contains("Problem-solving workshop", Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });

        yield return new("workshop.dot", "workshop.dot", "a participant's own view of the workshop card: \"Spend a dot\" on a problem", async bot =>
        {
            var (ia, workshopId, _) = await StartAsync(bot);
            var problemId = (await ia.AddProblemsAsync(workshopId, Problem))[0];
            var (_, own) = await ia.InvokeAsync("workshop.mine", new JsonObject { ["workshopId"] = workshopId }, Voter, "Vera Voter");
            return new Arranged(own.GetProperty("value"), Bindings(workshopId, ("problemId", problemId)), Arranged.Via(Channel(bot, ia), Voter, "Vera Voter"),
                async body =>
                {
                    Arranged.CardText(body);
                    var state = (await ia.Workshops.GetStateAsync(workshopId, default))!;
                    Assert.Equal([problemId], state.Of(Voter)!.ProblemIds);
                });
        });

        yield return new("workshop.close", "workshop.close", "the workshop card: how many to select, \"Close voting…\" then \"Yes, close voting\"", async bot =>
        {
            var (ia, workshopId, _) = await StartAsync(bot);
            var problemIds = await ia.AddProblemsAsync(workshopId, Problem, "Flaky tests");
            var (_, own) = await ia.InvokeAsync("workshop.mine", new JsonObject { ["workshopId"] = workshopId }, Starter, "Sam Starter");
            return new Arranged(own.GetProperty("value"), Bindings(workshopId, ("problem1", problemIds[0]), ("problem2", problemIds[1])),
                Arranged.Via(Channel(bot, ia), Starter, "Sam Starter"),
                async body =>
                {
                    Arranged.CardText(body);
                    var state = (await ia.Workshops.GetStateAsync(workshopId, default))!;
                    Assert.True(state.Workshop.IsClosed);
                    Assert.Equal([problemIds[1]], state.Workshop.SelectedProblemIds);
                })
            { Inputs = new JsonObject { ["top"] = "1", ["pick"] = problemIds[1] } };
        });

        yield return new("improvement.show", "improvement.show", "the list of improvement items (improvements): \"Open\"", async bot =>
        {
            var (ia, item) = await ItemAsync(bot);
            var list = await ia.CommandAsync("improvements");
            return new Arranged(Assert.Single(list.Cards), Bindings(item.WorkshopId!, ("itemId", item.Id)), Arranged.Via(Channel(bot, ia), Voter, "Vera Voter"),
                body =>
                {
                    Assert.Contains(Problem, Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });

        yield return ItemChange("improvement.set", "an improvement item's card: a status chosen, then \"Set status\"", "set-status",
            new JsonObject { ["status"] = "committed" },
            item => Assert.Equal(ImprovementStatus.Committed, item.Status));

        yield return ItemChange("improvement.set~rootcause", "an improvement item's card: the five whys, then \"Save root cause\"", "set-rootcause",
            new JsonObject { ["why1"] = "One build agent", ["why2"] = "", ["why3"] = "No budget", ["why4"] = "", ["why5"] = "" },
            item => Assert.Equal(["One build agent", "No budget"], item.Whys));
    }

    private static CardActionCase ItemChange(string name, string from, string actionId, JsonObject inputs, Action<ImprovementItem> check) =>
        new(name, "improvement.set", from, async bot =>
        {
            var (ia, item) = await ItemAsync(bot);
            var (_, card) = await ia.InvokeAsync("improvement.show", new JsonObject { ["itemId"] = item.Id }, Voter, "Vera Voter");
            return new Arranged(card.GetProperty("value"), Bindings(item.WorkshopId!, ("itemId", item.Id)), Arranged.Via(Channel(bot, ia), "editor-aad", "Eddie Editor"),
                async body =>
                {
                    Arranged.CardText(body);
                    check((await ia.Improvements.GetAsync(ia.Scope(), item.Id, default))!);
                })
            {
                Pick = a => VoteCases.IdIs(a, actionId),
                Inputs = inputs,
            };
        });

    private static async Task<(WorkshopDriver Ia, string WorkshopId, JsonElement Card)> StartAsync(BotHost bot)
    {
        var ia = new WorkshopDriver(bot);
        var (workshopId, posted) = await ia.StartAsync(userAad: Starter);
        return (ia, workshopId, Assert.Single(posted.Cards));
    }

    /// <summary>A workshop that turned one problem into an improvement item.</summary>
    private static async Task<(WorkshopDriver Ia, ImprovementItem Item)> ItemAsync(BotHost bot)
    {
        var (ia, workshopId, _) = await StartAsync(bot);
        var problemId = (await ia.AddProblemsAsync(workshopId, Problem))[0];
        await ia.DotAsync(workshopId, problemId, Voter);
        Arranged.CardText((await ia.CloseAsync(workshopId, Starter, top: "1")).Body);
        return (ia, Assert.Single(await ia.Improvements.ListAsync(ia.Scope(), default)));
    }

    private static VoteDriver Channel(BotHost bot, WorkshopDriver ia) => VoteDriver.In(bot, ia.ConversationId);

    private static Dictionary<string, string> Bindings(string workshopId, params (string Name, string Value)[] more)
    {
        var bindings = more.ToDictionary(b => b.Name, b => b.Value);
        bindings["workshopId"] = workshopId;
        return bindings;
    }
}
