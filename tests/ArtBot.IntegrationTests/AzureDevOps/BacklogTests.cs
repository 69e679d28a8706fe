using ArtBot.Domain.AzureDevOps;
using ArtBot.Domain.Planning;
using ArtBot.Features.AzureDevOps;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Planning;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.AzureDevOps;

/// <summary>The ART backlog read from Azure DevOps Boards (a stand-in with its documented payloads) through POST /api/messages.</summary>
[Collection(BotTests.Name)]
public sealed class BacklogTests(BotHost bot)
{
    private static string Connect(AzureDevOpsStandIn ado) => $@"backlog connect https://dev.azure.com/{ado.Organization} Fabrikam-Fiber-Git ""Fabrikam-Fiber-Git\Payments ART""";

    private static async Task<(PlanningRig Rig, AzureDevOpsStandIn Ado, AzureDevOpsCredential Credential)> StartAsync(BotHost bot)
    {
        var ado = await AzureDevOpsStandIn.StartAsync();
        AzureDevOpsCredential? credential = null;
        var rig = await PlanningRig.StartAsync(bot, withBusinessOwner: false, settings: new Dictionary<string, string?>
        {
            ["AzureDevOps:BaseUrl"] = ado.BaseUrl,
            ["AzureDevOps:SchedulerEnabled"] = "false",
            ["AzureDevOps:RiskReductionField"] = "Custom.RROEValue",
        }, services: s => s.AddSingleton(sp => new AzureDevOpsIdentity(credential = new AzureDevOpsCredential(sp.GetRequiredService<TimeProvider>()))));
        rig.Services.GetRequiredService<AzureDevOpsIdentity>();
        return (rig, ado, credential!);
    }

    private static async Task<IReadOnlyList<Feature>> FeaturesAsync(PlanningRig rig) =>
        await rig.Services.GetRequiredService<IPlanStore<Feature>>().ListAsync(rig.Art.TenantId, rig.Art.Id, default);

