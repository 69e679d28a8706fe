using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Storage.Planning;
using ArtBot.Tests.Shared;
using Azure.Data.Tables;

namespace ArtBot.IntegrationTests.Planning;

/// <summary>
/// The objective and dependency stores on one <c>planning</c> table in Azurite: round trips, idempotent creation,
/// ETag-checked updates with their history in the same transaction, kinds and tenants kept apart.
/// </summary>
public sealed class PlanStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Tenant = "tenant-1";
    private const string ArtId = "art-1";
    private const string Rocket = "19:rocket/team#1?@thread.tacv2";
    private static readonly Person Alex = new("aad-alex", "Alex RTE");
    private static readonly Person Megan = new("aad-megan", "Megan BO");
    private static readonly DateTimeOffset T0 = new(2026, 12, 15, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly PiStart = new(2027, 1, 4);

    private TableClient _table = null!;
    private IPlanStore<PiObjective> _objectives = null!;
    private IPlanStore<Dependency> _dependencies = null!;

    public async Task InitializeAsync()
    {
        _table = new TableServiceClient(azurite.ConnectionString).GetTableClient(AzuriteFixture.NewTableName("planning"));
        await _table.CreateIfNotExistsAsync();
        _objectives = PlanMappings.Objectives(_table);
        _dependencies = PlanMappings.Dependencies(_table);
    }

    public async Task DisposeAsync() => await _table.DeleteAsync();

    private static PiObjective NewObjective(string key, string tenant = Tenant, string art = ArtId) => new()
    {
        Id = PlanIds.Objective(tenant, art, Rocket, key),
        TenantId = tenant,
        ArtId = art,
        TeamConversationId = Rocket,
        TeamName = "Rocket",
        Pi = "PI 2027.1",
        PiStart = PiStart,
        Text = "Ship search & filters to 100% of users",
        Committed = false,
        PlannedValue = 7,
        ActualValue = 6,
        CreatedBy = Alex,
        CreatedAt = T0,
        UpdatedAt = T0.AddMinutes(5),
    };

    private static Dependency NewDependency(string key, string tenant = Tenant, string art = ArtId) => new()
    {
        Id = PlanIds.Dependency(tenant, art, key),
        TenantId = tenant,
        ArtId = art,
        Pi = "PI 2027.1",
        PiStart = PiStart,
        Text = "Search API in staging",
        RequesterConversationId = Rocket,
        RequesterTeamName = "Rocket",
        ProviderConversationId = "19:apollo@thread.tacv2",
        ProviderTeamName = "Apollo",
        NeededBy = 3,
        CommittedIteration = 4,
        ObjectiveId = PlanIds.Objective(tenant, art, Rocket, "o1"),
        Status = DependencyStatus.AtRisk,
        DeclineReason = "Was declined once",
        RiskId = "risk-0001",
        RequestedBy = Megan,
        CreatedAt = T0,
        UpdatedAt = T0.AddHours(1),
    };

    private async Task<List<TableEntity>> RowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    private static PlanChange Created(Person by, DateTimeOffset at) => new(at, by, ObjectiveField.Created, null, null);

    [Fact]
    public async Task An_objective_round_trips_with_every_field()
    {
        var objective = NewObjective("o1");
        Assert.True(await _objectives.CreateAsync(objective, Created(Alex, T0), default));

        var read = await _objectives.GetAsync(Tenant, ArtId, objective.Id, default);

        Assert.NotNull(read);
        Assert.False(string.IsNullOrEmpty(read.Version));
        Assert.Equivalent(objective with { Version = read.Version }, read, strict: true);
    }

    [Fact]
    public async Task An_objective_without_values_reads_back_without_values()
    {
        var objective = NewObjective("o2") with { Committed = true, PlannedValue = null, ActualValue = null, CreatedBy = new Person("aad-x", null) };
        await _objectives.CreateAsync(objective, Created(Alex, T0), default);

        var read = await _objectives.GetAsync(Tenant, ArtId, objective.Id, default);

        Assert.Equivalent(objective with { Version = read!.Version }, read, strict: true);
        Assert.Null(read.PlannedValue);
        Assert.Null(read.CreatedBy.Name);
    }

    [Fact]
    public async Task A_dependency_round_trips_with_every_field()
    {
        var dependency = NewDependency("d1");
        Assert.True(await _dependencies.CreateAsync(dependency, Created(Megan, T0), default));

        var read = await _dependencies.GetAsync(Tenant, ArtId, dependency.Id, default);

        Assert.NotNull(read);
        Assert.False(string.IsNullOrEmpty(read.Version));
        Assert.Equal(dependency with { Version = read.Version }, read);
    }

    [Fact]
    public async Task A_dependency_without_answers_reads_back_requested()
    {
        var dependency = NewDependency("d2") with
        {
            CommittedIteration = null, ObjectiveId = null, Status = DependencyStatus.Requested, DeclineReason = null, RiskId = null,
        };
        await _dependencies.CreateAsync(dependency, Created(Megan, T0), default);

        var read = await _dependencies.GetAsync(Tenant, ArtId, dependency.Id, default);

        Assert.Equal(dependency with { Version = read!.Version }, read);
    }

    [Fact]
    public async Task Creating_an_objective_twice_returns_false_and_stores_nothing_new()
    {
        var objective = NewObjective("o1");

        Assert.True(await _objectives.CreateAsync(objective, Created(Alex, T0), default));
        Assert.False(await _objectives.CreateAsync(objective with { Text = "Redelivered" }, Created(Megan, T0.AddSeconds(1)), default));

        Assert.Equal(objective.Text, (await _objectives.GetAsync(Tenant, ArtId, objective.Id, default))!.Text);
        Assert.Equal([Created(Alex, T0)], await _objectives.GetHistoryAsync(Tenant, ArtId, objective.Id, default));
        Assert.Single(await _objectives.ListAsync(Tenant, ArtId, default));
    }

    [Fact]
    public async Task Creating_a_dependency_twice_returns_false_and_stores_nothing_new()
    {
        var dependency = NewDependency("d1");

        Assert.True(await _dependencies.CreateAsync(dependency, Created(Megan, T0), default));
        Assert.False(await _dependencies.CreateAsync(dependency with { Text = "Redelivered" }, Created(Alex, T0.AddSeconds(1)), default));

        Assert.Equal(dependency.Text, (await _dependencies.GetAsync(Tenant, ArtId, dependency.Id, default))!.Text);
        Assert.Equal([Created(Megan, T0)], await _dependencies.GetHistoryAsync(Tenant, ArtId, dependency.Id, default));
        Assert.Single(await _dependencies.ListAsync(Tenant, ArtId, default));
    }

    [Fact]
    public async Task An_update_with_the_version_read_returns_the_new_version_and_appends_its_history()
    {
        var objective = NewObjective("o1");
        await _objectives.CreateAsync(objective, Created(Alex, T0), default);
        var read = (await _objectives.GetAsync(Tenant, ArtId, objective.Id, default))!;
        var at = T0.AddHours(2);
        var edited = read with { Text = "Ship search", PlannedValue = 9, UpdatedAt = at };
        var changes = ObjectiveRules.Changes(read, edited, Megan, at);

        var updated = await _objectives.UpdateAsync(edited, changes, default);

        Assert.NotNull(updated);
        Assert.NotEqual(read.Version, updated.Version);
        Assert.Equivalent(edited with { Version = updated.Version }, updated, strict: true);
        var stored = await _objectives.GetAsync(Tenant, ArtId, objective.Id, default);
        Assert.Equivalent(updated, stored, strict: true);
        Assert.Equal([Created(Alex, T0), .. changes], await _objectives.GetHistoryAsync(Tenant, ArtId, objective.Id, default));
        Assert.NotNull(await _objectives.UpdateAsync(updated with { ActualValue = 8 }, [], default));
    }

    [Fact]
    public async Task A_dependency_update_with_the_version_read_is_stored_with_its_history()
    {
        var dependency = NewDependency("d1") with { Status = DependencyStatus.Requested, CommittedIteration = null, DeclineReason = null };
        await _dependencies.CreateAsync(dependency, Created(Megan, T0), default);
        var read = (await _dependencies.GetAsync(Tenant, ArtId, dependency.Id, default))!;
        var committed = DependencyRules.Commit(read, 2).Value with { UpdatedAt = T0.AddDays(1) };
        var changes = DependencyRules.Changes(read, committed, Alex, T0.AddDays(1));

        var updated = await _dependencies.UpdateAsync(committed, changes, default);

        Assert.NotNull(updated);
        Assert.NotEqual(read.Version, updated.Version);
        Assert.Equal(updated, await _dependencies.GetAsync(Tenant, ArtId, dependency.Id, default));
        Assert.Equal(DependencyStatus.Committed, updated.Status);
        Assert.Equal(2, updated.CommittedIteration);
        Assert.Equal(3, (await _dependencies.GetHistoryAsync(Tenant, ArtId, dependency.Id, default)).Count);
    }

    [Fact]
    public async Task A_stale_update_is_refused_and_changes_nothing()
    {
        var objective = NewObjective("o1");
        await _objectives.CreateAsync(objective, Created(Alex, T0), default);
        var first = (await _objectives.GetAsync(Tenant, ArtId, objective.Id, default))!;
        var megans = first with { PlannedValue = 9 };
        var meganChanges = ObjectiveRules.Changes(first, megans, Megan, T0.AddHours(1));
        var alexs = first with { Text = "Stale text" };

        var won = await _objectives.UpdateAsync(megans, meganChanges, default);
        var stale = await _objectives.UpdateAsync(alexs, ObjectiveRules.Changes(first, alexs, Alex, T0.AddHours(2)), default);

        Assert.NotNull(won);
        Assert.Null(stale);
        Assert.Equivalent(won, await _objectives.GetAsync(Tenant, ArtId, objective.Id, default), strict: true);
        Assert.Equal(objective.Text, won.Text);
        Assert.Equal(9, won.PlannedValue);
        Assert.Equal([Created(Alex, T0), .. meganChanges], await _objectives.GetHistoryAsync(Tenant, ArtId, objective.Id, default));
    }

    [Fact]
    public async Task A_stale_dependency_update_is_refused_and_keeps_the_other_writers_change()
    {
        var dependency = NewDependency("d1");
        await _dependencies.CreateAsync(dependency, Created(Megan, T0), default);
        var first = (await _dependencies.GetAsync(Tenant, ArtId, dependency.Id, default))!;

        Assert.NotNull(await _dependencies.UpdateAsync(first with { RiskId = "risk-2" }, [], default));
        Assert.Null(await _dependencies.UpdateAsync(first with { Status = DependencyStatus.Delivered }, [new(T0, Alex, DependencyField.Status, "at risk", "delivered")], default));

        var stored = (await _dependencies.GetAsync(Tenant, ArtId, dependency.Id, default))!;
        Assert.Equal("risk-2", stored.RiskId);
        Assert.Equal(DependencyStatus.AtRisk, stored.Status);
        Assert.Equal([Created(Megan, T0)], await _dependencies.GetHistoryAsync(Tenant, ArtId, dependency.Id, default));
    }

    [Fact]
    public async Task Updating_an_item_never_read_from_the_store_is_refused()
    {
        var objective = NewObjective("o1");

        await Assert.ThrowsAsync<ArgumentException>(() => _objectives.UpdateAsync(objective, [], default));
        Assert.Null(await _objectives.UpdateAsync(objective with { Version = "W/\"datetime'2027-01-01T00%3A00%3A00.0000000Z'\"" }, [], default));
        Assert.Null(await _objectives.GetAsync(Tenant, ArtId, objective.Id, default));
    }

    [Fact]
    public async Task Each_store_lists_only_its_own_kind_of_its_own_tenant_and_art()
    {
        var o1 = NewObjective("o1");
        var o2 = NewObjective("o2");
        var d1 = NewDependency("d1");
        await _objectives.CreateAsync(o1, Created(Alex, T0), default);
        await _objectives.CreateAsync(o2, Created(Alex, T0), default);
        await _dependencies.CreateAsync(d1, Created(Megan, T0), default);
        await _objectives.CreateAsync(NewObjective("o3", art: "art-2"), Created(Alex, T0), default);
        await _dependencies.CreateAsync(NewDependency("d2", art: "art-2"), Created(Alex, T0), default);
        await _objectives.CreateAsync(NewObjective("o4", tenant: "tenant-2"), Created(Alex, T0), default);
        await _dependencies.CreateAsync(NewDependency("d3", tenant: "tenant-2"), Created(Alex, T0), default);

        var objectives = await _objectives.ListAsync(Tenant, ArtId, default);
        var dependencies = await _dependencies.ListAsync(Tenant, ArtId, default);

        Assert.Equal(new[] { o1.Id, o2.Id }.Order(StringComparer.Ordinal), objectives.Select(o => o.Id).Order(StringComparer.Ordinal));
        Assert.All(objectives, o => Assert.Equal((Tenant, ArtId, "Rocket"), (o.TenantId, o.ArtId, o.TeamName)));
        Assert.Equal(d1 with { Version = dependencies.Single().Version }, Assert.Single(dependencies));
        Assert.Empty(await _objectives.ListAsync(Tenant, "art-3", default));
    }

    [Fact]
    public async Task Another_tenant_with_the_same_art_id_sees_nothing_of_this_one()
    {
        var objective = NewObjective("o1");
        var dependency = NewDependency("d1");
        await _objectives.CreateAsync(objective, Created(Alex, T0), default);
        await _dependencies.CreateAsync(dependency, Created(Megan, T0), default);

        Assert.Empty(await _objectives.ListAsync("tenant-2", ArtId, default));
        Assert.Empty(await _dependencies.ListAsync("tenant-2", ArtId, default));
        Assert.Null(await _objectives.GetAsync("tenant-2", ArtId, objective.Id, default));
        Assert.Null(await _dependencies.GetAsync("tenant-2", ArtId, dependency.Id, default));
        Assert.Empty(await _objectives.GetHistoryAsync("tenant-2", ArtId, objective.Id, default));
        Assert.NotNull(await _objectives.GetAsync(Tenant, ArtId, objective.Id, default));
    }

    [Fact]
    public async Task Another_tenants_update_of_the_same_id_finds_nothing_to_change()
    {
        var objective = NewObjective("o1");
        await _objectives.CreateAsync(objective, Created(Alex, T0), default);
        var read = (await _objectives.GetAsync(Tenant, ArtId, objective.Id, default))!;

        Assert.Null(await _objectives.UpdateAsync(read with { TenantId = "tenant-2", Text = "Hijacked" }, [Created(Megan, T0)], default));

        Assert.Equal(objective.Text, (await _objectives.GetAsync(Tenant, ArtId, objective.Id, default))!.Text);
        Assert.Null(await _objectives.GetAsync("tenant-2", ArtId, objective.Id, default));
        Assert.Empty(await _objectives.GetHistoryAsync("tenant-2", ArtId, objective.Id, default));
    }

    [Fact]
    public async Task An_id_of_one_kind_finds_nothing_in_the_other_store()
    {
        var objective = NewObjective("o1");
        await _objectives.CreateAsync(objective, Created(Alex, T0), default);

        Assert.Null(await _dependencies.GetAsync(Tenant, ArtId, objective.Id, default));
        Assert.Empty(await _dependencies.ListAsync(Tenant, ArtId, default));
    }

    [Fact]
    public async Task History_is_oldest_first_with_who_and_when_and_only_of_its_item()
    {
        var objective = NewObjective("o1");
        var other = NewObjective("o2");
        await _objectives.CreateAsync(objective, Created(Alex, T0), default);
        await _objectives.CreateAsync(other, Created(Megan, T0.AddMinutes(30)), default);
        var read = (await _objectives.GetAsync(Tenant, ArtId, objective.Id, default))!;
        var second = read with { Committed = true, PlannedValue = 8 };
        var secondChanges = ObjectiveRules.Changes(read, second, Megan, T0.AddHours(1));
        var afterSecond = (await _objectives.UpdateAsync(second, secondChanges, default))!;
        var otherRead = (await _objectives.GetAsync(Tenant, ArtId, other.Id, default))!;
        await _objectives.UpdateAsync(otherRead with { Text = "Other" }, ObjectiveRules.Changes(otherRead, otherRead with { Text = "Other" }, Megan, T0.AddHours(2)), default);
        var third = afterSecond with { ActualValue = 7 };
        await _objectives.UpdateAsync(third, ObjectiveRules.Changes(afterSecond, third, Alex, T0.AddDays(80)), default);

        var history = await _objectives.GetHistoryAsync(Tenant, ArtId, objective.Id, default);

        Assert.Equal(
            [
                new PlanChange(T0, Alex, ObjectiveField.Created, null, null),
                new PlanChange(T0.AddHours(1), Megan, ObjectiveField.Commitment, "uncommitted", "committed"),
                new PlanChange(T0.AddHours(1), Megan, ObjectiveField.Planned, "7", "8"),
                new PlanChange(T0.AddDays(80), Alex, ObjectiveField.Actual, "6", "7"),
            ],
            history);
        Assert.Equal(2, (await _objectives.GetHistoryAsync(Tenant, ArtId, other.Id, default)).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123456789abcde")]
    [InlineData("0123456789abcdef0")]
    [InlineData("0123456789ABCDEF")]
    [InlineData("0123456789abcdeg")]
    [InlineData("../../0123456789")]
    [InlineData("0123456789abc/ef")]
    public async Task Ids_that_are_not_well_formed_are_refused_before_reaching_storage(string id)
    {
        // A table that does not exist: anything that reached storage would fail with a 404, not an ArgumentException.
        var missing = new TableServiceClient(azurite.ConnectionString).GetTableClient(AzuriteFixture.NewTableName("missing"));
        var objectives = PlanMappings.Objectives(missing);
        var dependencies = PlanMappings.Dependencies(missing);
        var objective = NewObjective("o1") with { Id = id };
        var dependency = NewDependency("d1") with { Id = id };

        await Assert.ThrowsAsync<ArgumentException>(() => objectives.CreateAsync(objective, Created(Alex, T0), default));
        await Assert.ThrowsAsync<ArgumentException>(() => objectives.UpdateAsync(objective with { Version = "W/\"x\"" }, [], default));
        await Assert.ThrowsAsync<ArgumentException>(() => dependencies.CreateAsync(dependency, Created(Alex, T0), default));
        await Assert.ThrowsAsync<ArgumentException>(() => dependencies.UpdateAsync(dependency with { Version = "W/\"x\"" }, [], default));
        await Assert.ThrowsAsync<ArgumentException>(() => _objectives.CreateAsync(objective, Created(Alex, T0), default));
        Assert.Empty(await RowsAsync());
    }

    [Fact]
    public async Task Concurrent_read_modify_write_loops_lose_no_change_and_no_history()
    {
        const int Writers = 10;
        var objective = NewObjective("o1") with { Text = "Start" };
        await _objectives.CreateAsync(objective, Created(Alex, T0), default);

        var attempts = await Task.WhenAll(Enumerable.Range(0, Writers).Select(n => Task.Run(async () =>
        {
            var writer = new Person("writer-" + n, "Writer " + n);
            for (var attempt = 1; attempt <= 100; attempt++)
            {
                var current = (await _objectives.GetAsync(Tenant, ArtId, objective.Id, default))!;
                var edited = current with { Text = current.Text + " w" + n };
                if (await _objectives.UpdateAsync(edited, ObjectiveRules.Changes(current, edited, writer, T0.AddMinutes(n + 1)), default) is not null)
                {
                    return attempt;
                }
            }

            return -1;
        })));

        Assert.DoesNotContain(-1, attempts);
        var stored = (await _objectives.GetAsync(Tenant, ArtId, objective.Id, default))!;
        var tokens = stored.Text.Split(' ');
        Assert.Equal("Start", tokens[0]);
        Assert.Equal(Enumerable.Range(0, Writers).Select(n => "w" + n), tokens.Skip(1).Order(StringComparer.Ordinal));
        var history = await _objectives.GetHistoryAsync(Tenant, ArtId, objective.Id, default);
        Assert.Equal(Writers + 1, history.Count);
        Assert.Equal(Enumerable.Range(0, Writers).Select(n => "writer-" + n), history.Skip(1).Select(h => h.By.Id));
        // Each write started from the text the one before it left: the edits form one unbroken chain.
        var next = history.Skip(1).ToDictionary(h => h.From!, h => h.To!, StringComparer.Ordinal);
        var text = "Start";
        for (var i = 0; i < Writers; i++)
        {
            text = next[text];
        }

        Assert.Equal(stored.Text, text);
    }

    [Fact]
    public async Task Concurrent_writers_of_different_fields_of_a_dependency_all_land()
    {
        var dependency = NewDependency("d1") with
        {
            CommittedIteration = null, ObjectiveId = null, Status = DependencyStatus.Requested, DeclineReason = null, RiskId = null,
        };
        await _dependencies.CreateAsync(dependency, Created(Megan, T0), default);
        var later = T0.AddDays(3);
        Func<Dependency, Dependency>[] edits =
        [
            d => d with { Text = "Search API in production" },
            d => d with { RequesterTeamName = "Rocket 2" },
            d => d with { ProviderTeamName = "Apollo 2" },
            d => d with { NeededBy = 5 },
            d => d with { CommittedIteration = 2 },
            d => d with { ObjectiveId = "fedcba9876543210" },
            d => d with { Status = DependencyStatus.Committed },
            d => d with { DeclineReason = "Not declined after all" },
            d => d with { RiskId = "risk-42" },
            d => d with { UpdatedAt = later },
        ];

        var attempts = await Task.WhenAll(edits.Select((edit, n) => Task.Run(async () =>
        {
            for (var attempt = 1; attempt <= 100; attempt++)
            {
                var current = (await _dependencies.GetAsync(Tenant, ArtId, dependency.Id, default))!;
                var change = new PlanChange(T0.AddMinutes(n + 1), Alex, "edit", null, "edit " + n);
                if (await _dependencies.UpdateAsync(edit(current), [change], default) is not null)
                {
                    return attempt;
                }
            }

            return -1;
        })));

        Assert.DoesNotContain(-1, attempts);
        var stored = (await _dependencies.GetAsync(Tenant, ArtId, dependency.Id, default))!;
        var expected = edits.Aggregate(dependency, (d, edit) => edit(d)) with { Version = stored.Version };
        Assert.Equal(expected, stored);
        var history = await _dependencies.GetHistoryAsync(Tenant, ArtId, dependency.Id, default);
        Assert.Equal(Enumerable.Range(0, edits.Length).Select(n => "edit " + n), history.Skip(1).Select(h => h.To));
    }
}
