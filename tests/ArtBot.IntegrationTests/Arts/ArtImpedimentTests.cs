using System.Text.Json.Nodes;
using ArtBot.Domain.Arts;
using ArtBot.IntegrationTests.Impediments;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Arts;

/// <summary>Impediments of a team channel in an ART: they carry the ART and the team's name, and escalate to the ART's summary channel.</summary>
[Collection(BotTests.Name)]
public sealed class ArtImpedimentTests(BotHost bot)
{
    [Fact]
    public async Task An_impediment_of_an_art_team_names_the_team_and_escalates_to_the_arts_summary_channel()
    {
        var home = new VoteDriver(bot);
        await home.CommandAsync("art setup", "rte-aad", "Riley RTE");
        var form = new JsonObject
        {
            ["artName"] = "Escalation ART", ["syncDay"] = "Thursday", ["syncTime"] = "09:30", ["timeZone"] = "America/New_York",
            ["promptLead"] = "1440", ["reminderLead"] = "120", ["summaryChannel"] = home.ConversationId,
        };
        var (_, created) = await home.InvokeAsync("art.save", form, "rte-aad", "Riley RTE");
        Assert.Contains("ART set up", VoteDriver.CardText(created));

        var team = new ImpedimentDriver(bot);
        var joined = await team.CommandAsync("art join Comet");
        if (joined.Cards.Any())
        {
            var store = bot.Services.GetRequiredService<IArtStore>();
            var artId = (await store.FindByConversationAsync(VoteDriver.TenantId, home.ConversationId, default))!.Art.Id;
            await team.ActAsync("art.join", new JsonObject { ["artId"] = artId, ["teamName"] = "Comet" });
        }

        var (id, _) = await team.RaiseAsync("Test environment down since Monday");
        var raised = (await team.GetAsync(id))!;
        Assert.NotNull(raised.ArtId);
        Assert.Equal("Comet", raised.TeamName);

        var (_, body) = await team.ActAsync("impediment.escalate", id, "megan-aad", "Megan Bowen");

        Assert.Contains("ART's RTEs", ImpedimentDriver.CardText(body), StringComparison.Ordinal);
        var escalation = (await bot.Connector.WaitForAsync(r => r.Method == "POST" && home.IsMine(r) && r.AllText.Contains("needs the RTE", StringComparison.Ordinal)))[0];
        Assert.Contains("Test environment down since Monday", escalation.AllText, StringComparison.Ordinal);
        Assert.Contains("Riley RTE", escalation.AllText, StringComparison.Ordinal);
        Assert.Contains("team Comet", escalation.AllText, StringComparison.Ordinal);

        var artList = await home.CommandAsync("impediments");
        Assert.Contains("Escalation ART (all teams)", artList.AllText, StringComparison.Ordinal);
        Assert.Contains("Test environment down since Monday", artList.AllText, StringComparison.Ordinal);
        Assert.Contains("Comet \u00b7 Impediment", artList.AllText, StringComparison.Ordinal);
    }
}
