using Azure.Data.Tables;
using ArtBot.Tests.Shared;
using Azure;

namespace ArtBot.IntegrationTests.Storage;

public sealed class TableClientCrudTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        _table = service.GetTableClient(AzuriteFixture.NewTableName("crud"));
        await _table.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => _table.DeleteAsync();

    [Fact]
    public async Task Create_table_twice_is_not_an_error()
    {
        var again = await _table.CreateIfNotExistsAsync();
        Assert.Equal(_table.Name, again.Value.Name);
        Assert.Equal(409, again.GetRawResponse().Status);
    }

    [Fact]
    public async Task Add_get_update_delete_round_trip()
    {
        var note = new NoteEntity { PartitionKey = "p", RowKey = "r1", Text = "hello", Count = 1 };
        var added = await _table.AddEntityAsync(note);
        Assert.Equal(204, added.Status);

        var read = (await _table.GetEntityAsync<NoteEntity>("p", "r1")).Value;
        Assert.Equal("hello", read.Text);
        Assert.Equal(1, read.Count);
        Assert.NotEqual(default, read.ETag);
        Assert.NotNull(read.Timestamp);

        read.Count = 2;
        await _table.UpdateEntityAsync(read, read.ETag, TableUpdateMode.Replace);
        Assert.Equal(2, (await _table.GetEntityAsync<NoteEntity>("p", "r1")).Value.Count);

        var deleted = await _table.DeleteEntityAsync("p", "r1");
        Assert.Equal(204, deleted.Status);
        var missing = await _table.GetEntityIfExistsAsync<NoteEntity>("p", "r1");
        Assert.False(missing.HasValue);
        Assert.Equal(404, missing.GetRawResponse().Status);
    }

    [Fact]
    public async Task Add_existing_entity_throws_409_with_error_code()
    {
        var note = new NoteEntity { PartitionKey = "p", RowKey = "dup" };
        await _table.AddEntityAsync(note);
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => _table.AddEntityAsync(note));
        Assert.Equal(409, e.Status);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
    }

    [Fact]
    public async Task Get_missing_entity_throws_404_and_delete_missing_is_not_an_error()
    {
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => _table.GetEntityAsync<NoteEntity>("p", "nobody"));
        Assert.Equal(404, e.Status);
        Assert.Equal("ResourceNotFound", e.ErrorCode);

        var deleted = await _table.DeleteEntityAsync("p", "nobody");
        Assert.Equal(404, deleted.Status);
    }

    [Fact]
    public async Task Upsert_merge_keeps_other_properties_and_replace_drops_them()
    {
        await _table.UpsertEntityAsync(new TableEntity("p", "up") { ["A"] = "a", ["B"] = 1 });
        await _table.UpsertEntityAsync(new TableEntity("p", "up") { ["B"] = 2 });
        var merged = (await _table.GetEntityAsync<TableEntity>("p", "up")).Value;
        Assert.Equal("a", merged.GetString("A"));
        Assert.Equal(2, merged.GetInt32("B"));

        await _table.UpsertEntityAsync(new TableEntity("p", "up") { ["B"] = 3 }, TableUpdateMode.Replace);
        var replaced = (await _table.GetEntityAsync<TableEntity>("p", "up")).Value;
        Assert.False(replaced.ContainsKey("A"));
        Assert.Equal(3, replaced.GetInt32("B"));
    }

    [Fact]
    public async Task Every_supported_type_round_trips()
    {
        var entity = AllTypes("p", "types");
        await _table.AddEntityAsync(entity);

        var read = (await _table.GetEntityAsync<AllTypesEntity>("p", "types")).Value;
        Assert.Equal(entity.Text, read.Text);
        Assert.Equal(entity.IntValue, read.IntValue);
        Assert.Equal(entity.LongValue, read.LongValue);
        Assert.Equal(entity.DoubleValue, read.DoubleValue);
        Assert.Equal(entity.Bool, read.Bool);
        Assert.Equal(entity.When, read.When);
        Assert.Equal(entity.WhenUtc, read.WhenUtc);
        Assert.Equal(DateTimeKind.Utc, read.WhenUtc.Kind);
        Assert.Equal(entity.Id, read.Id);
        Assert.Equal(entity.Bytes, read.Bytes);
        Assert.Equal(entity.Colour, read.Colour);
        Assert.Null(read.NullableInt);
        Assert.Equal(entity.NullableLong, read.NullableLong);
        Assert.Equal(entity.NullableDouble, read.NullableDouble);
        Assert.Equal(entity.NullableBool, read.NullableBool);
        Assert.Equal(entity.NullableWhen, read.NullableWhen);
        Assert.Equal(entity.NullableId, read.NullableId);
        Assert.Equal(entity.NullableColour, read.NullableColour);
        Assert.Null(read.NotStored);

        var dynamic = (await _table.GetEntityAsync<TableEntity>("p", "types")).Value;
        Assert.IsType<long>(dynamic["LongValue"]);
        Assert.IsType<double>(dynamic["DoubleValue"]);
        Assert.IsType<DateTimeOffset>(dynamic["When"]);
        Assert.IsType<Guid>(dynamic["Id"]);
        Assert.IsType<byte[]>(dynamic["Bytes"]);
        Assert.Equal("Blue", dynamic.GetString("Colour"));
        Assert.False(dynamic.ContainsKey("NotStored"));
    }

    [Fact]
    public async Task Double_that_looks_integral_stays_a_double()
    {
        await _table.AddEntityAsync(new TableEntity("p", "dbl") { ["D"] = 2.0, ["I"] = 2 });
        var read = (await _table.GetEntityAsync<TableEntity>("p", "dbl")).Value;
        Assert.IsType<double>(read["D"]);
        Assert.IsType<int>(read["I"]);
    }

    [Fact]
    public async Task Long_above_2_pow_53_keeps_precision()
    {
        const long big = 9_007_199_254_740_993;
        await _table.AddEntityAsync(new TableEntity("p", "big") { ["L"] = big });
        Assert.Equal(big, (await _table.GetEntityAsync<TableEntity>("p", "big")).Value.GetInt64("L"));
    }

    [Fact]
    public async Task Stale_ETag_gives_412_on_update_and_delete()
    {
        await _table.AddEntityAsync(new NoteEntity { PartitionKey = "p", RowKey = "cc", Count = 1 });
        var first = (await _table.GetEntityAsync<NoteEntity>("p", "cc")).Value;
        var stale = first.ETag;

        first.Count = 2;
        var updated = await _table.UpdateEntityAsync(first, first.ETag);
        Assert.NotEqual(stale, updated.Headers.ETag);

        first.Count = 3;
        var onUpdate = await Assert.ThrowsAsync<RequestFailedException>(() => _table.UpdateEntityAsync(first, stale));
        Assert.Equal(412, onUpdate.Status);
        Assert.Equal("UpdateConditionNotSatisfied", onUpdate.ErrorCode);

        var onDelete = await Assert.ThrowsAsync<RequestFailedException>(() => _table.DeleteEntityAsync("p", "cc", stale));
        Assert.Equal(412, onDelete.Status);

        Assert.Equal(2, (await _table.GetEntityAsync<NoteEntity>("p", "cc")).Value.Count);
        await _table.DeleteEntityAsync("p", "cc", updated.Headers.ETag!.Value);
        Assert.False((await _table.GetEntityIfExistsAsync<NoteEntity>("p", "cc")).HasValue);
    }

    [Fact]
    public async Task Update_of_missing_entity_gives_404()
    {
        var e = await Assert.ThrowsAsync<RequestFailedException>(
            () => _table.UpdateEntityAsync(new NoteEntity { PartitionKey = "p", RowKey = "ghost" }, ETag.All));
        Assert.Equal(404, e.Status);
    }

    [Theory]
    [InlineData("it's", "O'Brien's")]
    [InlineData("100%", "%25%")]
    [InlineData("a:b@c;d", "x=y&z+w")]
    [InlineData("''", "'")]
    [InlineData("ünï cödé ✓", "spaces and (parens), commas")]
    [InlineData("", "empty-partition")]
    public async Task Keys_with_special_characters_round_trip(string partitionKey, string rowKey)
    {
        var note = new NoteEntity { PartitionKey = partitionKey, RowKey = rowKey, Text = "k" };
        await _table.AddEntityAsync(note);

        var read = (await _table.GetEntityAsync<NoteEntity>(partitionKey, rowKey)).Value;
        Assert.Equal(partitionKey, read.PartitionKey);
        Assert.Equal(rowKey, read.RowKey);

        read.Text = "k2";
        await _table.UpdateEntityAsync(read, read.ETag);
        await _table.UpsertEntityAsync(read);

        var byFilter = await _table.QueryAsync<NoteEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey eq {rowKey}")).ToListAsync();
        Assert.Equal("k2", Assert.Single(byFilter).Text);

        await _table.DeleteEntityAsync(partitionKey, rowKey);
        Assert.False((await _table.GetEntityIfExistsAsync<NoteEntity>(partitionKey, rowKey)).HasValue);
    }

    [Fact]
    public async Task Filters_with_quotes_and_typed_values_match_exactly()
    {
        var when = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).AddTicks(1234567);
        await _table.AddEntityAsync(new TableEntity("f", "1") { ["Name"] = "O'Neil", ["N"] = 5L, ["When"] = when, ["Ok"] = true });
        await _table.AddEntityAsync(new TableEntity("f", "2") { ["Name"] = "ONeil", ["N"] = 6L, ["When"] = when.AddDays(1), ["Ok"] = false });
        await _table.AddEntityAsync(new TableEntity("f", "3") { ["Name"] = "' or ''='", ["N"] = 7L, ["When"] = when.AddDays(2), ["Ok"] = false });

        async Task<string[]> Rows(FormattableString filter) =>
            [.. (await _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(filter)).ToListAsync()).Select(e => e.RowKey).Order()];

        Assert.Equal(["1"], await Rows($"PartitionKey eq {"f"} and Name eq {"O'Neil"}"));
        Assert.Equal(["3"], await Rows($"PartitionKey eq {"f"} and Name eq {"' or ''='"}"));
        Assert.Equal(["2", "3"], await Rows($"PartitionKey eq {"f"} and N gt {5L}"));
        Assert.Equal(["1"], await Rows($"PartitionKey eq {"f"} and When eq {when}"));
        Assert.Equal(["1"], await Rows($"PartitionKey eq {"f"} and Ok eq {true}"));
    }

    [Fact]
    public async Task Select_returns_only_named_properties()
    {
        await _table.AddEntityAsync(new NoteEntity { PartitionKey = "s", RowKey = "1", Text = "t", Count = 9 });
        var read = (await _table.GetEntityAsync<NoteEntity>("s", "1", select: ["Count"])).Value;
        Assert.Equal(9, read.Count);
        Assert.Null(read.Text);

        var queried = await _table.QueryAsync<TableEntity>($"PartitionKey eq 's'", select: ["Text"]).ToListAsync();
        var only = Assert.Single(queried);
        Assert.Equal("t", only.GetString("Text"));
        Assert.False(only.ContainsKey("Count"));
    }

    internal static AllTypesEntity AllTypes(string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        Text = "text with 'quotes' and ünïcödé",
        IntValue = -42,
        LongValue = 9_007_199_254_740_993,
        DoubleValue = 2.0,
        Bool = true,
        When = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)).AddTicks(1234567),
        WhenUtc = new DateTime(2023, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(7654321),
        Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        Bytes = [0, 1, 2, 250, 255],
        Colour = Colour.Blue,
        NullableLong = long.MinValue,
        NullableDouble = double.NaN,
        NullableBool = false,
        NullableWhen = DateTimeOffset.UnixEpoch,
        NullableId = Guid.Empty,
        NullableColour = Colour.Green,
        NotStored = "ignored",
    };
}
