using ArtBot.Tests.Shared;
using ArtBot.Domain.People;
using ArtBot.Features.People;
using ArtBot.Features.Sync;
using ArtBot.Hosting;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArtBot.IntegrationTests.People;

/// <summary>The whole composition root (AddArtBot) with Graph pointed at the fake server, and the start-up log.</summary>
public sealed class PeopleCompositionTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, TokenCredential credential, CapturingLogger<StartupLog> log)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddArtBot(builder.Configuration);
        builder.Services.RemoveAll<TokenCredential>();
        builder.Services.AddSingleton(credential);
        builder.Services.AddSingleton<ILogger<StartupLog>>(log);
        return builder.Services.BuildServiceProvider();
    }

    private static Dictionary<string, string?> SingleTenant(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            ["MicrosoftAppPassword"] = "a-secret",
            ["MicrosoftAppTenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task The_app_reads_rosters_from_the_configured_Graph_with_the_bot_credential_and_says_so_at_start()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        graph.AddGroup("g1", FakeGraphServer.User("u1", "Ada Lovelace", "ada@contoso.com"));
        var credential = new GraphCredential(TimeProvider.System);
        var log = new CapturingLogger<StartupLog>();
        await using var services = Build(SingleTenant(("Graph:BaseUrl", graph.BaseUrl)), credential, log);

        await services.GetServices<IHostedService>().OfType<StartupLog>().Single().StartAsync(CancellationToken.None);
        var directory = services.GetRequiredService<IPeopleDirectory>();
        var people = await directory.GetTeamMembersAsync(PeopleDoubles.Team(), CancellationToken.None);

        Assert.True(directory.UsesGraph);
        Assert.IsType<GraphPostedMessages>(services.GetRequiredService<IPostedMessages>()); // interrupted sends are searched for
        Assert.Equal("Ada Lovelace", Assert.Single(people).Name);
        Assert.Equal(["https://graph.microsoft.com/.default"], Assert.Single(credential.Requests));
        Assert.Equal("Bearer " + GraphCredential.Token, Assert.Single(graph.Requests).Authorization);
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Information && l.Text.Contains("People directory: Microsoft Graph at " + graph.BaseUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_Graph_the_start_up_log_says_the_out_of_office_rule_is_off()
    {
        var log = new CapturingLogger<StartupLog>();
        await using var services = Build(SingleTenant(("Graph:Enabled", "false")), new GraphCredential(TimeProvider.System), log);

        await services.GetServices<IHostedService>().OfType<StartupLog>().Single().StartAsync(CancellationToken.None);

        Assert.IsType<ConnectorPeopleDirectory>(services.GetRequiredService<IPeopleDirectory>());
        Assert.False(services.GetRequiredService<IPostedMessages>().CanSearch);
        Assert.Contains(log.Lines, l => l.Text.Contains("Bot Connector's channel rosters", StringComparison.Ordinal)
            && l.Text.Contains("Graph:Enabled is false", StringComparison.Ordinal)
            && l.Text.Contains("out-of-office rule is off", StringComparison.Ordinal));
    }
}
