using ArtBot.Tests.Shared;
using ArtBot.BotFramework;
using ArtBot.BotFramework.Connector;
using ArtBot.Domain.People;
using ArtBot.Features.People;
using Azure.Core;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.UnitTests.People;

public sealed class PeopleServicesTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddOptions<BotFrameworkOptions>().Bind(configuration);
        services.AddSingleton<TokenCredential>(new FakeCredential(TimeProvider.System));
        services.AddBotConnector();
        services.AddPeople();
        return services.BuildServiceProvider();
    }

    private static Dictionary<string, string?> App(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = "app-id",
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = "tenant-1",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public void With_an_app_identity_Graph_is_used_by_default()
    {
        using var provider = Build(App());

        var directory = provider.GetRequiredService<IPeopleDirectory>();

        Assert.IsType<GraphPeopleDirectory>(directory);
        Assert.True(provider.GetRequiredService<IOptions<GraphOptions>>().Value.IsEnabled);
        Assert.Equal(GraphOptions.DefaultBaseUrl, provider.GetRequiredService<IOptions<GraphOptions>>().Value.BaseUrl);
    }

    [Fact]
    public void In_local_development_the_connector_roster_is_used()
    {
        using var provider = Build([]);

        Assert.IsType<ConnectorPeopleDirectory>(provider.GetRequiredService<IPeopleDirectory>());
        Assert.False(provider.GetRequiredService<IOptions<GraphOptions>>().Value.IsEnabled);
    }

    [Fact]
    public void A_MultiTenant_bot_uses_the_connector_roster_and_cannot_switch_Graph_on()
    {
        var multiTenant = App(("MicrosoftAppType", "MultiTenant"), ("MicrosoftAppTenantId", null));
        using var byDefault = Build(multiTenant);
        multiTenant["Graph:Enabled"] = "true";
        using var switchedOn = Build(multiTenant);

        Assert.IsType<ConnectorPeopleDirectory>(byDefault.GetRequiredService<IPeopleDirectory>());
        var error = Assert.Throws<OptionsValidationException>(() => switchedOn.GetRequiredService<IOptions<GraphOptions>>().Value);
        Assert.Contains("SingleTenant or UserAssignedMSI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_directories_keep_expires_on_the_apps_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        using var provider = Build(App(), time);
        var cache = provider.GetRequiredService<IMemoryCache>();

        cache.Set("roster", 1, TimeSpan.FromMinutes(5));
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        var kept = cache.TryGetValue("roster", out _);
        time.Advance(TimeSpan.FromTicks(1));

        Assert.True(kept);
        Assert.False(cache.TryGetValue("roster", out _));
    }

    [Fact]
    public void Graph_can_be_switched_off()
    {
        using var provider = Build(App(("Graph:Enabled", "false")));

        Assert.IsType<ConnectorPeopleDirectory>(provider.GetRequiredService<IPeopleDirectory>());
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", true)]
    [InlineData("https://graph.microsoft.us/v1.0/", true)]
    [InlineData("http://127.0.0.1:5001/v1.0", true)]
    [InlineData("http://localhost:5001/v1.0", true)]
    [InlineData("http://[::1]:5001/v1.0", true)]
    [InlineData("http://graph.contoso.com/v1.0", false)]
    [InlineData("/v1.0", false)]
    [InlineData("ftp://graph.microsoft.com/v1.0", false)]
    [InlineData("https://graph.microsoft.com/v1.0?x=1", false)]
    [InlineData("", false)]
    public void The_base_url_is_https_or_loopback_http(string url, bool valid)
    {
        using var provider = Build(App(("Graph:BaseUrl", url)));

        var options = provider.GetRequiredService<IOptionsMonitor<GraphOptions>>();
        if (valid)
        {
            Assert.Equal(url, options.CurrentValue.BaseUrl);
        }
        else
        {
            var error = Assert.Throws<OptionsValidationException>(() => options.CurrentValue);
            Assert.Contains("Graph:BaseUrl", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Graph_on_without_an_app_identity_fails_at_start()
    {
        using var provider = Build(new() { ["Graph:Enabled"] = "true" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GraphOptions>>().Value);
        Assert.Contains("MicrosoftAppId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Graph:Scope", "https://graph.microsoft.com")]
    [InlineData("Graph:CacheDuration", "-00:00:01")]
    [InlineData("Graph:CacheDuration", "02:00:00")]
    [InlineData("Graph:MaxRetryAfter", "01:00:00")]
    public void Other_bad_settings_fail_at_start(string key, string value)
    {
        using var provider = Build(App((key, value)));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GraphOptions>>().Value);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
