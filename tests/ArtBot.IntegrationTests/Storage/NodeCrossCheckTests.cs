using System.Diagnostics;
using ArtBot.Storage.Tables;
using ArtBot.Tests.Shared;
using Azure;

namespace ArtBot.IntegrationTests.Storage;

/// <summary>
/// Proves the wire format with a client nobody here wrote: npm @azure/data-tables reads what the C# client wrote
/// (.dev/scripts/tables-crosscheck.cjs) and writes what the C# client then reads.
/// </summary>
public sealed class NodeCrossCheckTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string SpecialRowKey = "it's 100%:@;";
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _table = new TableServiceClient(azurite.ConnectionString).GetTableClient(AzuriteFixture.NewTableName("node"));
        await _table.CreateIfNotExistsAsync();
    }

    public Task DisposeAsync() => _table.DeleteAsync();

    [Fact]
    public async Task NodeSdkReadsWhatCSharpWroteWithTheRightTypes()
    {
        const string partition = "from'csharp";
        await _table.AddEntityAsync(TableClientCrudTests.AllTypes(partition, "csharp"));
        await _table.AddEntityAsync(new NoteEntity { PartitionKey = partition, RowKey = SpecialRowKey, Text = "special" });

        var (exitCode, output) = await RunScriptAsync("read", partition);

        Assert.True(exitCode == 0, output);
        Assert.Contains("crosscheck read: 21 passed, 0 failed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CSharpReadsWhatNodeSdkWroteWithTheRightTypes()
    {
        const string partition = "from node";
        var (exitCode, output) = await RunScriptAsync("write", partition);
        Assert.True(exitCode == 0, output);
        Assert.Contains("crosscheck write: 2 passed, 0 failed", output, StringComparison.Ordinal);

        var e = (await _table.GetEntityAsync<TableEntity>(partition, "node")).Value;
        Assert.Equal(9_007_199_254_740_993L, Assert.IsType<long>(e["Big"]));
        Assert.Equal(2.0, Assert.IsType<double>(e["Dbl"]));
        Assert.Equal(0.5, Assert.IsType<double>(e["Frac"]));
        var when = Assert.IsType<DateTimeOffset>(e["When"]);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 5, 8, 9, TimeSpan.Zero).AddTicks(1_234_567), when);
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), Assert.IsType<Guid>(e["Id"]));
        Assert.Equal(new byte[] { 9, 8, 7, 0, 255 }, Assert.IsType<byte[]>(e["Bin"]));
        Assert.Equal(7, Assert.IsType<int>(e["Int"]));
        Assert.Equal("O'Neil", e.GetString("Text"));
        Assert.True(e.GetBoolean("Flag"));
        Assert.NotEqual(default, e.ETag);

        var typed = (await _table.GetEntityAsync<NodeWrittenEntity>(partition, "node")).Value;
        Assert.Equal(9_007_199_254_740_993L, typed.Big);
        Assert.Equal(2.0, typed.Dbl);
        Assert.Equal(when, typed.When);
        Assert.Equal(Colour.Red, typed.Colour);
        Assert.Equal(new byte[] { 9, 8, 7, 0, 255 }, typed.Bin);

        var special = (await _table.GetEntityAsync<NoteEntity>(partition, SpecialRowKey)).Value;
        Assert.Equal("from node", special.Text);
    }

    private async Task<(int ExitCode, string Output)> RunScriptAsync(string mode, string partitionKey)
    {
        var root = Azurite.FindRepositoryRoot();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(root, ".dev", "scripts", "tables-crosscheck.cjs"));
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(azurite.ConnectionString);
        start.ArgumentList.Add(_table.Name);
        start.ArgumentList.Add(partitionKey);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    public sealed class NodeWrittenEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public long Big { get; set; }

        public double Dbl { get; set; }

        public DateTimeOffset When { get; set; }

        public Colour Colour { get; set; }

        public byte[]? Bin { get; set; }
    }
}
