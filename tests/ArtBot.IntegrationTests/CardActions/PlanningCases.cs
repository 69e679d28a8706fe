using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Planning;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.CardActions;

/// <summary>PI planning's cards: a team's objectives (show, add, edit, the features covered, business values, history) and dependencies between teams.</summary>
internal static class PlanningCases
{
    private const string Objective = "Ship the payments API";
    private const string Need = "Fraud scoring endpoint";
    private const string Covered = "One-page checkout";

    public static IEnumerable<CardActionCase> All()
    {
        yield return new("objectives.show", "objectives.show", "a team's objectives card (objectives in its channel): \"Refresh\"", async bot =>
        {
            var art = await ReplayArt.CreateAsync(bot);
            var card = await art.Rocket.CommandAsync("objectives", ReplayArt.Member, "Megan Bowen");
            return new Arranged(Assert.Single(card.Cards), art.Bindings(), Arranged.Via(art.Rocket, ReplayArt.Member, "Megan Bowen"),
                body =>
                {
                    Assert.Contains("Rocket", Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });

        yield return new("objectives.show~all", "objectives.show", "a team's objectives card opened in the ART's channel: \"All teams\"", async bot =>
        {
            var art = await ReplayArt.CreateAsync(bot);
            var (_, team) = await art.Home.InvokeAsync("objectives.show", new JsonObject { ["team"] = art.Rocket.ConversationId }, ReplayArt.Rte, "Riley RTE");
            return new Arranged(team.GetProperty("value"), art.Bindings(), Arranged.Via(art.Home, ReplayArt.Rte, "Riley RTE"),
                body =>
                {
                    var text = Arranged.CardText(body);
                    Assert.Contains("Rocket", text, StringComparison.Ordinal);
                    Assert.Contains("Comet", text, StringComparison.Ordinal);
                    return Task.CompletedTask;
                })
            { Pick = a => a.TryGetProperty("verb", out var verb) && verb.GetString() == "objectives.show" && !a.GetProperty("data").TryGetProperty("team", out _) };
        });

        yield return new("objective.add", "objective.add", "a team's objectives card: the add form and \"Add\"", async bot =>
        {
            var art = await ReplayArt.CreateAsync(bot);
            var card = await art.Rocket.CommandAsync("objectives", ReplayArt.Member, "Megan Bowen");
            return new Arranged(Assert.Single(card.Cards), art.Bindings(), Arranged.Via(art.Rocket, ReplayArt.Member, "Megan Bowen"),
                async body =>
                {
                    Arranged.CardText(body);
                    var added = Assert.Single(await ObjectivesAsync(bot, art));
                    Assert.Equal((Objective, false), (added.Text, added.Committed));
                })
            { Inputs = new JsonObject { ["objectiveText-new"] = Objective, ["objectiveStretch-new"] = "true" } };
        });

        yield return ObjectiveChange("objective.edit", "a team's objectives card: \"Edit\" then \"Save\"", ReplayArt.Member,
            id => new JsonObject { ["objectiveText-" + id] = "Ship the payments API v2", ["objectiveStretch-" + id] = "true" },
            objective => Assert.Equal(("Ship the payments API v2", false), (objective.Text, objective.Committed)));

        yield return ObjectiveChange("objective.planned", "a team's objectives card: \"Business value\" then \"Save business value\"", ReplayArt.BusinessOwner,
            id => new JsonObject { ["objectiveValue-" + id] = "8" },
            objective => Assert.Equal(8, objective.PlannedValue));

        yield return ObjectiveChange("objective.actual", "a team's objectives card in the PI's last iteration: \"Actual value\" then \"Save actual value\"", ReplayArt.BusinessOwner,
            id => new JsonObject { ["objectiveValue-" + id] = "7" },
            objective => Assert.Equal(7, objective.ActualValue));

        yield return new("objective.history", "objective.history", "a team's objectives card: \"History\"", async bot =>
        {
            var (art, id, card) = await WithObjectiveAsync(bot);
            return new Arranged(card, Bindings(art, ("objectiveId", id)), Arranged.Via(art.Rocket, ReplayArt.Member, "Megan Bowen"),
                body =>
                {
                    Assert.Contains(Objective, Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });

        yield return new("objective.features", "objective.features", "a team's objectives card (the team has features): \"Covers features\"", async bot =>
        {
            var (art, id, featureId, card) = await WithObjectiveAndFeatureAsync(bot);
            return new Arranged(card, Bindings(art, ("objectiveId", id), ("featureId", featureId)), Arranged.Via(art.Rocket, ReplayArt.Member, "Megan Bowen"),
                body =>
                {
                    Assert.Contains(Covered, Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });

        yield return new("objective.cover", "objective.cover", "an objective's \"Covers features\" card: a feature chosen, then \"Save\"", async bot =>
        {
            var (art, id, featureId, _) = await WithObjectiveAndFeatureAsync(bot);
            var (_, form) = await art.Rocket.InvokeAsync("objective.features", new JsonObject { ["team"] = art.Rocket.ConversationId, ["id"] = id }, ReplayArt.Member, "Megan Bowen");
            Arranged.CardText(form);
            return new Arranged(form.GetProperty("value"), Bindings(art, ("objectiveId", id), ("featureId", featureId)), Arranged.Via(art.Rocket, ReplayArt.Member, "Megan Bowen"),
                async body =>
                {
                    Assert.Contains("Covers: " + Covered, Arranged.CardText(body), StringComparison.Ordinal);
                    var objective = (await bot.Services.GetRequiredService<IPlanStore<PiObjective>>().GetAsync(art.Art.TenantId, art.Art.Id, id, default))!;
                    Assert.Equal([featureId], objective.FeatureIds);
                })
            { Inputs = new JsonObject { ["objectiveFeatures-" + id] = featureId } };
        });

        yield return new("dependency.create", "dependency.create", "the dependency form (dependency <text> in a team's channel): \"Request\"", async bot =>
        {
            var (art, objectiveId, _) = await WithObjectiveAsync(bot);
            var form = await art.Rocket.CommandAsync("dependency " + Need, ReplayArt.Member, "Megan Bowen");
            return new Arranged(Assert.Single(form.Cards), Bindings(art, ("objectiveId", objectiveId)), Arranged.Via(art.Rocket, ReplayArt.Member, "Megan Bowen"),
                async body =>
                {
                    Arranged.CardText(body);
                    var dependency = Assert.Single(await DependenciesAsync(bot, art));
                    Assert.Equal((Need + " by Friday", art.Comet.ConversationId, 5, objectiveId),
                        (dependency.Text, dependency.ProviderConversationId, dependency.NeededBy, dependency.ObjectiveId));
                })
            {
                AllInputs = true,
                Inputs = new JsonObject
                {
                    ["dependencyText"] = Need + " by Friday", ["dependencyProvider"] = art.Comet.ConversationId, ["dependencyNeededBy"] = "5",
                    ["dependencyObjective"] = objectiveId,
                },
            };
        });

        yield return new("dependency.show", "dependency.show", "the dependencies list (dependencies): \"Open\"", async bot =>
        {
            var (art, id) = await WithDependencyAsync(bot, neededBy: 5);
            var list = await art.Rocket.CommandAsync("dependencies", ReplayArt.Member, "Megan Bowen");
            return new Arranged(Assert.Single(list.Cards), Bindings(art, ("dependencyId", id)), Arranged.Via(art.Rocket, ReplayArt.Member, "Megan Bowen"),
                body =>
                {
                    Assert.Contains(Need, Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });

        yield return DependencyAnswer("dependency.commit", "the dependency card in the providing team's channel: \"Commit…\" then \"Commit\"", 5,
            new JsonObject { ["dependencyIteration"] = "6" },
            dependency => Assert.Equal(6, dependency.CommittedIteration));

        yield return DependencyAnswer("dependency.decline", "the dependency card in the providing team's channel: \"Decline…\" then \"Decline\"", 5,
            new JsonObject { ["dependencyReason"] = "No capacity this PI" },
            dependency => Assert.Equal((DependencyStatus.Declined, "No capacity this PI"), (dependency.Status, dependency.DeclineReason)));

        yield return DependencyAnswer("dependency.deliver", "the dependency card in the providing team's channel: \"Mark delivered\"", 5,
            new JsonObject(),
            dependency => Assert.Equal(DependencyStatus.Delivered, dependency.Status));

        yield return DependencyAnswer("dependency.risk", "the dependency card of one not delivered when its iteration ended: \"Raise as risk\"", 2,
            new JsonObject(),
            dependency => Assert.NotNull(dependency.RiskId));
    }

    /// <summary>An objective's button on the team's card (after it was added), pressed by <paramref name="user"/> in the team's channel.</summary>
    private static CardActionCase ObjectiveChange(string verb, string from, string user, Func<string, JsonObject> inputs, Action<PiObjective> check) =>
        new(verb, verb, from, async bot =>
        {
            var (art, id, card) = await WithObjectiveAsync(bot);
            return new Arranged(card, Bindings(art, ("objectiveId", id)), Arranged.Via(art.Rocket, user, "Someone"),
                async body =>
                {
                    Arranged.CardText(body);
                    check((await bot.Services.GetRequiredService<IPlanStore<PiObjective>>().GetAsync(art.Art.TenantId, art.Art.Id, id, default))!);
                })
            { Inputs = inputs(id) };
        });

    /// <summary>The providing team's answer on the dependency card posted in its channel.</summary>
    private static CardActionCase DependencyAnswer(string verb, string from, int neededBy, JsonObject inputs, Action<Dependency> check) =>
        new(verb, verb, from, async bot =>
        {
            var (art, id) = await WithDependencyAsync(bot, neededBy);
            var posted = await bot.Connector.WaitForAsync(r => r.Method == "POST" && art.Comet.IsMine(r) && r.AllText.Contains(Need, StringComparison.Ordinal));
            return new Arranged(Assert.Single(posted[0].Cards), Bindings(art, ("dependencyId", id)), Arranged.Via(art.Comet, ReplayArt.CometMember, "Isaiah Langer"),
                async body =>
                {
                    Arranged.CardText(body);
                    check((await bot.Services.GetRequiredService<IPlanStore<Dependency>>().GetAsync(art.Art.TenantId, art.Art.Id, id, default))!);
                })
            { Inputs = inputs };
        });

    /// <summary>An ART whose Rocket team added an objective; returns its id and the team's card that answered.</summary>
    private static async Task<(ReplayArt Art, string Id, JsonElement Card)> WithObjectiveAsync(BotHost bot)
    {
        var art = await ReplayArt.CreateAsync(bot);
        var (_, added) = await art.Rocket.InvokeAsync("objective.add", new JsonObject
        {
            ["team"] = art.Rocket.ConversationId, ["objectiveText-new"] = Objective, ["objectiveStretch-new"] = "false",
        }, ReplayArt.Member, "Megan Bowen");
        Arranged.CardText(added);
        return (art, Assert.Single(await ObjectivesAsync(bot, art)).Id, added.GetProperty("value"));
    }

    /// <summary>An ART with a feature for Rocket (added by its RTE) and an objective of Rocket's; their ids and the team's card that answered.</summary>
    private static async Task<(ReplayArt Art, string Id, string FeatureId, JsonElement Card)> WithObjectiveAndFeatureAsync(BotHost bot)
    {
        var art = await ReplayArt.CreateAsync(bot);
        var (_, feature) = await art.Home.InvokeAsync("feature.add", new JsonObject
        {
            ["featureTitle"] = Covered, ["featureTeams"] = art.Rocket.ConversationId,
        }, ReplayArt.Rte, "Riley RTE");
        Arranged.CardText(feature);
        var featureId = Assert.Single(await bot.Services.GetRequiredService<IPlanStore<Feature>>().ListAsync(art.Art.TenantId, art.Art.Id, default)).Id;
        var (_, added) = await art.Rocket.InvokeAsync("objective.add", new JsonObject
        {
            ["team"] = art.Rocket.ConversationId, ["objectiveText-new"] = Objective, ["objectiveStretch-new"] = "false",
        }, ReplayArt.Member, "Megan Bowen");
        Arranged.CardText(added);
        return (art, Assert.Single(await ObjectivesAsync(bot, art)).Id, featureId, added.GetProperty("value"));
    }

    /// <summary>An ART where Rocket asked Comet for something by iteration <paramref name="neededBy"/>; returns its id.</summary>
    private static async Task<(ReplayArt Art, string Id)> WithDependencyAsync(BotHost bot, int neededBy)
    {
        var art = await ReplayArt.CreateAsync(bot);
        var (_, created) = await art.Rocket.InvokeAsync("dependency.create", new JsonObject
        {
            ["team"] = art.Rocket.ConversationId, ["dependencyText"] = Need, ["dependencyProvider"] = art.Comet.ConversationId,
            ["dependencyNeededBy"] = neededBy.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, ReplayArt.Member, "Megan Bowen");
        Arranged.CardText(created);
        return (art, Assert.Single(await DependenciesAsync(bot, art)).Id);
    }

    private static Task<IReadOnlyList<PiObjective>> ObjectivesAsync(BotHost bot, ReplayArt art) =>
        bot.Services.GetRequiredService<IPlanStore<PiObjective>>().ListAsync(art.Art.TenantId, art.Art.Id, default);

    private static Task<IReadOnlyList<Dependency>> DependenciesAsync(BotHost bot, ReplayArt art) =>
        bot.Services.GetRequiredService<IPlanStore<Dependency>>().ListAsync(art.Art.TenantId, art.Art.Id, default);

    private static Dictionary<string, string> Bindings(ReplayArt art, params (string Name, string Value)[] more)
    {
        var bindings = art.Bindings();
        foreach (var (name, value) in more)
        {
            bindings[name] = value;
        }

        return bindings;
    }
}
