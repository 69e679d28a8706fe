using ArtBot.Tests.Shared;
using ArtBot.Domain.Arts;
using ArtBot.Features.People;
using ArtBot.Hosting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;

namespace ArtBot.IntegrationTests.People;

/// <summary>The real Graph SDK against a <see cref="FakeGraphServer"/>, a fake clock, a recording credential and a recording connector (fallback).</summary>
internal sealed class GraphHarness : IAsyncDisposable
{
    private ServiceProvider? _services;

    private GraphHarness(FakeGraphServer server)
    {
        Server = server;
        Credential = new GraphCredential(Time);
    }

    public FakeGraphServer Server { get; }
    public ConnectorHarness Connector { get; } = new();
    public TimerCountingTimeProvider Time => Connector.Time;
    public GraphCredential Credential { get; }
    public CapturingLogger<GraphPeopleDirectory> Log { get; } = new();
    public GraphOptions Options { get; } = new() { Enabled = true };
    public MemoryCache Cache { get; private set; } = null!;

    public static async Task<GraphHarness> StartAsync()
    {
        var harness = new GraphHarness(await FakeGraphServer.StartAsync());
        harness.Cache = PeopleDoubles.NewCache(harness.Time);
        harness.Options.BaseUrl = harness.Server.BaseUrl;
        return harness;
    }

    public GraphPeopleDirectory Create()
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var fallback = new ConnectorPeopleDirectory(Connector.Create(), options, Cache, NullLogger<ConnectorPeopleDirectory>.Instance);
        return new GraphPeopleDirectory(CreateGraph(), fallback, options, Cache, Time, Log);
    }

    /// <summary>The Graph client as the app registers it (its HttpClient with the outgoing resilience pipeline, on the fake clock).</summary>
    public GraphServiceClient CreateGraph()
    {
        if (_services is null)
        {
            var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton<TimeProvider>(Time)
                .AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
            services.AddGraphHttpClient();
            _services = services.BuildServiceProvider();
        }

        return GraphClients.Create(Credential, Options, _services.GetRequiredService<IHttpClientFactory>().CreateClient(GraphClients.HttpClientName));
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        Cache.Dispose();
        await Server.DisposeAsync();
    }
}
