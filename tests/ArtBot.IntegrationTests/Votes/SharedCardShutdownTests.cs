using ArtBot.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.IntegrationTests.Votes;

/// <summary>A graceful stop (App Service restarting or scaling in) during a burst of ballots leaves no card behind.</summary>
[Collection(BotTests.Name)]
public sealed class SharedCardShutdownTests(BotHost bot)
{
    [Fact]
    public async Task An_instance_stopped_during_a_burst_puts_the_shared_card_with_every_ballot_before_it_exits()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow); // never moved: the coalescing delay never ends by itself
        var host = bot.AnotherInstance().WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        }));
        var client = host.CreateClient();
        await BotHost.WaitUntilReadyAsync(host);
        var votes = new VoteDriver(bot, client);
        await votes.SubmitFormAsync("form-" + Guid.NewGuid().ToString("N"), "Stop during the burst?");
        var voteId = VoteDriver.VoteIdOf((await bot.Connector.WaitForAsync(r => votes.IsMine(r) && r.Method == "POST" && r.Cards.Any()))[0]);
        await votes.CastAsync(voteId, 4, "alice-aad", "Alice");
        await votes.CastAsync(voteId, 2, "bob-aad", "Bob");
        await votes.CastAsync(voteId, 5, "carol-aad", "Carol");
        Assert.DoesNotContain(bot.Connector.Requests, r => votes.IsMine(r) && r.Method == "PUT");

        await host.DisposeAsync(); // a graceful stop

        var last = bot.Connector.Requests.Last(r => votes.IsMine(r) && r.Method == "PUT");
        Assert.Contains("3 votes so far", last.AllText, StringComparison.Ordinal);
    }
}
