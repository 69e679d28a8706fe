using ArtBot.Domain.Arts;
using ArtBot.Domain.Conversations;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Sync;
using ArtBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.IntegrationTests.Sync;

/// <summary>The weekly digest of ageing impediments each RTE gets in their 1:1 chat at sync time.</summary>
[Collection(BotTests.Name)]
public sealed class RteDigestTests(BotHost bot)
{
    private readonly SyncRig _rig = new(bot);

    [Fact]
    public async Task At_sync_time_each_rte_gets_the_arts_ageing_impediments_once()
    {
        var pi = new ProgramIncrement("PI 2027.1", new DateOnly(2027, 1, 4), new DateOnly(2027, 12, 20));
        var (art, teams) = await _rig.CreateArtAsync("Europe/Berlin", DayOfWeek.Monday, "10:00", 1, pi);
        await bot.Services.GetRequiredService<IConversationStore>().InstallAsync(new InstalledConversation
        {
            TenantId = art.TenantId, ConversationId = art.HomeConversationId, ServiceUrl = art.ServiceUrl, ConversationType = "channel",
            BotId = "28:artbot-digest", InstalledAt = DateTimeOffset.UtcNow,
        }, default);
        var store = bot.Services.GetRequiredService<IImpedimentStore>();
        foreach (var (title, daysAgo) in new[] { ("Licence server down since the last PI", 30), ("Fresh flaky build", 1) })
        {
            await store.RaiseAsync(new Impediment
            {
                Id = "", TenantId = art.TenantId, ScopeId = teams[0].ConversationId, ConversationId = teams[0].ConversationId, ArtId = art.Id,
                TeamName = teams[0].TeamName, Kind = ImpedimentKind.Impediment, Title = title, RaisedBy = new Person("sam-aad", "Sam"),
                RaisedAt = DateTimeOffset.UtcNow.AddDays(-daysAgo), Source = ImpedimentSource.Command(title),
            }, "digest-test:" + art.Id + title, default);
        }

        var occurrence = SyncCalendar.On(art, new DateOnly(2027, 3, 29))!;
        var clock = new FakeTimeProvider(occurrence.SyncAt);
        var scheduler = SyncRig.Scheduler(bot.Services, clock);
        await scheduler.TickArtAsync(art, default);
        clock.Advance(TimeSpan.FromMinutes(1));
        await scheduler.TickArtAsync(art, default);

        var digests = bot.Connector.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            && r.AllText.Contains(art.Name + ": impediments open more than 14 days", StringComparison.Ordinal)
            && r.AllText.Contains("Licence server down since the last PI", StringComparison.Ordinal)).ToList();
        var digest = Assert.Single(digests);
        Assert.Contains(SyncRig.RteAad, digest.AllText, StringComparison.Ordinal);
        Assert.Contains("28:artbot-digest", digest.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("Fresh flaky build", digest.AllText, StringComparison.Ordinal);
    }
}
