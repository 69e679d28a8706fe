using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Sync;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Sync;
using ArtBot.IntegrationTests.Votes;

namespace ArtBot.IntegrationTests.CardActions;

/// <summary>The weekly ART sync's cards: a team's check-in prompt, and the summary's buttons for items needing help.</summary>
internal static class SyncCases
{
    private const string Dependency = "Need the Team 02 fraud API before our release";

    public static IEnumerable<CardActionCase> All()
    {
        yield return new("sync.answer", "sync.answer", "the check-in prompt in a team's channel (sync now): \"Send check-in\"", async bot =>
        {
            var rig = new SyncRig(bot);
            var (art, teams, next) = await ArtAsync(rig);
            await rig.CommandAsync(art.HomeConversationId, "sync now");
            var prompt = await bot.Connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(teams[0].ConversationId, StringComparison.Ordinal) && r.Cards.Any());
            return new Arranged(prompt[0].Cards.Single(), Bindings(art, next, teams), Arranged.Via(VoteDriver.In(bot, teams[0].ConversationId), "megan-aad", "Megan Bowen"),
                async body =>
                {
                    Assert.Contains("your check-in was saved", Arranged.CardText(body), StringComparison.Ordinal);
                    var answer = (await rig.Store.GetAnswerAsync(OccurrenceKey.Of(art, next), teams[0].ConversationId, default))!;
                    Assert.Equal(ObjectiveStatus.AtRisk, answer.Status);
                    Assert.Equal([new CheckInItem("Test env down", true)], answer.Blockers);
                    Assert.Equal([new CheckInItem("Fraud API from Team 02", false)], answer.Dependencies);
                    Assert.Equal(("Login feature done", "Demo Friday"), (answer.Progress, answer.Milestones));
                })
            {
                AllInputs = true,
                Inputs = new JsonObject
                {
                    ["status"] = "at-risk", ["progress"] = "Login feature done", ["blocker1"] = "Test env down", ["blocker1Help"] = "true",
                    ["blocker2"] = "", ["blocker3"] = "", ["dependency1"] = "Fraud API from Team 02", ["dependency2"] = "", ["dependency3"] = "",
                    ["milestones"] = "Demo Friday",
                },
            };
        });

        yield return new("sync.raise", "sync.raise", "the sync summary (sync summary): \"Raise impediment\" under a blocker needing help", async bot =>
        {
            var rig = new SyncRig(bot);
            var (art, teams, next) = await ArtAsync(rig);
            Arranged.CardText(await rig.InvokeAsync(teams[0].ConversationId, "sync.answer", SyncRig.Answer(art, next, "at-risk", "Test env down", true)));
            var summary = await SummaryAsync(bot, rig, art);
            return new Arranged(summary, Bindings(art, next, teams), Arranged.Via(VoteDriver.In(bot, art.SummaryConversationId), SyncRig.RteAad, "Rita RTE"),
                async body =>
                {
                    Assert.Contains("Raised as an impediment", Arranged.CardText(body), StringComparison.Ordinal);
                    var answer = (await rig.Store.GetAnswerAsync(OccurrenceKey.Of(art, next), teams[0].ConversationId, default))!;
                    Assert.NotNull(answer.Blockers[0].ImpedimentId);
                });
        });

        yield return new("sync.track", "sync.track", "the sync summary of an ART with a PI: a team under \"Provided by\", then \"Track dependency\"", async bot =>
        {
            var rig = new SyncRig(bot);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var (art, teams, next) = await ArtAsync(rig, new ProgramIncrement("PI Track", today.AddDays(-20), today.AddDays(60)));
            var answer = SyncRig.Answer(art, next, "at-risk");
            answer["dependency1"] = Dependency;
            answer["dependency1Help"] = "true";
            Arranged.CardText(await rig.InvokeAsync(teams[0].ConversationId, "sync.answer", answer));
            var summary = await SummaryAsync(bot, rig, art);
            var provider = Inputs(summary).Single(id => id.StartsWith("provider-", StringComparison.Ordinal));
            var bindings = Bindings(art, next, teams);
            bindings["providerInput"] = provider;
            return new Arranged(summary, bindings, Arranged.Via(VoteDriver.In(bot, art.SummaryConversationId), SyncRig.RteAad, "Rita RTE"),
                async body =>
                {
                    Assert.Contains("Tracked as a dependency between teams", Arranged.CardText(body), StringComparison.Ordinal);
                    var stored = (await rig.Store.GetAnswerAsync(OccurrenceKey.Of(art, next), teams[0].ConversationId, default))!;
                    Assert.NotNull(stored.Dependencies[0].DependencyId);
                })
            { Inputs = new JsonObject { [provider] = teams[1].ConversationId } };
        });
    }

    /// <summary>An ART whose next sync is three days away (its check-in open, no prompt due), with two teams.</summary>
    private static async Task<(Art Art, IReadOnlyList<ArtTeam> Teams, SyncOccurrence Next)> ArtAsync(SyncRig rig, ProgramIncrement? pi = null)
    {
        var (art, teams) = await rig.CreateArtAsync("Europe/Berlin", DateTimeOffset.UtcNow.AddDays(3).DayOfWeek, "10:00", 2, pi);
        return (art, teams, SyncCalendar.Next(art, DateTimeOffset.UtcNow)!);
    }

    private static async Task<JsonElement> SummaryAsync(BotHost bot, SyncRig rig, Art art)
    {
        await rig.CommandAsync(art.HomeConversationId, "sync summary");
        var posted = await bot.Connector.WaitForAsync(r => r.Method == "POST" && r.Path.Contains(art.SummaryConversationId, StringComparison.Ordinal) && r.Cards.Any());
        return posted[0].Cards.Single();
    }

    private static IEnumerable<string> Inputs(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => (element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal)
                ? [element.GetProperty("id").GetString()!] : Array.Empty<string>())
            .Concat(element.EnumerateObject().SelectMany(p => Inputs(p.Value))),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Inputs),
        _ => [],
    };

    private static Dictionary<string, string> Bindings(Art art, SyncOccurrence next, IReadOnlyList<ArtTeam> teams) => new()
    {
        ["artId"] = art.Id,
        ["occurrence"] = next.Id,
        ["home"] = art.HomeConversationId,
        ["team1"] = teams[0].ConversationId,
        ["team2"] = teams[1].ConversationId,
    };
}
