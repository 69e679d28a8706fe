using System.Text.Json.Nodes;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Planning;
using ArtBot.Features.Demos;
using ArtBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.CardActions;

/// <summary>The System Demo agenda: "Give feedback" on an item (its verdict and a comment), then "Send feedback".</summary>
internal static class DemoCases
{
    public static IEnumerable<CardActionCase> All()
    {
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
