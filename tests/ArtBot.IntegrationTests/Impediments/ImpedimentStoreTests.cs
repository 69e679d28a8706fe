using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.Storage.Impediments;
using Azure.Data.Tables;

namespace ArtBot.IntegrationTests.Impediments;

/// <summary>The table store on Azurite: idempotent raise, ETag conflicts retried on fresh state or reported, lists.</summary>
[Collection(BotTests.Name)]
public sealed class ImpedimentStoreTests(BotHost bot)
{
    private static readonly Person Alex = new("alex-aad", "Alex");
    private static readonly Person Megan = new("megan-aad", "Megan");
    private readonly string _scope = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2";

    private ImpedimentStore Store(int maxAttempts = 5) =>
        new(new TableServiceClient(bot.StorageConnectionString).GetTableClient(ImpedimentStore.TableName), TimeProvider.System) { MaxAttempts = maxAttempts };

    private Impediment Draft(string title, DateTimeOffset? at = null, ImpedimentKind kind = ImpedimentKind.Impediment) => new()
    {
        Id = "",
        TenantId = "tenant-a",
        ScopeId = _scope,
        ConversationId = _scope,
        Kind = kind,
        Title = title,
        RaisedBy = Alex,
        RaisedAt = at ?? DateTimeOffset.UtcNow,
        Source = ImpedimentSource.VoteConcern("vote-1", "concern-1"),
    };

    [Fact]
    public async Task Raising_with_the_same_key_twice_stores_one()
    {
        var store = Store();

        var first = await store.RaiseAsync(Draft("Once"), "voteConcern:concern-1", CancellationToken.None);
        var second = await store.RaiseAsync(Draft("Once, again"), "voteConcern:concern-1", CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Impediment.Id, second.Impediment.Id);
        Assert.Equal("Once", second.Impediment.Title);
        Assert.Equal("vote-1/concern-1", second.Impediment.Source.ReferenceId);
        Assert.Single(second.Impediment.History);
    }

