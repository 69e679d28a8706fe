using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Storage;
using ArtBot.Storage.Arts;
using Azure.Data.Tables;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace ArtBot.IntegrationTests.Arts;

public sealed class ArtStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Tenant = "tenant-1";
    private TableClient _arts = null!;
    private TableClient _conversations = null!;
    private ArtStore _store = null!;

    public async Task InitializeAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        _arts = service.GetTableClient(AzuriteFixture.NewTableName("arts"));
        _conversations = service.GetTableClient(AzuriteFixture.NewTableName("artconv"));
        await _arts.CreateIfNotExistsAsync();
        await _conversations.CreateIfNotExistsAsync();
        _store = new ArtStore(_arts, _conversations);
    }

    public async Task DisposeAsync()
    {
        await _arts.DeleteAsync();
        await _conversations.DeleteAsync();
    }

    public static Art NewArt(string id, string home = "19:home@thread.tacv2") => new()
    {
        Id = id,
        TenantId = Tenant,
        Name = "Rocket ART",
        HomeConversationId = home,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        SummaryConversationId = home,
        CurrentPi = new ProgramIncrement("PI 2027.1", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 12)),
        Sync = new SyncSchedule(DayOfWeek.Wednesday, new TimeOnly(10, 0), "Europe/Berlin") { ReminderLead = TimeSpan.FromHours(3) },
        Rtes = [new Person("aad-rte", "Alex RTE")],
        SkippedDates = [new DateOnly(2027, 2, 10), new DateOnly(2027, 1, 20)],
        CreatedBy = new Person("aad-rte", "Alex RTE"),
        CreatedAt = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task An_art_round_trips_with_its_schedule_pi_rtes_and_skipped_dates()
    {
        Assert.True(await _store.CreateAsync(NewArt("a1"), default));

        var read = await _store.GetAsync(Tenant, "a1", default);

        Assert.NotNull(read);
        Assert.NotNull(read.Version);
        Assert.Equal(NewArt("a1") with { Version = read.Version, SkippedDates = read.SkippedDates, Rtes = read.Rtes, BusinessOwners = read.BusinessOwners, ProductManagers = read.ProductManagers }, read);
        Assert.Empty(read.BusinessOwners);
        Assert.Empty(read.ProductManagers);
        Assert.Equal([new DateOnly(2027, 1, 20), new DateOnly(2027, 2, 10)], read.SkippedDates);
        Assert.Equal([new Person("aad-rte", "Alex RTE")], read.Rtes);
        Assert.Equal(TimeSpan.FromHours(3), read.Sync.ReminderLead);
    }

    [Fact]
    public async Task A_conversation_homes_one_art_even_when_two_are_set_up_at_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _store.CreateAsync(NewArt("c" + i), default)));

        Assert.Single(results, r => r);
        var membership = await _store.FindByConversationAsync(Tenant, "19:home@thread.tacv2", default);
        Assert.NotNull(membership);
        Assert.Null(membership.Team);
    }

    [Fact]
    public async Task A_claim_left_by_a_set_up_that_stopped_midway_is_taken_over_only_once_abandoned()
    {
        await _conversations.AddEntityAsync(new ArtConversationEntity
        {
            PartitionKey = Tenant, RowKey = StorageKeys.Encode("19:ghost@thread.tacv2"), ArtId = "ghost", Role = "home",
        });

        Assert.False(await _store.CreateAsync(NewArt("g1", "19:ghost@thread.tacv2"), default));

        var later = new ArtStore(_arts, _conversations, new FakeTimeProvider(DateTimeOffset.UtcNow + ArtStore.AbandonedClaimAge + TimeSpan.FromMinutes(1)));
        Assert.True(await later.CreateAsync(NewArt("g2", "19:ghost@thread.tacv2"), default));
        Assert.Equal("g2", (await _store.FindByConversationAsync(Tenant, "19:ghost@thread.tacv2", default))!.Art.Id);
    }

    [Fact]
    public async Task An_update_from_a_stale_copy_is_refused_and_changes_nothing()
    {
        await _store.CreateAsync(NewArt("u1"), default);
        var first = (await _store.GetAsync(Tenant, "u1", default))!;

        var renamed = await _store.UpdateAsync(first with { Name = "Renamed" }, default);
        var stale = await _store.UpdateAsync(first with { Name = "Stale" }, default);

        Assert.NotNull(renamed);
        Assert.Null(stale);
        Assert.Equal("Renamed", (await _store.GetAsync(Tenant, "u1", default))!.Name);
        Assert.NotNull(await _store.UpdateAsync(renamed with { Name = "Again" }, default));
    }

    [Fact]
    public async Task Teams_join_once_and_a_channel_belongs_to_one_art()
    {
        await _store.CreateAsync(NewArt("j1", "19:home-j1@thread.tacv2"), default);
        await _store.CreateAsync(NewArt("j2", "19:home-j2@thread.tacv2"), default);
        var team = new ArtTeam
        {
            TenantId = Tenant, ArtId = "j1", ConversationId = "19:team/with#odd?chars@thread.tacv2", TeamName = "Rocket",
            ServiceUrl = "https://smba.trafficmanager.net/emea/", AadGroupId = "group-1",
        };

        Assert.Equal(JoinResult.Joined, await _store.JoinAsync(team, default));
        Assert.Equal(JoinResult.AlreadyJoined, await _store.JoinAsync(team with { TeamName = "Rocket 2" }, default));
        Assert.Equal(JoinResult.OtherArt, await _store.JoinAsync(team with { ArtId = "j2" }, default));
        Assert.Equal(JoinResult.OtherArt, await _store.JoinAsync(team with { ConversationId = "19:home-j2@thread.tacv2" }, default));

        var teams = await _store.GetTeamsAsync(Tenant, "j1", default);
        Assert.Equal("Rocket 2", Assert.Single(teams).TeamName);
        Assert.Empty(await _store.GetTeamsAsync(Tenant, "j2", default));
        var membership = (await _store.FindByConversationAsync(Tenant, team.ConversationId, default))!;
        Assert.Equal("j1", membership.Art.Id);
        Assert.Equal("group-1", membership.Team!.AadGroupId);
    }

    [Fact]
    public async Task A_team_can_be_marked_unreachable_and_reachable_again()
    {
        await _store.CreateAsync(NewArt("m1", "19:home-m1@thread.tacv2"), default);
        var team = new ArtTeam { TenantId = Tenant, ArtId = "m1", ConversationId = "19:t-m1@thread.tacv2", TeamName = "T", ServiceUrl = "https://x/" };
        await _store.JoinAsync(team, default);
        var since = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

        await _store.SetTeamUnreachableAsync(Tenant, "m1", team.ConversationId, since, default);
        Assert.Equal(since, Assert.Single(await _store.GetTeamsAsync(Tenant, "m1", default)).UnreachableSince);

        await _store.SetTeamUnreachableAsync(Tenant, "m1", team.ConversationId, null, default);
        Assert.Null(Assert.Single(await _store.GetTeamsAsync(Tenant, "m1", default)).UnreachableSince);
    }

    [Fact]
    public async Task Every_art_of_every_tenant_is_listed_and_unknown_conversations_have_none()
    {
        await _store.CreateAsync(NewArt("l1", "19:home-l1@thread.tacv2"), default);
        await _store.CreateAsync(NewArt("l2", "19:home-l2@thread.tacv2") with { TenantId = "tenant-2" }, default);

        var all = new List<Art>();
        await foreach (var art in _store.ListAllAsync(default))
        {
            all.Add(art);
        }

        Assert.Equal(["l1", "l2"], all.Select(a => a.Id).Order());
        Assert.Null(await _store.FindByConversationAsync(Tenant, "19:nowhere@thread.tacv2", default));
        Assert.Null(await _store.FindByConversationAsync("tenant-2", "19:home-l1@thread.tacv2", default));
    }
}
