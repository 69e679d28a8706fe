using System.Text.Json.Nodes;
using ArtBot.Domain.Pulses;
using ArtBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.CardActions;

/// <summary>The team pulse card: a score and a word chosen, then "Send".</summary>
internal static class PulseCases
{
    public static IEnumerable<CardActionCase> All()
    {
        yield return new("pulse.send", "pulse.send", "a team's pulse card (pulse in its channel): a score and a word, then \"Send\"", async bot =>
        {
            var art = await ReplayArt.CreateAsync(bot);
            var card = await art.Rocket.CommandAsync("pulse", ReplayArt.Member, "Megan Bowen");
            return new Arranged(Assert.Single(card.Cards), art.Bindings(), Arranged.Via(art.Rocket, ReplayArt.Member, "Megan Bowen"),
                async body =>
                {
                    Assert.Contains("Your answer: 4", Arranged.CardText(body), StringComparison.Ordinal);
                    var pulses = await bot.Services.GetRequiredService<IPulseStore>().ListAsync(art.Art.TenantId, art.Art.Id, art.Art.CurrentPi!.Name, default);
                    Assert.Equal(new PulseAnswer(4, "calm"), Assert.Single(Assert.Single(pulses).Answers));
                })
            { Inputs = new JsonObject { ["score"] = "4", ["word"] = "calm" } };
        });
    }
}
