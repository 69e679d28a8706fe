using System.Text.Json.Nodes;
using ArtBot.Domain.Arts;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.CardActions;

/// <summary>The ART's cards: the settings form (set up and change), the overview's "Change settings", the choice of ART to join.</summary>
internal static class ArtCases
{
    private const string Rte = ReplayArt.Rte;

    public static IEnumerable<CardActionCase> All()
    {
        yield return new("art.save", "art.save", "the set-up form (art setup): \"Set up ART\"", async bot =>
        {
            var channel = new VoteDriver(bot);
            var form = await channel.CommandAsync("art setup", Rte, "Riley RTE");
            return new Arranged(Assert.Single(form.Cards), new Dictionary<string, string> { ["channel"] = channel.ConversationId },
                Arranged.Via(channel, Rte, "Riley RTE"),
                async body =>
                {
                    Assert.Contains("ART set up", Arranged.CardText(body), StringComparison.Ordinal);
                    var art = (await Store(bot).FindByConversationAsync(VoteDriver.TenantId, channel.ConversationId, default))!.Art;
                    Assert.Equal(("Replayed ART", "PI 2031.2", DayOfWeek.Thursday, "Europe/Berlin", true, 3, false),
                        (art.Name, art.CurrentPi?.Name, art.Sync.Day, art.Sync.TimeZoneId, art.NameNonResponders, art.Cadence.Weeks, art.Cadence.LastIsIp));
                })
            {
                AllInputs = true,
                Inputs = new JsonObject
                {
                    ["artName"] = "Replayed ART", ["piName"] = "PI 2031.2", ["piStart"] = "2031-04-07", ["piEnd"] = "2031-06-15",
                    ["syncDay"] = "Thursday", ["syncTime"] = "09:30", ["timeZone"] = "Europe/Berlin", ["summaryChannel"] = channel.ConversationId,
                    ["nameNonResponders"] = "true", ["iterationWeeks"] = "3", ["ipIteration"] = "false",
                },
            };
        });

        yield return new("art.save~settings", "art.save", "the settings form (art settings): \"Save\"", async bot =>
        {
            var art = await ReplayArt.CreateAsync(bot);
            var form = await art.Home.CommandAsync("art settings", Rte, "Riley RTE");
            return new Arranged(Assert.Single(form.Cards), Bindings(art, ("version", art.Art.Version!)),
                Arranged.Via(art.Home, Rte, "Riley RTE"),
                async body =>
                {
                    Assert.Contains("Settings saved.", Arranged.CardText(body), StringComparison.Ordinal);
                    var saved = (await Store(bot).GetAsync(art.Art.TenantId, art.Art.Id, default))!;
                    Assert.Equal(("Renamed ART", new TimeOnly(11, 0)), (saved.Name, saved.Sync.Time));
                })
            {
                AllInputs = true,
                Inputs = new JsonObject { ["artName"] = "Renamed ART", ["syncTime"] = "11:00" },
            };
        });

        yield return new("art.edit", "art.edit", "the ART's overview (art): \"Change settings\"", async bot =>
        {
            var art = await ReplayArt.CreateAsync(bot);
            var overview = await art.Home.CommandAsync("art", Rte, "Riley RTE");
            return new Arranged(Assert.Single(overview.Cards), Bindings(art), Arranged.Via(art.Home, Rte, "Riley RTE"),
                body =>
                {
                    Assert.Contains("Settings of " + art.Art.Name, Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });

        yield return new("art.join", "art.join", "the choice of ART when a tenant has several (art join <team>)", async bot =>
        {
            var tenant = Guid.NewGuid().ToString();
            var first = await ReplayArt.CreateAsync(bot, tenant, "First ART");
            await ReplayArt.CreateAsync(bot, tenant, "Second ART");
            var channel = new VoteDriver(bot);
            var choose = await channel.CommandAsync("art join Apollo", "member-aad", "Megan Bowen", InTenant(tenant));
            return new Arranged(Assert.Single(choose.Cards), Bindings(first), Arranged.Via(channel, "member-aad", "Megan Bowen", InTenant(tenant)),
                async body =>
                {
                    Assert.Contains("joined " + first.Art.Name, Arranged.CardText(body), StringComparison.Ordinal);
                    var membership = (await Store(bot).FindByConversationAsync(tenant, channel.ConversationId, default))!;
                    Assert.Equal((first.Art.Id, "Apollo"), (membership.Art.Id, membership.Team!.TeamName));
                })
            { Pick = a => a.TryGetProperty("verb", out var verb) && verb.GetString() == "art.join" && a.GetProperty("data").GetProperty("artId").GetString() == first.Art.Id };
        });
    }

    private static IArtStore Store(BotHost bot) => bot.Services.GetRequiredService<IArtStore>();

    private static Action<JsonObject> InTenant(string tenant) => activity =>
    {
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"]!["tenant"]!["id"] = tenant;
    };

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
