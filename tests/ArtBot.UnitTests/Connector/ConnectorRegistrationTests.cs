using ArtBot.Tests.Shared;
using ArtBot.BotFramework;
using ArtBot.BotFramework.Connector;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArtBot.UnitTests.Connector;

public sealed class ConnectorRegistrationTests
{
    [Fact]
    public async Task Add_bot_connector_resolves_a_working_client_with_shared_singletons()
    {
        var handler = new RecordingHandler();
        var services = new ServiceCollection()
            .AddLogging()
            .Configure<BotFrameworkOptions>(_ => { })
            .AddBotConnector(o => o.MaxRetries = 1);
        services.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ConnectorClient>();
        var outcome = await client.SendToConversationAsync("http://localhost:1/_connector", null, "c1", BotFramework.Schema.Activity.CreateMessage("x"));

        Assert.True(outcome.IsSuccess);
        Assert.Null(handler.Last.Authorization);
        Assert.Same(provider.GetRequiredService<ConnectorRateLimiter>(), provider.GetRequiredService<ConnectorRateLimiter>());
        Assert.IsType<ConnectorTokenProvider>(provider.GetRequiredService<IConnectorTokenProvider>());
        Assert.Equal(1, provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.MaxRetries);
    }

    [Fact]
    public async Task Add_bot_connector_uses_the_registered_credential_for_the_bot_identity()
    {
        var handler = new RecordingHandler();
        var credential = new FakeCredential(TimeProvider.System);
        var services = new ServiceCollection()
            .AddLogging()
            .Configure<BotFrameworkOptions>(o => o.MicrosoftAppId = "app-id")
            .AddSingleton<TokenCredential>(credential)
            .AddBotConnector();
        services.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ConnectorClient>();
        await client.SendToConversationAsync("https://smba.example/", "t", "c1", BotFramework.Schema.Activity.CreateMessage("x"));
        await client.SendToConversationAsync("https://smba.example/", "t", "c1", BotFramework.Schema.Activity.CreateMessage("y"));

        Assert.All(handler.Requests, r => Assert.Equal("Bearer token-1", r.Authorization));
        Assert.Equal(1, credential.Calls);
    }

    [Fact]
    public async Task Local_development_does_not_even_resolve_the_credential()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .Configure<BotFrameworkOptions>(_ => { })
            .AddSingleton<TokenCredential>(_ => throw new InvalidOperationException("must not be built"))
            .AddBotConnector();
        await using var provider = services.BuildServiceProvider();

        var tokens = provider.GetRequiredService<IConnectorTokenProvider>();

        Assert.Null(await tokens.GetTokenAsync(default));
    }
}
