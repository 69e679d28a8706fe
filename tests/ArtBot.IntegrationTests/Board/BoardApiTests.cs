using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ArtBot.Domain.Planning;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Planning;
using ArtBot.IntegrationTests.Room;
using ArtBot.IntegrationTests.Votes;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.Board;

/// <summary>
/// The program board's API through HTTP (Teams SSO tokens from the local Entra-like issuer, membership answered by the
/// recording connector, Azurite): features placed by their teams, a move from a stale view refused with what is there
/// now, each change in the feature's history, dependency strings judged from the features they are tied to, the
/// conflict actions (a ROAM risk, a proposal posted to the providing team), capacity, milestones, polling with ETags and
/// the CSV.
/// </summary>
[Collection(BotTests.Name)]
public sealed class BoardApiTests(BotHost bot)
{
    private const string Tenant = VoteDriver.TenantId;
    private const string Stranger = "00000000-0000-0000-0000-0000000000d4";
    private static readonly string[] UnknownTeam = ["19:not-a-team"];

    [Fact]
    public async Task Teams_place_their_parts_a_stale_move_is_refused_and_every_change_is_in_the_history()
    {
        await using var board = await BoardRig.StartAsync(bot);
        var rig = board.Rig;
        var rte = board.Token(PlanningRig.RteAad, "Riley RTE");
        var megan = board.Token(PlanningRig.MemberAad, "Megan Bowen");

        // Only Product Managers and RTEs add features; Megan (a team member) is refused with words.
        var refused = await board.SendAsync(HttpMethod.Post, "/board/features", rig.Home, megan, new { title = "Checkout", teams = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Product Managers and RTEs", refused.Body, StringComparison.Ordinal);
        var added = await board.SendAsync(HttpMethod.Post, "/board/features", rig.Home, rte,
            new { title = "Checkout", description = "One-page checkout", businessValue = 8, teams = new[] { rig.Rocket.ConversationId, rig.Comet.ConversationId } });
        Assert.Equal(HttpStatusCode.Created, added.Status);
        var feature = JsonNode.Parse(added.Body)!["id"]!.GetValue<string>();

        // The board: six iterations (the last IP), both parts not planned; polling the same board answers 304.
        var (view, tag) = await board.ViewAsync(rig.Home, rte);
        Assert.Equal([false, false, false, false, false, true], view["iterations"]!.AsArray().Select(i => i!["isIp"]!.GetValue<bool>()));
        Assert.All(Parts(view, feature), p => Assert.Null(p!["iteration"]));
        Assert.Equal(HttpStatusCode.NotModified, await board.PollAsync(rig.Home, rte, tag));

        // Megan plans Rocket's part from Rocket's channel; the board changes (new ETag) and shows it.
        var moved = await board.SendAsync(HttpMethod.Post, "/board/moves", rig.Rocket, megan, new { featureId = feature, team = rig.Rocket.ConversationId, from = (int?)null, to = 2 });
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal(HttpStatusCode.OK, await board.PollAsync(rig.Home, rte, tag));
        var (after, _) = await board.ViewAsync(rig.Home, rte);
        Assert.Equal(2, Parts(after, feature).Single(p => p!["team"]!.GetValue<string>() == rig.Rocket.ConversationId)!["iteration"]!.GetValue<int>());

        // Someone who still saw it unplanned moves it to 3: refused, told where it is now; nothing lost.
        var stale = await board.SendAsync(HttpMethod.Post, "/board/moves", rig.Home, rte, new { featureId = feature, team = rig.Rocket.ConversationId, from = (int?)null, to = 3 });
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        var conflict = JsonNode.Parse(stale.Body)!;
        Assert.Contains("it is now in iteration 2", conflict["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, conflict["current"]!["parts"]!.AsArray().Single(p => p!["team"]!.GetValue<string>() == rig.Rocket.ConversationId)!["iteration"]!.GetValue<int>());

        // A member of another team cannot plan Comet's part; an iteration outside the PI is a 400 that says the range.
        bot.Connector.FailPaths[$"/v3/conversations/{rig.Comet.ConversationId}/members/{Stranger}"] = 404;
        var notTheirs = await board.SendAsync(HttpMethod.Post, "/board/moves", rig.Home, board.Token(Stranger, "Sam Stranger"),
            new { featureId = feature, team = rig.Comet.ConversationId, from = (int?)null, to = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.Status);
        Assert.Contains("Only members of Comet", notTheirs.Body, StringComparison.Ordinal);
        var outside = await board.SendAsync(HttpMethod.Post, "/board/moves", rig.Rocket, megan, new { featureId = feature, team = rig.Rocket.ConversationId, from = 2, to = 9 });
        Assert.Equal(HttpStatusCode.BadRequest, outside.Status);
        Assert.Contains("1 to 6", outside.Body, StringComparison.Ordinal);

        var history = JsonNode.Parse((await board.SendAsync(HttpMethod.Get, $"/board/features/{feature}/history", rig.Home, rte, null)).Body)!["changes"]!.AsArray();
        Assert.Equal(["created", "iteration:Rocket"], history.Select(c => c!["field"]!.GetValue<string>()));
        Assert.Equal(("Megan Bowen", null, "2"), (history[1]!["by"]!.GetValue<string>(), history[1]!["from"]?.GetValue<string>(), history[1]!["to"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_dependency_tied_to_features_is_judged_from_their_parts_and_its_conflict_can_be_acted_on()
    {
        await using var board = await BoardRig.StartAsync(bot);
        var rig = board.Rig;
        var rte = board.Token(PlanningRig.RteAad, "Riley RTE");

        // Rocket needs a login component by iteration 2; Comet's feature that delivers it is planned in iteration 4.
        var login = JsonNode.Parse((await board.SendAsync(HttpMethod.Post, "/board/features", rig.Home, rte,
            new { title = "Single sign-on", businessValue = 5, teams = new[] { rig.Comet.ConversationId } })).Body)!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await board.SendAsync(HttpMethod.Post, "/board/moves", rig.Home, rte, new { featureId = login, team = rig.Comet.ConversationId, from = (int?)null, to = 4 })).Status);
        var (dependency, _) = await rig.RequestDependencyAsync("Shared login component", neededBy: 2);
        var stored = (await rig.Dependencies.GetAsync(rig.Art.TenantId, rig.Art.Id, dependency, default))!;
        Assert.NotNull(await rig.Dependencies.UpdateAsync(stored with { ProviderFeatureId = login }, [], default));

        var (view, _) = await board.ViewAsync(rig.Home, rte);
        var line = view["strings"]!.AsArray().Single(s => s!["dependencyId"]!.GetValue<string>() == dependency)!;
        Assert.Equal(("conflict", 2, "2 iterations late", login, 4, 2), (
            line["state"]!.GetValue<string>(), line["iterationsLate"]!.GetValue<int>(), line["words"]!.GetValue<string>(),
            line["fromFeature"]!.GetValue<string>(), line["fromIteration"]!.GetValue<int>(), line["toIteration"]!.GetValue<int>()));
        var row = view["conflicts"]!.AsArray().Single()!;
        Assert.Equal([1, 2], row["proposeIterations"]!.AsArray().Select(i => i!.GetValue<int>()));

        // Raise it as a risk (once), and propose iteration 1 to Comet in its channel.
        var risk = await board.SendAsync(HttpMethod.Post, $"/board/strings/{dependency}/risk", rig.Home, rte, null);
        Assert.Equal(HttpStatusCode.OK, risk.Status);
        var riskId = JsonNode.Parse(risk.Body)!["riskId"]!.GetValue<string>();
        Assert.Equal(riskId, (await rig.Dependencies.GetAsync(rig.Art.TenantId, rig.Art.Id, dependency, default))!.RiskId);
        Assert.Equal(riskId, JsonNode.Parse((await board.SendAsync(HttpMethod.Post, $"/board/strings/{dependency}/risk", rig.Home, rte, null)).Body)!["riskId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await board.SendAsync(HttpMethod.Post, $"/board/strings/{dependency}/proposal", rig.Home, rte, new { iteration = 6 })).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await board.SendAsync(HttpMethod.Post, $"/board/strings/{dependency}/proposal", rig.Home, rte, new { iteration = 1 })).Status);
        var proposal = Assert.Single(await bot.Connector.WaitForAsync(r =>
            r.Method == "POST" && r.Path == $"/v3/conversations/{rig.Comet.ConversationId}/activities" && r.AllText.Contains("proposes", StringComparison.Ordinal)));
        Assert.Contains("Riley RTE proposes that Comet commits “Shared login component” in iteration 1 (Rocket needs it in iteration 2)", proposal.AllText, StringComparison.Ordinal);

        // Comet moves its feature to iteration 1: the string is on track and the conflict leaves the list.
        Assert.Equal(HttpStatusCode.OK, (await board.SendAsync(HttpMethod.Post, "/board/moves", rig.Home, rte, new { featureId = login, team = rig.Comet.ConversationId, from = 4, to = 1 })).Status);
        var (fixedView, _) = await board.ViewAsync(rig.Home, rte);
        Assert.Equal("onTrack", fixedView["strings"]!.AsArray().Single()!["state"]!.GetValue<string>());
        Assert.Empty(fixedView["conflicts"]!.AsArray());
    }

    [Fact]
    public async Task Capacity_shows_the_load_milestones_sit_on_their_iteration_and_the_csv_holds_the_board()
    {
        await using var board = await BoardRig.StartAsync(bot);
        var rig = board.Rig;
        var rte = board.Token(PlanningRig.RteAad, "Riley RTE");
        var megan = board.Token(PlanningRig.MemberAad, "Megan Bowen");

        var feature = JsonNode.Parse((await board.SendAsync(HttpMethod.Post, "/board/features", rig.Home, rte,
            new { title = "Payments, =SUM(A1)", teams = new[] { rig.Rocket.ConversationId } })).Body)!["id"]!.GetValue<string>();
        var planning = rig.Services.GetRequiredService<IPlanStore<Feature>>();
        var stored = (await planning.GetAsync(rig.Art.TenantId, rig.Art.Id, feature, default))!;
        Assert.NotNull(await planning.UpdateAsync(stored with { Parts = [stored.Parts[0] with { Iteration = 2, Points = 13 }] }, [], default));

        var capacity = await board.SendAsync(HttpMethod.Put, "/board/capacity", rig.Rocket, megan, new { team = rig.Rocket.ConversationId, iteration = 2, points = 10 });
        Assert.Equal(HttpStatusCode.OK, capacity.Status);
        var load = JsonNode.Parse(capacity.Body)!["load"]!.AsArray()[1]!;
        Assert.Equal((10, 13, true), (load["capacity"]!.GetValue<int>(), load["load"]!.GetValue<int>(), load["over"]!.GetValue<bool>()));

        Assert.Equal(HttpStatusCode.Forbidden, (await board.SendAsync(HttpMethod.Post, "/board/milestones", rig.Rocket, megan, new { date = "2027-02-15", title = "Beta", kind = "release" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await board.SendAsync(HttpMethod.Post, "/board/milestones", rig.Home, rte, new { date = "2027-02-15", title = "Beta", kind = "party" })).Status);
        var milestone = await board.SendAsync(HttpMethod.Post, "/board/milestones", rig.Home, rte, new { date = "2027-02-15", title = "Beta", kind = "release" });
        Assert.Equal(HttpStatusCode.Created, milestone.Status);
        Assert.Equal(4, JsonNode.Parse(milestone.Body)!["iteration"]!.GetValue<int>());

        var (view, _) = await board.ViewAsync(rig.Home, rte);
        Assert.Equal("Beta", view["milestones"]!.AsArray().Single()!["title"]!.GetValue<string>());
        var csv = (await board.SendAsync(HttpMethod.Get, "/board.csv", rig.Home, rte, null)).Body;
        Assert.Contains("feature,\"Payments, =SUM(A1)\",Rocket,2,13", csv, StringComparison.Ordinal);
        Assert.Contains("milestone,Beta,,4,,,,release,,,,,2027-02-15,", csv, StringComparison.Ordinal);

        var id = JsonNode.Parse(milestone.Body)!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await board.SendAsync(HttpMethod.Delete, "/board/milestones/" + id, rig.Home, rte, null)).Status);
        Assert.Empty((await board.ViewAsync(rig.Home, rte)).View["milestones"]!.AsArray());
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_4xx_never_a_500()
    {
        await using var board = await BoardRig.StartAsync(bot);
        var rig = board.Rig;
        var rte = board.Token(PlanningRig.RteAad, "Riley RTE");
        var conversation = "?conversation=" + Uri.EscapeDataString(rig.Home.ConversationId);

        using var malformed = new HttpRequestMessage(HttpMethod.Post, "/api/room/board/moves" + conversation) { Content = new StringContent("{\"featureId\":", Encoding.UTF8, "application/json") };
        malformed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", rte);
        using var answer = await rig.Client.SendAsync(malformed);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await board.SendAsync(HttpMethod.Post, "/board/moves", rig.Home, rte, new { featureId = "../../x", team = rig.Rocket.ConversationId, from = (int?)null, to = 1 })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await board.SendAsync(HttpMethod.Post, "/board/moves", rig.Home, rte, new { featureId = "0123456789abcdef", team = "19:not-a-team", from = (int?)null, to = 1 })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await board.SendAsync(HttpMethod.Post, "/board/milestones", rig.Home, rte, new { date = "0001-01-01", title = "Beta", kind = "release" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await board.SendAsync(HttpMethod.Post, "/board/milestones", rig.Home, rte, new { date = "2027-02-01", title = "", kind = "release" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await board.SendAsync(HttpMethod.Post, "/board/features", rig.Home, rte, new { title = new string('x', 201), teams = Array.Empty<string>() })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await board.SendAsync(HttpMethod.Post, "/board/features", rig.Home, rte, new { title = "Ok", teams = UnknownTeam })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await board.SendAsync(HttpMethod.Get, "/board/features/zz/history", rig.Home, rte, null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await board.SendAsync(HttpMethod.Post, "/board/strings/0123456789abcdef/risk", rig.Home, rte, null)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await board.SendAsync(HttpMethod.Put, "/board/capacity", rig.Rocket, rte, new { team = rig.Rocket.ConversationId, iteration = 1, points = -3 })).Status);
    }

    private static JsonArray Parts(JsonNode view, string feature) =>
        view["features"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == feature)!["parts"]!.AsArray();
}

/// <summary>A planning rig (an ART with Rocket and Comet, RTE Riley, member Megan) and its ART room tokens.</summary>
internal sealed class BoardRig : IAsyncDisposable
{
    private readonly EntraIssuer _issuer;

    private BoardRig(PlanningRig rig, EntraIssuer issuer) => (Rig, _issuer) = (rig, issuer);

    public PlanningRig Rig { get; }

    public static async Task<BoardRig> StartAsync(BotHost bot)
    {
        var issuer = await EntraIssuer.StartAsync(bot);
        // Every poll reads storage (no per-instance age): the test changes some rows behind the API's back.
        var settings = new Dictionary<string, string?>(issuer.Settings) { ["Board:LiveStateAge"] = "00:00:00" };
        var rig = await PlanningRig.StartAsync(bot, settings: settings);
        issuer.Clock = rig.Clock;
        return new BoardRig(rig, issuer);
    }

    public string Token(string objectId, string name) => _issuer.Token(VoteDriver.TenantId, objectId, name);

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, VoteDriver place, string token, object? body)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        using var request = new HttpRequestMessage(method, "/api/room" + path + separator + "conversation=" + Uri.EscapeDataString(place.ConversationId));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Rig.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(JsonNode View, string ETag)> ViewAsync(VoteDriver place, string token)
    {
        using var request = EntraIssuer.Get("/api/room/board?conversation=" + Uri.EscapeDataString(place.ConversationId), token);
        using var response = await Rig.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!, response.Headers.ETag!.Tag);
    }

    public async Task<HttpStatusCode> PollAsync(VoteDriver place, string token, string etag)
    {
        using var request = EntraIssuer.Get("/api/room/board?conversation=" + Uri.EscapeDataString(place.ConversationId), token);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        using var response = await Rig.Client.SendAsync(request);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await Rig.DisposeAsync();
        await _issuer.DisposeAsync();
    }
}
