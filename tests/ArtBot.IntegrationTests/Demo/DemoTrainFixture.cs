using ArtBot.DemoTrain;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.IntegrationTests.Demo;

/// <summary>
/// The demo train seeded once into an Azurite of its own (it lives in the Playground's tenant and channels, which other
/// tests use too), and the bot in local-development mode on it, its clock at the seeding's instant (so the scheduler
/// stays still and ages are exact).
/// </summary>
public sealed class DemoTrainFixture : IAsyncLifetime
{
    /// <summary>A Tuesday morning: the seeding's "today".</summary>
    public static readonly DateTimeOffset Now = new(2027, 3, 9, 8, 0, 0, TimeSpan.Zero);

    private AzuriteInstance? _azurite;

    public FakeTimeProvider Clock { get; } = new(Now);

    public DemoTrainResult Seeded { get; private set; } = null!;

    public WebApplicationFactory<Program> Bot { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string ConnectionString => _azurite!.ConnectionString;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        Seeded = await SeedAsync(Clock);
        Bot = BotHost.CreateFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Storage:ConnectionString"] = ConnectionString,
        }).WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
        Client = Bot.CreateClient();
        await BotHost.WaitUntilReadyAsync(Bot);
    }

    /// <summary>Runs the seeder on this storage with <paramref name="clock"/>'s time as today.</summary>
    public Task<DemoTrainResult> SeedAsync(TimeProvider clock) =>
        new DemoTrainSeeder(DemoStorage.Client(ConnectionString), clock, new DemoTrainOptions()).SeedAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