    [Fact]
    public async Task An_rte_connects_an_area_path_and_links_a_work_item_and_the_features_arrive_with_the_bots_identity()
    {
        var (rig, ado, credential) = await StartAsync(bot);
        await using var _ = rig;
        await using var __ = ado;

        var connected = await rig.Home.CommandAsync(Connect(ado), PlanningRig.RteAad, "Riley RTE");

        Assert.Contains("Read from Azure DevOps: 2 added, 0 changed, 0 removed.", connected.AllText, StringComparison.Ordinal);
        Assert.Equal([$"/{ado.Organization}/Fabrikam-Fiber-Git/_apis/wit/wiql?$top=500&api-version=7.1", $"/{ado.Organization}/_apis/wit/workitemsbatch?api-version=7.1"], ado.Requests);
        Assert.All(credential.Requests, r => Assert.Equal(("499b84ac-1321-427f-aa17-267ca6975798/.default", rig.Art.TenantId), r));
        var features = await FeaturesAsync(rig);
        var checkout = features.Single(f => f.Source!.WorkItemId == "300");
        Assert.Equal(("One-click checkout", "PI 2027.1", 8, new Wsjf(8, 5, 3, 13), FeatureState.Backlog), (checkout.Title, checkout.Pi, checkout.BusinessValue, checkout.Wsjf, checkout.State));
        Assert.Equal("Customers pay with a saved card in one click.\n\nCards from the wallet\n3-D Secure & SCA", checkout.Description);
        Assert.Equal(WorkItemImport.FeatureId(rig.Art.TenantId, rig.Art.Id, ado.Organization, 300), checkout.Id);
        Assert.Equal(FeatureState.InProgress, features.Single(f => f.Source!.WorkItemId == "301").State);

        var linked = await rig.Home.CommandAsync($"backlog link https://{ado.Organization}.visualstudio.com/Fabrikam-Fiber-Git/_workitems/edit/42", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("1 added, 0 changed, 0 removed", linked.AllText, StringComparison.Ordinal);
        Assert.Equal(FeatureState.Done, (await FeaturesAsync(rig)).Single(f => f.Source!.WorkItemId == "42").State);

        var status = await rig.Home.CommandAsync("backlog", PlanningRig.MemberAad);
        Assert.Contains($@"organization {ado.Organization}, project Fabrikam-Fiber-Git, the Features under area path Fabrikam-Fiber-Git\Payments ART", status.AllText, StringComparison.Ordinal);
        Assert.Contains("Linked one by one: 1 work items.", status.AllText, StringComparison.Ordinal);
        var other = await rig.Home.CommandAsync("backlog link https://dev.azure.com/contoso/Web/_workitems/edit/1", PlanningRig.RteAad);
        Assert.Contains("reads its features from the organization " + ado.Organization, other.AllText, StringComparison.Ordinal);
        var github = await rig.Home.CommandAsync("backlog link https://github.com/fabrikam/web/issues/1", PlanningRig.RteAad);
        Assert.Contains("not the address of an Azure DevOps work item", github.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_again_updates_in_place_keeps_the_teams_plan_and_marks_what_left_the_query_removed()
    {
        var (rig, ado, _) = await StartAsync(bot);
        await using var _rig = rig;
        await using var _ado = ado;
        await rig.Home.CommandAsync(Connect(ado), PlanningRig.RteAad, "Riley RTE");
        var store = rig.Services.GetRequiredService<IPlanStore<Feature>>();
        var checkout = (await FeaturesAsync(rig)).Single(f => f.Source!.WorkItemId == "300");
        var part = new FeaturePart(rig.Rocket.ConversationId, "Rocket", 2, 8);
        Assert.NotNull(await store.UpdateAsync(checkout with { Parts = [part] }, [new PlanChange(rig.Clock.GetUtcNow(), new("member-aad", "Megan Bowen"), "iteration", null, "2")], default));

        ado.Change(300, "System.Title", "One-click checkout for saved cards");
        ado.SetQuery(300);
        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        var refreshed = await rig.Home.CommandAsync("backlog refresh", PlanningRig.RteAad, "Riley RTE");

        Assert.Contains("0 added, 1 changed, 1 removed", refreshed.AllText, StringComparison.Ordinal);
        var features = await FeaturesAsync(rig);
        Assert.Equal(2, features.Count);
        var updated = features.Single(f => f.Id == checkout.Id);
        Assert.Equal(("One-click checkout for saved cards", 5), (updated.Title, updated.Source!.Revision));
        Assert.Equal([part], updated.Parts);
        Assert.Equal(FeatureState.Removed, features.Single(f => f.Source!.WorkItemId == "301").State);
        var history = await store.GetHistoryAsync(rig.Art.TenantId, rig.Art.Id, checkout.Id, default);
        Assert.Equal(("title", "One-click checkout", "One-click checkout for saved cards", "Azure DevOps"), (history[^1].Field, history[^1].From, history[^1].To, history[^1].By.DisplayName));

        var again = await rig.Home.CommandAsync("backlog refresh", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("0 added, 0 changed, 0 removed", again.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, null, "did not accept ArtBot's identity (401) in {0}")]
    [InlineData(403, "error-403.json", "may not read these work items in {0} (403)")]
    [InlineData(404, "error-404.json", "found no such project, area path or iteration path in {0} (404)")]
    public async Task A_refused_read_says_what_the_organization_must_do(int status, string? fixture, string expected)
    {
        var (rig, ado, _) = await StartAsync(bot);
        await using var _rig = rig;
        await using var _ado = ado;
        ado.FailNext(status, fixture: fixture);

        var answer = await rig.Home.CommandAsync(Connect(ado), PlanningRig.RteAad, "Riley RTE");

        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, ado.Organization), answer.AllText, StringComparison.Ordinal);
        Assert.Empty(await FeaturesAsync(rig));
        if (status is 401 or 403)
        {
            Assert.Contains("Basic access", answer.AllText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_retry_after_defers_every_instances_calls_to_the_organization_until_then()
    {
        var (rig, ado, _) = await StartAsync(bot);
        await using var _rig = rig;
        await using var _ado = ado;
        ado.FailNext(429, "120", "error-429.json");

        var throttled = await rig.Home.CommandAsync(Connect(ado), PlanningRig.RteAad, "Riley RTE");

        Assert.Contains("Azure DevOps asked ArtBot to wait", throttled.AllText, StringComparison.Ordinal);
        Assert.Contains("after 2 Jan 10:02", throttled.AllText, StringComparison.Ordinal);
        // Stored, so the other instance (its own services, the same table) sees the deferral too.
        Assert.Equal(rig.Clock.GetUtcNow().AddSeconds(120), await bot.Services.GetRequiredService<IBacklogLinkStore>().GetNotBeforeAsync(ado.Organization.ToUpperInvariant(), default));
        var calls = ado.Requests.Count;

        rig.Clock.Advance(TimeSpan.FromSeconds(60));
        var still = await rig.Home.CommandAsync("backlog refresh", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("Azure DevOps asked ArtBot to wait", still.AllText, StringComparison.Ordinal);
        Assert.Equal(calls, ado.Requests.Count);

        rig.Clock.Advance(TimeSpan.FromSeconds(61));
        ado.RetryAfterOnSuccess = "30";
        var done = await rig.Home.CommandAsync("backlog refresh", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("2 added, 0 changed, 0 removed", done.AllText, StringComparison.Ordinal);
        // A 200 with Retry-After defers the next calls as well.
        Assert.Equal(rig.Clock.GetUtcNow().AddSeconds(30), await bot.Services.GetRequiredService<IBacklogLinkStore>().GetNotBeforeAsync(ado.Organization, default));
    }

    [Fact]
    public async Task Only_product_managers_and_rtes_connect_and_only_in_the_arts_channel()
    {
        var (rig, ado, _) = await StartAsync(bot);
        await using var _rig = rig;
        await using var _ado = ado;

        var member = await rig.Home.CommandAsync(Connect(ado), PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("Only the Product Managers and RTEs of", member.AllText, StringComparison.Ordinal);
        var team = await rig.Rocket.CommandAsync("backlog refresh", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("connected in the ART's own channel", team.AllText, StringComparison.Ordinal);
        var status = await rig.Rocket.CommandAsync("backlog", PlanningRig.MemberAad, "Megan Bowen");
        Assert.Contains("reads no features from Azure DevOps yet", status.AllText, StringComparison.Ordinal);
        var usage = await rig.Home.CommandAsync("backlog sync", PlanningRig.RteAad, "Riley RTE");
        Assert.Contains("backlog connect <organization URL>", usage.AllText, StringComparison.Ordinal);
        Assert.Empty(ado.Requests);
    }

    [Fact]
    public async Task The_background_refresh_reads_a_link_at_most_every_15_minutes_once_across_ticks()
    {
        var (rig, ado, _) = await StartAsync(bot);
        await using var _rig = rig;
        await using var _ado = ado;
        await rig.Home.CommandAsync(Connect(ado), PlanningRig.RteAad, "Riley RTE");
        var service = rig.Services.GetRequiredService<BacklogRefreshService>();
        // Other tests' links are in the same table: count this organization's calls only.
        int Calls() => ado.Requests.Count(r => r.StartsWith("/" + ado.Organization + "/", StringComparison.Ordinal));
        var calls = Calls();

        rig.Clock.Advance(TimeSpan.FromMinutes(14));
        await service.TickAsync(default);
        Assert.Equal(calls, Calls());

        rig.Clock.Advance(TimeSpan.FromMinutes(1));
        ado.Change(301, "System.State", "Closed");
        await Task.WhenAll(service.TickAsync(default), service.TickAsync(default), service.TickAsync(default));
        Assert.Equal(calls + 2, Calls()); // one query and one batch: one tick claimed it
        Assert.Equal(FeatureState.Done, (await FeaturesAsync(rig)).Single(f => f.Source!.WorkItemId == "301").State);
        var link = await rig.Services.GetRequiredService<IBacklogLinkStore>().GetAsync(rig.Art.TenantId, rig.Art.Id, default);
        Assert.Equal((rig.Clock.GetUtcNow(), BacklogRefreshStatus.Done, 1, (DateTimeOffset?)null), (link!.RefreshedAt, link.LastResult!.Status, link.LastResult.Changed, link.ClaimedUntil));
    }
}
