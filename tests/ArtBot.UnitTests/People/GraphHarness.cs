using ArtBot.Domain.Arts;
using ArtBot.Features.People;
using ArtBot.Hosting;
using ArtBot.UnitTests.Connector;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArtBot.UnitTests.People;

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
        harness.Cache = NewCache(harness.Time);
        harness.Options.BaseUrl = harness.Server.BaseUrl;
        return harness;
    }

    public static ArtTeam Team(string? groupId = "g1") => new()
    {
        TenantId = ConnectorHarness.Tenant,
        ArtId = "art-1",
        ConversationId = "19:team-channel@thread.tacv2",
        TeamName = "Rocket",
        ServiceUrl = ConnectorHarness.ServiceUrl,
        AadGroupId = groupId,
    };

    public GraphPeopleDirectory Create()
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var fallback = new ConnectorPeopleDirectory(Connector.Create(), options, Cache, NullLogger<ConnectorPeopleDirectory>.Instance);
        return new GraphPeopleDirectory(GraphClients.Create(Credential, Options), fallback, options, Cache, Time, Log);
    }

    /// <summary>A memory cache on <paramref name="time"/>, as the app's is on its TimeProvider.</summary>
    public static MemoryCache NewCache(TimeProvider time) => new(new MemoryCacheOptions { Clock = new TimeProviderClock(time) });

    public async ValueTask DisposeAsync()
    {
        Cache.Dispose();
        await Server.DisposeAsync();
    }
}
