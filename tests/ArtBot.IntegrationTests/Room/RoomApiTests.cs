using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Features.Dependencies;
using ArtBot.Features.Impediments;
using ArtBot.Features.Objectives;
using ArtBot.Domain.Sync;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Planning;
using ArtBot.IntegrationTests.Sync;
using ArtBot.IntegrationTests.Votes;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ArtBot.IntegrationTests.Room;

/// <summary>
/// The ART room API through HTTP: Teams SSO tokens from a local Entra-like issuer, membership answered by the recording
/// connector, and data created through /api/messages (votes cast, impediments raised, check-ins answered, objectives
/// valued) on a bot instance whose clock the test controls.
/// </summary>
[Collection(BotTests.Name)]
public sealed class RoomApiTests(BotHost bot)
{
    private const string Tenant = VoteDriver.TenantId;
    private const string Megan = "00000000-0000-0000-0000-0000000000a1";

    private static async Task<(PlanningRig Rig, EntraIssuer Issuer)> StartAsync(BotHost bot)
    {
        var issuer = await EntraIssuer.StartAsync(bot);
        var rig = await PlanningRig.StartAsync(bot, settings: issuer.Settings);
        issuer.Clock = rig.Clock;
        return (rig, issuer);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(PlanningRig rig, string path, string? token)
    {
        using var response = await rig.Client.SendAsync(EntraIssuer.Get(path, token));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_a_valid_sso_token_of_a_member_in_the_conversations_own_tenant_reads_it()
    {
        var (rig, issuer) = await StartAsync(bot);
        await using var _ = rig;
        await using var __ = issuer;
        var path = "/api/room/context?conversation=" + Uri.EscapeDataString(rig.Home.ConversationId);

        var (ok, body) = await GetAsync(rig, path, issuer.Token(Tenant, Megan));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(rig.Art.Name, JsonNode.Parse(body)!["art"]!["name"]!.GetValue<string>());
        Assert.Equal("art", JsonNode.Parse(body)!["scope"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(rig, path, null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(rig, path, "not-a-token")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(rig, path, issuer.Token(Tenant, Megan, change: o => o.Expires = rig.Clock.GetUtcNow().AddMinutes(-10)))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(rig, path, issuer.Token(Tenant, Megan, change: o => o.Audience = "api://someone-else"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(rig, path, issuer.Token(Tenant, Megan, change: o => o.Issuer = "https://login.microsoftonline.com/00000000-0000-0000-0000-0000000000ff/v2.0"))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(rig, path, issuer.Token(Tenant, Megan, change: o => o.SigningKey = bot.Tokens.UnpublishedKey))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(rig, path, issuer.Token(Tenant, Megan, change: o => o.ExtraClaims["scp"] = "User.Read"))).Status);

        // A valid token of another tenant finds nothing here; a non-member of this tenant neither.
        const string other = "00000000-0000-0000-0000-0000000000ff";
        var (foreign, foreignBody) = await GetAsync(rig, path, issuer.Token(other, Megan, change: o => o.Issuer = EntraIssuer.Template.Replace("{tenantid}", other, StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.NotFound, foreign);
        Assert.DoesNotContain(rig.Art.Name, foreignBody, StringComparison.Ordinal);
        const string stranger = "00000000-0000-0000-0000-0000000000b2";
        bot.Connector.FailPaths[$"/v3/conversations/{rig.Home.ConversationId}/members/{stranger}"] = 404;
        var (notMember, notMemberBody) = await GetAsync(rig, path.Replace("context", "risks", StringComparison.Ordinal), issuer.Token(Tenant, stranger));
        Assert.Equal(HttpStatusCode.NotFound, notMember);
        Assert.Contains("not available to you", notMemberBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(rig, "/api/room/overview?conversation=19%3Aunknown%40thread.tacv2", issuer.Token(Tenant, Megan))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(rig, "/api/room/overview", issuer.Token(Tenant, Megan))).Status);

        // Teams not answering the membership check: a 503 that says so, not a guess.
        const string unknown = "00000000-0000-0000-0000-0000000000c3";
        bot.Connector.FailPaths[$"/v3/conversations/{rig.Home.ConversationId}/members/{unknown}"] = 500;
        var (unavailable, unavailableBody) = await GetAsync(rig, path, issuer.Token(Tenant, unknown));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable);
        Assert.Contains("could not confirm you are a member", unavailableBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_view_shows_the_arts_data_created_through_the_bot_and_a_teams_channel_shows_that_team()
    {
        var (rig, issuer) = await StartAsync(bot);
        await using var _ = rig;
        await using var __ = issuer;

        // Votes: Rocket's named vote, closed; the ART's anonymous vote, open.
        var (teamVote, _) = await StartVoteAsync(rig.Rocket, "vote Are we confident in our PI objectives?");
        await rig.Rocket.CastAsync(teamVote, 4, "voter-1", "Voter One");
        await rig.Rocket.CastAsync(teamVote, 2, "voter-2", "Voter Two");
        await rig.Rocket.CloseAsync(teamVote, PlanningRig.MemberAad);
        var (artVote, _) = await StartVoteAsync(rig.Home, "vote anonymous Is the ART confident?");
        await rig.Home.CastAsync(artVote, 5, "voter-3", "Voter Three");

        // An impediment in Rocket (with a comma, quotes and a formula in its title), a dependency at risk raised as a risk and ROAMed.
        await rig.Rocket.CommandAsync("impediment =HYPERLINK(\"x\"), build server down", PlanningRig.MemberAad, "Megan Bowen");
        var (dependency, _) = await rig.RequestDependencyAsync("Shared login component", neededBy: 2);
        await rig.Comet.InvokeAsync(DependencyCard.CommitVerb, new JsonObject { ["id"] = dependency, [DependencyCommitData.IterationInput] = "4" }, "comet-aad");
        await rig.Rocket.InvokeAsync(DependencyCard.RiskVerb, new JsonObject { ["id"] = dependency }, PlanningRig.MemberAad);
        var riskId = (await rig.Dependencies.GetAsync(rig.Art.TenantId, rig.Art.Id, dependency, default))!.RiskId!;
        await rig.Rocket.InvokeAsync(ImpedimentCard.RoamVerb, new JsonObject { ["impedimentId"] = riskId, [ImpedimentRoamData.RoamInput] = "Owned" }, PlanningRig.MemberAad);

        // Objectives valued by the Business Owner.
        var (payments, _) = await rig.AddObjectiveAsync(rig.Rocket, "Ship the payments API");
        await PlanningRig.SetValueAsync(rig.Home, rig.Rocket, payments, TeamObjectivesCard.PlannedVerb, "8");

        // Rocket answers the first sync of the PI; a week later, Comet has not answered either week.
        var first = SyncCalendar.Next(rig.Art, rig.Clock.GetUtcNow())!;
        await rig.Rocket.InvokeAsync("sync.answer", SyncRig.Answer(rig.Art, first, "at-risk"), PlanningRig.MemberAad);
        rig.Clock.SetUtcNow(first.SyncAt.AddDays(8));
        var token = issuer.Token(Tenant, Megan);

        var home = "?conversation=" + Uri.EscapeDataString(rig.Home.ConversationId);
        var overview = await GetJsonAsync(rig, "/api/room/overview" + home, token);
        Assert.Equal("PI 2027.1", overview["pi"]!.GetValue<string>());
        var team = overview["votes"]!.AsArray().Single(v => v!["scope"]!.GetValue<string>() == "team")!;
        Assert.Equal(("Rocket", 2, 3.0, true, "accepted"), (team["team"]!.GetValue<string>(), team["count"]!.GetValue<int>(), team["average"]!.GetValue<double>(), team["closed"]!.GetValue<bool>(), team["outcome"]!.GetValue<string>()));
        var art = overview["votes"]!.AsArray().Single(v => v!["scope"]!.GetValue<string>() == "art")!;
        Assert.Equal((1, "open"), (art["count"]!.GetValue<int>(), art["outcome"]!.GetValue<string>()));
        Assert.Equal([3.0], overview["confidence"]!["series"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Rocket")!["values"]!.AsArray().Select(v => v!.GetValue<double>()));
        var overviewText = overview.ToJsonString();
        Assert.DoesNotContain("Voter", overviewText, StringComparison.Ordinal); // nobody's ballot is named

        var risks = await GetJsonAsync(rig, "/api/room/risks" + home, token);
        var owned = risks["roam"]!.AsArray().Single(c => c!["status"]!.GetValue<string>() == "Owned")!["items"]!.AsArray();
        Assert.Equal(riskId, Assert.Single(owned)!["id"]!.GetValue<string>());
        Assert.Contains("build server down", Assert.Single(risks["impediments"]!.AsArray())!["title"]!.GetValue<string>(), StringComparison.Ordinal);

        var sync = await GetJsonAsync(rig, "/api/room/sync" + home, token);
        Assert.Equal("2027-01-06", sync["weeks"]![0]!.GetValue<string>());
        var rows = sync["rows"]!.AsArray().ToDictionary(r => r!["team"]!.GetValue<string>(), r => r!["cells"]!.AsArray().Select(c => c!.GetValue<string>()).ToList());
        Assert.Equal(["atRisk", "notAnswered", "upcoming"], rows["Rocket"].Take(3));
        Assert.Equal(["notAnswered", "notAnswered", "upcoming"], rows["Comet"].Take(3));

        var predictability = await GetJsonAsync(rig, "/api/room/predictability" + home, token);
        Assert.Equal(8, predictability["pis"]![0]!["art"]!["planned"]!.GetValue<int>());
        var dependencies = await GetJsonAsync(rig, "/api/room/dependencies" + home, token);
        var item = Assert.Single(dependencies["items"]!.AsArray())!;
        Assert.Equal(("Rocket", "Comet", "at risk"), (item["from"]!.GetValue<string>(), item["to"]!.GetValue<string>(), item["status"]!.GetValue<string>()));
        Assert.Equal(6, dependencies["iterations"]!.AsArray().Count);
        Assert.True((await GetJsonAsync(rig, "/api/room/improvements" + home, token))["available"]!.GetValue<bool>());

        // Comet's channel: only Comet within the ART.
        var comet = "?conversation=" + Uri.EscapeDataString(rig.Comet.ConversationId);
        var cometContext = await GetJsonAsync(rig, "/api/room/context" + comet, token);
        Assert.Equal(("team", "Comet"), (cometContext["scope"]!.GetValue<string>(), cometContext["team"]!["name"]!.GetValue<string>()));
        Assert.Empty((await GetJsonAsync(rig, "/api/room/risks" + comet, token))["impediments"]!.AsArray());
        Assert.Equal(["Comet"], (await GetJsonAsync(rig, "/api/room/sync" + comet, token))["rows"]!.AsArray().Select(r => r!["team"]!.GetValue<string>()));
        Assert.Empty((await GetJsonAsync(rig, "/api/room/overview" + comet, token))["votes"]!.AsArray());

        // CSV: the same data, RFC 4180, with a byte-order mark for Excel, and a typed formula defused.
        using var csvResponse = await rig.Client.SendAsync(EntraIssuer.Get("/api/room/risks.csv" + home, token));
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Kind,Title,Team,Owner,ROAM,Age (days),Severity,Escalated\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\"), build server down\"", csv, StringComparison.Ordinal);
        Assert.Contains("risk,Dependency at risk: Shared login component,Rocket", csv, StringComparison.Ordinal);
        Assert.Contains("attachment; filename=art-room-risks.csv", csvResponse.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        foreach (var view in new[] { "overview", "sync", "improvements", "predictability", "dependencies" })
        {
            var (status, text) = await GetAsync(rig, $"/api/room/{view}.csv" + home, token);
            Assert.True(status == HttpStatusCode.OK && text.Contains("\r\n", StringComparison.Ordinal), view);
        }

        // The personal tab: across the tenant's ARTs (other tests' too), what this user raised and asked for; nobody else's.
        var mine = (await GetJsonAsync(rig, "/api/room/mine", issuer.Token(Tenant, PlanningRig.MemberAad))).ToJsonString();
        Assert.Contains("build server down", mine, StringComparison.Ordinal);
        Assert.Contains("Shared login component", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("build server down", (await GetJsonAsync(rig, "/api/room/mine", issuer.Token(Tenant, Megan))).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_without_an_art_shows_its_own_votes_and_impediments_and_no_art_views()
    {
        await using var issuer = await EntraIssuer.StartAsync(bot);
        await using var room = bot.AnotherInstance(issuer.Settings);
        using var client = room.CreateClient();
        // A team of its own (the General channel's id is the team's), so no other test's impediments share its scope.
        var added = bot.Payload(TeamsPayloads.BotAddedToTeam);
        var conversation = added["conversation"]!["id"]!.GetValue<string>();
        added["channelData"]!["team"]!["id"] = conversation;
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(added)).StatusCode);
        var channel = VoteDriver.In(bot, conversation);
        void OwnTeam(JsonObject activity) => activity["channelData"]!["team"]!["id"] = conversation;
        await channel.CommandAsync("vote Is the demo ready?", PlanningRig.MemberAad, "Megan Bowen", OwnTeam);
        await channel.CommandAsync("impediment Demo laptop broken", PlanningRig.MemberAad, "Megan Bowen", OwnTeam);
        var token = issuer.Token(Tenant, Megan);
        async Task<JsonNode> ReadAsync(string view)
        {
            using var response = await client.SendAsync(EntraIssuer.Get($"/api/room/{view}?conversation={Uri.EscapeDataString(conversation)}", token));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{view}: {response.StatusCode} {body}");
            return Json(body);
        }

        var context = await ReadAsync("context");
        Assert.Equal("chat", context["scope"]!.GetValue<string>());
        Assert.Equal(["overview", "risks", "improvements"], context["views"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("Is the demo ready?", Assert.Single((await ReadAsync("overview"))["votes"]!.AsArray())!["question"]!.GetValue<string>());
        Assert.Equal("Demo laptop broken", Assert.Single((await ReadAsync("risks"))["impediments"]!.AsArray())!["title"]!.GetValue<string>());
        Assert.False((await ReadAsync("sync"))["available"]!.GetValue<bool>());
        Assert.False((await ReadAsync("dependencies"))["available"]!.GetValue<bool>());
    }

    [Fact]
    public async Task In_local_development_the_room_needs_no_sign_in()
    {
        await using var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false);
        await using var local = BotHost.CreateFactory(new Dictionary<string, string?> { ["Storage:ConnectionString"] = bot.StorageConnectionString, ["Sync:SchedulerEnabled"] = "false" });
        using var client = local.CreateClient();

        using var response = await client.GetAsync("/api/room/context?conversation=" + Uri.EscapeDataString(rig.Rocket.ConversationId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var context = Json(await response.Content.ReadAsStringAsync());
        Assert.Equal(("team", "Rocket", "Local developer"), (context["scope"]!.GetValue<string>(), context["team"]!["name"]!.GetValue<string>(), context["user"]!["name"]!.GetValue<string>()));
    }

    private static async Task<(string VoteId, RecordedRequest Posted)> StartVoteAsync(VoteDriver driver, string command)
    {
        var posted = await driver.CommandAsync(command, PlanningRig.MemberAad, "Megan Bowen");
        return (VoteDriver.VoteIdOf(posted), posted);
    }

    private static JsonNode Json(string text) => JsonNode.Parse(text) ?? throw new JsonException("empty answer");

    private static async Task<JsonNode> GetJsonAsync(PlanningRig rig, string path, string token)
    {
        var (status, body) = await GetAsync(rig, path, token);
        Assert.True(status == HttpStatusCode.OK, $"{path}: {status} {body}");
        return Json(body);
    }
}
