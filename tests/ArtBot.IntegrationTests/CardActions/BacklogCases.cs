using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Planning;
using ArtBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.CardActions;

/// <summary>The ART backlog's cards: the feature form, the features list, a team's plan card and the milestones list.</summary>
internal static class BacklogCases
{
    private const string Title = "Payments API";

    public static IEnumerable<CardActionCase> All()
    {
        yield return new("feature.add", "feature.add", "the feature form (feature add in the ART's channel): \"Add feature\"", async bot =>
        {
            var art = await ReplayArt.CreateAsync(bot);
            var form = await art.Home.CommandAsync("feature add", ReplayArt.Rte, "Riley RTE");
            return new Arranged(Assert.Single(form.Cards), art.Bindings(), Arranged.Via(art.Home, ReplayArt.Rte, "Riley RTE"),
                async body =>
                {
                    Arranged.CardText(body);
                    var feature = Assert.Single(await FeaturesAsync(bot, art));
                    Assert.Equal((Title, 8, new Wsjf(8, 5, 3, 5)), (feature.Title, feature.BusinessValue, feature.Wsjf));
                    Assert.Equal([art.Rocket.ConversationId, art.Comet.ConversationId], feature.Parts.Select(p => p.TeamConversationId));
                })
            {
                Inputs = new JsonObject
                {
                    ["featureTitle"] = Title, ["featureDescription"] = "Card payments for the web shop", ["featureBusinessValue"] = "8",
                    ["featureWsjfValue"] = "8", ["featureWsjfCriticality"] = "5", ["featureWsjfRisk"] = "3", ["featureWsjfSize"] = "5",
                    ["featureTeams"] = $"{art.Rocket.ConversationId},{art.Comet.ConversationId}",
                },
            };
        });

        yield return new("features.show", "features.show", "the features list (features): \"Refresh\"", async bot =>
        {
            var (art, _) = await WithFeatureAsync(bot);
            var list = await art.Home.CommandAsync("features", ReplayArt.Member, "Megan Bowen");
            return new Arranged(Assert.Single(list.Cards), art.Bindings(), Arranged.Via(art.Home, ReplayArt.Member, "Megan Bowen"),
                body =>
                {
                    Assert.Contains(Title, Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });

        yield return new("plan.show", "plan.show", "a team's plan card (plan in its channel): \"Refresh\"", async bot =>
        {
            var (art, _) = await WithFeatureAsync(bot);
            var plan = await art.Rocket.CommandAsync("plan", ReplayArt.Member, "Megan Bowen");
            return new Arranged(Assert.Single(plan.Cards), art.Bindings(), Arranged.Via(art.Rocket, ReplayArt.Member, "Megan Bowen"),
                body =>
                {
                    var text = Arranged.CardText(body);
                    Assert.Contains("Rocket", text, StringComparison.Ordinal);
                    Assert.Contains(Title, text, StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });

        yield return new("plan.save", "plan.save", "a team's plan card (plan in its channel): an iteration, points and capacity, then \"Save plan\"", async bot =>
        {
            var (art, id) = await WithFeatureAsync(bot);
            var plan = await art.Rocket.CommandAsync("plan", ReplayArt.Member, "Megan Bowen");
            var bindings = art.Bindings();
            bindings["featureId"] = id;
            return new Arranged(Assert.Single(plan.Cards), bindings, Arranged.Via(art.Rocket, ReplayArt.Member, "Megan Bowen"),
                async body =>
                {
                    Arranged.CardText(body);
                    var feature = (await bot.Services.GetRequiredService<IPlanStore<Feature>>().GetAsync(art.Art.TenantId, art.Art.Id, id, default))!;
                    Assert.Equal((2, 5), (feature.PartOf(art.Rocket.ConversationId)!.Iteration, feature.PartOf(art.Rocket.ConversationId)!.Points));
                    var capacity = Assert.Single(await bot.Services.GetRequiredService<IPlanStore<TeamCapacity>>().ListAsync(art.Art.TenantId, art.Art.Id, default));
                    Assert.Equal(20, capacity.Of(2));
                })
            {
                Inputs = new JsonObject { ["planIteration-" + id] = "2", ["planPoints-" + id] = "5", ["planCapacity-2"] = "20" },
            };
        });

        yield return new("milestone.remove", "milestone.remove", "the milestones list (milestones): \"Remove …\"", async bot =>
        {
            var art = await ReplayArt.CreateAsync(bot);
            var date = art.Art.CurrentPi!.End.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var list = await art.Home.CommandAsync($"milestone add {date} Beta release release", ReplayArt.Rte, "Riley RTE");
            var milestones = bot.Services.GetRequiredService<IPlanStore<Milestone>>();
            var id = Assert.Single(await milestones.ListAsync(art.Art.TenantId, art.Art.Id, default)).Id;
            var bindings = art.Bindings();
            bindings["milestoneId"] = id;
            return new Arranged(Assert.Single(list.Cards), bindings, Arranged.Via(art.Home, ReplayArt.Rte, "Riley RTE"),
                async body =>
                {
                    Arranged.CardText(body);
                    Assert.True((await milestones.GetAsync(art.Art.TenantId, art.Art.Id, id, default))!.Removed);
                });
        });
    }

    /// <summary>An ART with one feature for Rocket and Comet, added by its RTE; returns its id.</summary>
    private static async Task<(ReplayArt Art, string Id)> WithFeatureAsync(BotHost bot)
    {
        var art = await ReplayArt.CreateAsync(bot);
        var (_, added) = await art.Home.InvokeAsync("feature.add", new JsonObject
        {
            ["featureTitle"] = Title, ["featureTeams"] = $"{art.Rocket.ConversationId},{art.Comet.ConversationId}",
        }, ReplayArt.Rte, "Riley RTE");
        Arranged.CardText(added);
        return (art, Assert.Single(await FeaturesAsync(bot, art)).Id);
    }

    private static Task<IReadOnlyList<Feature>> FeaturesAsync(BotHost bot, ReplayArt art) =>
        bot.Services.GetRequiredService<IPlanStore<Feature>>().ListAsync(art.Art.TenantId, art.Art.Id, default);
}
