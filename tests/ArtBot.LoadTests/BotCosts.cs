using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ArtBot.LoadTests;

/// <summary>
/// What the bot process has spent since it started, read by the probe (a startup hook the benchmark loads into the
/// published bot, <c>tests/ArtBot.LoadTests.Probe</c>): CPU time, bytes allocated, exceptions thrown (first chance), and
/// the log entries it wrote (its console lines that start with a level). Subtract two readings for what lies between.
/// </summary>
public sealed record BotCosts(double CpuMs, long AllocatedBytes, long Exceptions, long LogEntries, long StorageReads = 0, long StorageWrites = 0)
{
    /// <summary>Storage operations (reads and writes) the process made.</summary>
    public long StorageOperations => StorageReads + StorageWrites;

    /// <summary>
    /// The environment that loads the probe into a bot process, answering on <paramref name="port"/>, counting the requests
    /// to <paramref name="storagePort"/> if given.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ProbeEnvironment(int port, int? storagePort)
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_STARTUP_HOOKS"] = Path.Combine(AppContext.BaseDirectory, "ArtBot.LoadTests.Probe.dll"),
            ["ARTBOT_PROBE_PORT"] = port.ToString(CultureInfo.InvariantCulture),
        };
        if (storagePort is { } storage)
        {
            environment["ARTBOT_PROBE_STORAGE_PORT"] = storage.ToString(CultureInfo.InvariantCulture);
        }

        return environment;
    }

    /// <summary>Reads the probe on <paramref name="port"/>; <paramref name="logEntries"/> is the process's log so far.</summary>
    public static async Task<BotCosts> ReadAsync(int port, long logEntries)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
        using var reader = new StreamReader(client.GetStream());
        var parts = ((await reader.ReadLineAsync().ConfigureAwait(false)) ?? "").Split(' ');
        long At(int i) => long.Parse(parts[i], CultureInfo.InvariantCulture);
        return new BotCosts(double.Parse(parts[0], CultureInfo.InvariantCulture), At(1), At(2), logEntries, At(3), At(4));
    }

    /// <summary>What <paramref name="bots"/> have spent so far, summed (<see cref="BotProcess.CostsAsync"/>).</summary>
    public static async Task<BotCosts> SumAsync(IEnumerable<BotProcess> bots, bool quietLogs = true) =>
        (await Task.WhenAll(bots.Select(b => b.CostsAsync(quietLogs))).ConfigureAwait(false)).Aggregate(Zero, (sum, costs) => sum + costs);

    /// <summary>True for the first line of a console log entry (<c>info: Category[id]</c>, <c>warn: ...</c>).</summary>
    public static bool IsLogEntry(string line) =>
        line.Length > 6 && line[4] == ':' && line[5] == ' ' && line[..4] is "trce" or "dbug" or "info" or "warn" or "fail" or "crit";

    public static BotCosts operator -(BotCosts after, BotCosts before) => new(
        after.CpuMs - before.CpuMs, after.AllocatedBytes - before.AllocatedBytes, after.Exceptions - before.Exceptions, after.LogEntries - before.LogEntries,
        after.StorageReads - before.StorageReads, after.StorageWrites - before.StorageWrites);

    public static BotCosts operator +(BotCosts a, BotCosts b) => new(
        a.CpuMs + b.CpuMs, a.AllocatedBytes + b.AllocatedBytes, a.Exceptions + b.Exceptions, a.LogEntries + b.LogEntries,
        a.StorageReads + b.StorageReads, a.StorageWrites + b.StorageWrites);

    public static BotCosts Zero { get; } = new(0, 0, 0, 0);
}
