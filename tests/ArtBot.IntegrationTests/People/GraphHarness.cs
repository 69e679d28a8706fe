using ArtBot.Tests.Shared;
using ArtBot.Domain.Arts;
using ArtBot.Features.People;
using ArtBot.Hosting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArtBot.IntegrationTests.People;

/// <summary>The real Graph SDK against a <see cref="FakeGraphServer"/>, a fake clock, a recording credential and a recording connector (fallback).</summary>
internal sealed class GraphHarness : IAsyncDisposable
{
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
        return new GraphPeopleDirectory(GraphClients.Create(Credential, Options), fallback, options, Cache, Time, Log);
    }

    public async ValueTask DisposeAsync()
    {
        Cache.Dispose();
        await Server.DisposeAsync();
    }
}