    [Fact]
    public async Task A_concurrent_write_makes_the_change_apply_again_on_fresh_state()
    {
        var store = Store();
        var raised = (await store.RaiseAsync(Draft("Contended"), "k1", CancellationToken.None)).Impediment;
        var calls = 0;

        var result = await store.UpdateAsync("tenant-a", _scope, raised.Id, Alex, current =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                // Someone else changes it between our read and our write: our ETag is stale now.
                store.UpdateAsync("tenant-a", _scope, raised.Id, Megan, c => ImpedimentLifecycle.TakeOwnership(c, Megan), CancellationToken.None).GetAwaiter().GetResult();
            }

            return ImpedimentLifecycle.SetRoam(current, Alex, RoamStatus.Mitigated, DateTimeOffset.UtcNow);
        }, CancellationToken.None);

        Assert.Equal(ImpedimentUpdateStatus.Updated, result.Status);
        Assert.Equal(2, calls);
        Assert.Equal("megan-aad", result.Impediment!.Owner!.Id); // the other edit is kept
        Assert.Equal(RoamStatus.Mitigated, result.Impediment.Roam); // and ours applied on top
        Assert.Equal(["raised it", "took ownership", "set ROAM to Mitigated"], result.Impediment.History.Select(h => h.What));
    }

    [Fact]
    public async Task A_change_the_fresh_state_refuses_is_reported_not_written()
    {
        var store = Store();
        var raised = (await store.RaiseAsync(Draft("Refused on fresh state"), "k2", CancellationToken.None)).Impediment;
        var calls = 0;

        var result = await store.UpdateAsync("tenant-a", _scope, raised.Id, Alex, current =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                store.UpdateAsync("tenant-a", _scope, raised.Id, Megan, c => ImpedimentLifecycle.Resolve(c, Megan, "done", DateTimeOffset.UtcNow), CancellationToken.None).GetAwaiter().GetResult();
            }

            return ImpedimentLifecycle.TakeOwnership(current, Alex);
        }, CancellationToken.None);

        Assert.Equal(ImpedimentUpdateStatus.Refused, result.Status);
        Assert.Contains("reopen it", result.Message, StringComparison.Ordinal);
        Assert.Null(result.Impediment!.Owner);
        Assert.False(result.Impediment.IsOpen);
    }

    [Fact]
    public async Task Repeated_conflicts_are_reported_with_a_clear_message_and_lose_nothing_stored()
    {
        var store = Store(maxAttempts: 2);
        var raised = (await store.RaiseAsync(Draft("Always contended"), "k3", CancellationToken.None)).Impediment;
        var other = 0;

        var result = await store.UpdateAsync("tenant-a", _scope, raised.Id, Alex, current =>
        {
            var n = Interlocked.Increment(ref other);
            store.UpdateAsync("tenant-a", _scope, raised.Id, Megan,
                c => ImpedimentLifecycle.SetRoam(c, Megan, n % 2 == 0 ? RoamStatus.Accepted : RoamStatus.Mitigated, DateTimeOffset.UtcNow), CancellationToken.None).GetAwaiter().GetResult();
            return ImpedimentLifecycle.TakeOwnership(current, Alex);
        }, CancellationToken.None);

        Assert.Equal(ImpedimentUpdateStatus.Conflict, result.Status);
        Assert.Contains("try again", result.Message, StringComparison.Ordinal);
        Assert.Null(result.Impediment!.Owner);
        Assert.Equal(3, result.Impediment.History.Count); // raised + the two edits that won
    }

    [Fact]
    public async Task Lists_are_oldest_first_and_filter_by_kind_state_and_person()
    {
        var store = Store();
        var t0 = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var newer = (await store.RaiseAsync(Draft("Newer", t0.AddDays(2)), "a", CancellationToken.None)).Impediment;
        var older = (await store.RaiseAsync(Draft("Older", t0), "b", CancellationToken.None)).Impediment;
        var risk = (await store.RaiseAsync(Draft("Risk", t0.AddDays(1), ImpedimentKind.Risk), "c", CancellationToken.None)).Impediment;
        await store.UpdateAsync("tenant-a", _scope, newer.Id, Megan, c => ImpedimentLifecycle.TakeOwnership(c, Megan), CancellationToken.None);
        await store.UpdateAsync("tenant-a", _scope, older.Id, Alex, c => ImpedimentLifecycle.Resolve(c, Alex, "ok", DateTimeOffset.UtcNow), CancellationToken.None);

        var open = await store.ListAsync("tenant-a", _scope, new ImpedimentQuery(ImpedimentKind.Impediment), 10, CancellationToken.None);
        var all = await store.ListAsync("tenant-a", _scope, new ImpedimentQuery(ImpedimentKind.Impediment, IncludeResolved: true), 10, CancellationToken.None);
        var megans = await store.ListAsync("tenant-a", _scope, new ImpedimentQuery(null, PersonId: "megan-aad"), 10, CancellationToken.None);
        var risks = await store.ListAsync("tenant-a", _scope, new ImpedimentQuery(ImpedimentKind.Risk), 10, CancellationToken.None);
        var otherTenant = await store.ListAsync("tenant-b", _scope, new ImpedimentQuery(null, IncludeResolved: true), 10, CancellationToken.None);
        var firstOnly = await store.ListAsync("tenant-a", _scope, new ImpedimentQuery(null, IncludeResolved: true), 1, CancellationToken.None);

        Assert.Equal(["Newer"], open.Items.Select(i => i.Title));
        Assert.Equal(["Older", "Newer"], all.Items.Select(i => i.Title));
        Assert.Equal(["Newer"], megans.Items.Select(i => i.Title));
        Assert.Equal([risk.Id], risks.Items.Select(i => i.Id));
        Assert.Equal(0, otherTenant.Total);
        Assert.Equal(3, firstOnly.Total);
        Assert.Equal("Older", Assert.Single(firstOnly.Items).Title);
    }

    [Fact]
    public async Task Get_and_update_of_another_tenant_find_nothing()
    {
        var store = Store();
        var raised = (await store.RaiseAsync(Draft("Tenant A only"), "t", CancellationToken.None)).Impediment;

        Assert.Null(await store.GetAsync("tenant-b", _scope, raised.Id, CancellationToken.None));
        var update = await store.UpdateAsync("tenant-b", _scope, raised.Id, Alex, c => ImpedimentLifecycle.TakeOwnership(c, Alex), CancellationToken.None);
        Assert.Equal(ImpedimentUpdateStatus.NotFound, update.Status);
    }
}
