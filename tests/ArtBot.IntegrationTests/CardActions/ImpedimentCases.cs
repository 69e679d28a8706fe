using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Impediments;
using ArtBot.IntegrationTests.Impediments;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.CardActions;

/// <summary>
/// The impediment cards' actions: the raise form, the impediment card's lifecycle buttons, a list's buttons and pages,
/// and the message extension's dialog.
/// </summary>
internal static class ImpedimentCases
{
    private const string Raiser = "alex-aad";
    private const string Actor = "lee-aad";
    private const string Title = "Build servers are down";

    public static IEnumerable<CardActionCase> All()
    {
        yield return new("impediment.raise", "impediment.raise", "the raise form (impediment without text)", async bot =>
        {
            var team = new ImpedimentDriver(bot);
            var form = await team.CommandAsync("impediment");
            return new Arranged(Assert.Single(form.Cards), new Dictionary<string, string>(), Via(bot, team),
                async body =>
                {
                    Assert.Contains("Risk raised", Arranged.CardText(body), StringComparison.Ordinal);
                    var raised = Assert.Single((await team.ListAsync(new ImpedimentQuery(ImpedimentKind.Risk))).Items);
                    Assert.Equal((Title, Severity.High, "Rocket"), (raised.Title, raised.Severity, raised.TeamName));
                })
            {
                Inputs = new JsonObject
                {
                    ["title"] = Title, ["description"] = "Nothing deploys since Monday", ["kind"] = "risk", ["severity"] = "high", ["team"] = "Rocket",
                },
            };
        });

        yield return new("impediment.show", "impediment.show", "a list (impediments): \"Open\"", async bot =>
        {
            var (team, id, _) = await RaiseAsync(bot);
            var list = await team.CommandAsync("impediments");
            return new Arranged(Assert.Single(list.Cards), Bindings(id), Via(bot, team),
                body =>
                {
                    var text = Arranged.CardText(body);
                    Assert.Contains(Title, text, StringComparison.Ordinal);
                    Assert.Contains("Escalate", text, StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });

        yield return Change("impediment.take", "the impediment card: \"Take ownership\"", null, new JsonObject(),
            impediment => Assert.Equal(Actor, impediment.Owner?.Id));

        yield return new("impediment.chooseOwner", "impediment.chooseOwner", "the impediment card: \"Set owner\"", async bot =>
        {
            var (team, id, card) = await RaiseAsync(bot);
            return new Arranged(card, Bindings(id), Via(bot, team),
                body =>
                {
                    Assert.Contains("New owner", Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });

        yield return new("impediment.setOwner", "impediment.setOwner", "the owner picker (after \"Set owner\"): \"Assign\"", async bot =>
        {
            var (team, id, _) = await RaiseAsync(bot);
            var (_, picker) = await team.ActAsync("impediment.chooseOwner", id, Actor, "Lee Gu");
            return new Arranged(picker.GetProperty("value"), Bindings(id), Via(bot, team),
                async body =>
                {
                    Assert.Contains("Alex Wilber owns this now.", Arranged.CardText(body), StringComparison.Ordinal);
                    Assert.Equal(Raiser, (await team.GetAsync(id))!.Owner?.Id);
                })
            { Inputs = new JsonObject { ["ownerId"] = Raiser } };
        });

        yield return Change("impediment.roam", "the impediment card: \"ROAM…\" then \"Set ROAM\"", "set-roam", new JsonObject { ["roam"] = "mitigated" },
            impediment => Assert.Equal(RoamStatus.Mitigated, impediment.Roam));

        yield return new("impediment.roam~list", "impediment.roam", "a list (impediments): \"ROAM…\" then \"Set ROAM\" on a line", async bot =>
        {
            var (team, id, _) = await RaiseAsync(bot);
            var list = await team.CommandAsync("impediments");
            return new Arranged(Assert.Single(list.Cards), Bindings(id), Via(bot, team),
                async body =>
                {
                    Arranged.CardText(body);
                    Assert.Equal(RoamStatus.Accepted, (await team.GetAsync(id))!.Roam);
                })
            {
                Pick = a => VoteCases.IdIs(a, "set-roam-" + id),
                Inputs = new JsonObject { ["roam-" + id] = "accepted" },
            };
        });

        yield return Change("impediment.escalate", "the impediment card: \"Escalate\"", null, new JsonObject(),
            impediment => Assert.NotNull(impediment.EscalatedAt));

        yield return Change("impediment.resolve", "the impediment card: \"Resolve\" with a note", "resolve", new JsonObject { ["note"] = "Ops rebuilt the servers" },
            impediment => Assert.Equal((false, "Ops rebuilt the servers"), (impediment.IsOpen, impediment.ResolutionNote)));

        yield return new("impediment.reopen", "impediment.reopen", "the resolved impediment card: \"Reopen\"", async bot =>
        {
            var (team, id, _) = await RaiseAsync(bot);
            var (_, resolved) = await team.ActAsync("impediment.resolve", new JsonObject { ["impedimentId"] = id, ["note"] = "Done" }, Actor, "Lee Gu");
            return new Arranged(resolved.GetProperty("value"), Bindings(id), Via(bot, team),
                async body =>
                {
                    Assert.Contains("Reopened.", Arranged.CardText(body), StringComparison.Ordinal);
                    Assert.True((await team.GetAsync(id))!.IsOpen);
                });
        });

        yield return new("impediments.page", "impediments.page", "a list of more than 15 (impediments): \"Next\"", async bot =>
        {
            var team = new ImpedimentDriver(bot);
            for (var i = 1; i <= 16; i++)
            {
                await team.CommandAsync($"impediment Paged blocker {i:00}");
            }

            var list = await team.CommandAsync("impediments");
            return new Arranged(Assert.Single(list.Cards), new Dictionary<string, string>(), Via(bot, team),
                body =>
                {
                    var text = Arranged.CardText(body);
                    Assert.Contains("Items 16\u201316 of 16", text, StringComparison.Ordinal);
                    Assert.Contains("Paged blocker 16", text, StringComparison.Ordinal);
                    return Task.CompletedTask;
                })
            { Pick = a => VoteCases.IdIs(a, "next-page") };
        });

        yield return new("composeExtension.submitAction", null, "the message extension's \"Raise impediment\" dialog (from a message's menu): \"Raise\"", async bot =>
        {
            var team = new ImpedimentDriver(bot);
            var fetch = team.MessageExtension(TeamsPayloads.FetchTaskMessage);
            var messageId = fetch["value"]!["messagePayload"]!["id"]!.GetValue<string>();
            var (_, dialog) = await team.PostInvokeAsync(fetch);
            var card = dialog.GetProperty("task").GetProperty("value").GetProperty("card").GetProperty("content");
            return new Arranged(card, new Dictionary<string, string> { ["messageId"] = messageId },
                async value =>
                {
                    var activity = team.MessageExtension(TeamsPayloads.SubmitActionMessage);
                    activity["value"] = value.DeepClone();
                    ImpedimentDriver.SetFrom(activity, Actor, "Lee Gu");
                    var (status, body) = await team.PostInvokeAsync(activity);
                    Assert.Equal(System.Net.HttpStatusCode.OK, status);
                    return body;
                },
                async body =>
                {
                    var task = body.GetProperty("task");
                    Assert.Equal("message", task.GetProperty("type").GetString());
                    Assert.Contains("Impediment raised", task.GetProperty("value").GetString(), StringComparison.Ordinal);
                    var raised = Assert.Single((await team.ListAsync(new ImpedimentQuery(ImpedimentKind.Impediment))).Items);
                    Assert.Equal(("Test environment down", Severity.Critical, messageId), (raised.Title, raised.Severity, raised.Source.ReferenceId));
                })
            {
                Pick = a => a.GetProperty("type").GetString() == "Action.Submit",
                Inputs = new JsonObject
                {
                    ["title"] = "Test environment down", ["description"] = "Nothing deploys since Monday", ["kind"] = "impediment", ["severity"] = "critical", ["team"] = "Phoenix",
                },
                Wrap = (_, data) =>
                {
                    var value = TeamsPayloads.Load(TeamsPayloads.SubmitActionMessage)["value"]!.DeepClone().AsObject();
                    value["data"] = data;
                    value["messagePayload"]!["id"] = messageId;
                    return value;
                },
            };
        }) { Invoke = "composeExtension/submitAction" };
    }

    /// <summary>A lifecycle button on the posted impediment card, pressed by someone other than the raiser.</summary>
    private static CardActionCase Change(string verb, string from, string? actionId, JsonObject inputs, Action<Impediment> check) =>
        new(verb, verb, from, async bot =>
        {
            var (team, id, card) = await RaiseAsync(bot);
            return new Arranged(card, Bindings(id), Via(bot, team),
                async body =>
                {
                    Arranged.CardText(body);
                    check((await team.GetAsync(id))!);
                })
            {
                Pick = actionId is null ? null : a => VoteCases.IdIs(a, actionId),
                Inputs = inputs,
            };
        });

    private static async Task<(ImpedimentDriver Team, string Id, JsonElement Card)> RaiseAsync(BotHost bot)
    {
        var team = new ImpedimentDriver(bot);
        var (id, posted) = await team.RaiseAsync(Title, Raiser, "Alex Wilber");
        return (team, id, Assert.Single(posted.Cards));
    }

    private static Dictionary<string, string> Bindings(string impedimentId) => new() { ["impedimentId"] = impedimentId };

    private static Func<JsonObject, Task<JsonElement>> Via(BotHost bot, ImpedimentDriver team) =>
        Arranged.Via(VoteDriver.In(bot, team.ChannelId), Actor, "Lee Gu", Arranged.InTeam(team.TeamId, team.ChannelId));
}
