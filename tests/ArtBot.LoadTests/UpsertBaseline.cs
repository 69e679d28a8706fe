using System.Diagnostics;
using Azure.Data.Tables;

namespace ArtBot.LoadTests;

/// <summary>The raw rate of single-entity upserts with the project's <see cref="TableClient"/> against one endpoint.</summary>
public static class UpsertBaseline
{
    public static async Task<double> MeasureAsync(string connectionString, int upserts, int concurrency)
    {
        var table = new TableServiceClient(connectionString).GetTableClient(Tests.Shared.Azurite.NewTableName("baseline"));
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);

        // Warm the connection pool and the JIT before timing.
        await RunAsync(table, "warm", Math.Min(200, upserts), concurrency).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await RunAsync(table, "timed", upserts, concurrency).ConfigureAwait(false);
        clock.Stop();
        await table.DeleteAsync().ConfigureAwait(false);
        return upserts / clock.Elapsed.TotalSeconds;
    }

    private static async Task RunAsync(TableClient table, string partition, int upserts, int concurrency)
    {
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < upserts)
            {
                var entity = new TableEntity(partition, "r" + (i % 125).ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    ["Value"] = i % 5 + 1,
                    ["VoterName"] = "Voter " + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                await table.UpsertEntityAsync(entity).ConfigureAwait(false);
            }
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
    }
}
