using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;

namespace ArtBot.IntegrationTests.CardActions;

/// <summary>The vote cards' actions: the "new vote" form, the ballot buttons, "My vote", closing, voting again, concerns and risks.</summary>
internal static class VoteCases
{
    private const string Creator = "creator-aad";
    private const string Voter = "voter-aad";

    public static IEnumerable<CardActionCase> All()
    {
        yield return new("vote.start", "vote.start", "the \"new vote\" form (vote without a question)", async bot =>
        {
            var driver = new VoteDriver(bot);
            var form = await driver.CommandAsync("vote");
            return new Arranged(Assert.Single(form.Cards), Bindings(),
                Arranged.Via(driver, Creator, "Ceri Creator"),
                body =>
                {
                    var text = Arranged.CardText(body);
                    Assert.Contains("Confidence vote started", text, StringComparison.Ordinal);
                    Assert.Contains("Can we commit to the plan?", text, StringComparison.Ordinal);
                    Assert.Contains("anonymous", text, StringComparison.OrdinalIgnoreCase);
                    return Task.CompletedTask;
                })
            {
                Inputs = new JsonObject { ["question"] = "Can we commit to the plan?", ["mode"] = "anonymous", ["results"] = "live", ["deadline"] = "15" },
            };
        });

        yield return new("vote.cast", "vote.cast", "the vote card: the ballot button \"4\"", async bot =>
        {
            var (driver, voteId, card) = await StartAsync(bot);
            return new Arranged(card, Bindings(voteId), Arranged.Via(driver, Voter, "Vera Voter"),
                body =>
                {
                    Assert.Contains("Your vote: **4", Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                })
            { Pick = a => IdIs(a, "cast-4") };
        });

        yield return new("vote.refresh", "vote.refresh", "the vote card: \"My vote\"", async bot =>
        {
            var (driver, voteId, card) = await StartAsync(bot);
            return new Arranged(card, Bindings(voteId), Arranged.Via(driver, Voter, "Vera Voter"),
                body =>
                {
                    Assert.Contains(Question, Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                })
            { Pick = a => IdIs(a, "my-vote") };
        });

        yield return new("vote.close", "vote.close", "the vote card: \"Close vote…\" then \"Yes, close the vote\"", async bot =>
        {
            var (driver, voteId, card) = await StartAsync(bot);
            return new Arranged(card, Bindings(voteId), Arranged.Via(driver, Creator, "Ceri Creator"),
                async body =>
                {
                    Assert.Contains("closed", Arranged.CardText(body), StringComparison.Ordinal);
                    var (_, again) = await driver.CastAsync(voteId, 3, Voter);
                    Assert.Equal("VoteClosed", VoteDriver.ErrorCode(again));
                });
        });

        yield return new("vote.again", "vote.again", "the closed vote card: \"Vote again\"", async bot =>
        {
            var (driver, voteId, _) = await StartAsync(bot);
            var (_, closed) = await driver.CloseAsync(voteId, Creator);
            return new Arranged(closed.GetProperty("value"), Bindings(voteId), Arranged.Via(driver, Creator, "Ceri Creator"),
                body =>
                {
                    Assert.Contains("Round 2 started", Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });

        yield return new("vote.concern", "vote.concern", "the voter's own view after a 2: the concern box and \"Send concern\"", async bot =>
        {
            var (driver, voteId, _) = await StartAsync(bot);
            var (_, own) = await driver.CastAsync(voteId, 2, Voter, "Vera Voter");
            return new Arranged(own.GetProperty("value"), Bindings(voteId), Arranged.Via(driver, Voter, "Vera Voter"),
                body =>
                {
                    Assert.Contains("your concern was recorded", Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                })
            {
                Inputs = new JsonObject { ["concern"] = "Nobody can test the payments flow" },
            };
        });

        yield return new("vote.risk", "vote.risk", "the closed vote card: \"Raise as risk\" under a concern", async bot =>
        {
            var (driver, voteId, _) = await StartAsync(bot);
            await driver.CastAsync(voteId, 1, Voter, "Vera Voter");
            var (_, concern) = await driver.InvokeAsync("vote.concern", new JsonObject { ["voteId"] = voteId, ["concern"] = "The API contract is unclear" }, Voter, "Vera Voter");
            Arranged.CardText(concern);
            var (_, closed) = await driver.CloseAsync(voteId, Creator);
            var card = closed.GetProperty("value");
            return new Arranged(card, Bindings(voteId, ("concernId", VoteDriver.DataOf(card, "concernId"))), Arranged.Via(driver, Creator, "Ceri Creator"),
                body =>
                {
                    Assert.Contains("Raised as a risk", Arranged.CardText(body), StringComparison.Ordinal);
                    return Task.CompletedTask;
                });
        });
    }

    private const string Question = "Are we confident in PI 7?";

    private static async Task<(VoteDriver Driver, string VoteId, JsonElement Card)> StartAsync(BotHost bot)
    {
        var driver = new VoteDriver(bot);
        var (voteId, posted) = await driver.StartAsync(Question);
        return (driver, voteId, Assert.Single(posted.Cards));
    }

    private static Dictionary<string, string> Bindings(string? voteId = null, params (string Name, string Value)[] more)
    {
        var bindings = more.ToDictionary(b => b.Name, b => b.Value);
        if (voteId is not null)
        {
            bindings["voteId"] = voteId;
        }

        return bindings;
    }

    public static bool IdIs(JsonElement action, string id) =>
        action.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == id;
}
