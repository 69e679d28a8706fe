using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ArtBot.Tests.Shared;

/// <summary>
/// Starts the Azurite table service from the repository's <c>.dev/node_modules</c> on a free loopback port, in memory.
/// Set <c>ARTBOT_TEST_STORAGE</c> to a connection string to use that storage instead.
/// </summary>
public static class Azurite
{
    public const string StorageVariable = "ARTBOT_TEST_STORAGE";
    public const string DevAccountName = "devstoreaccount1";
    public const string DevAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(30);
    private static readonly Lazy<Task<AzuriteInstance>> Shared = new(StartSharedAsync);

    /// <summary>One instance per test process, started on first use and killed when the process exits.</summary>
    public static Task<AzuriteInstance> SharedAsync() => Shared.Value;

    /// <summary>A dedicated instance; the caller disposes it.</summary>
    public static async Task<AzuriteInstance> StartAsync(CancellationToken cancellationToken = default)
    {
        var external = Environment.GetEnvironmentVariable(StorageVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new AzuriteInstance(external, PortOf(external), process: null);
        }

        return await LaunchOnFreePortAsync(location: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A dedicated instance that keeps its data in <paramref name="location"/> (Azurite writes it to disk every 5 s), on
    /// <paramref name="port"/> (a free one if null): kill it and start it again on the same folder and port, and the bot
    /// finds its data where it left it. Never the external storage.
    /// </summary>
    public static Task<AzuriteInstance> StartOnDiskAsync(string location, int? port = null, CancellationToken cancellationToken = default) =>
        port is { } fixedPort ? LaunchAsync(MainScript(), fixedPort, location, cancellationToken) : LaunchOnFreePortAsync(location, cancellationToken);

    /// <summary>The file Azurite keeps an on-disk instance's tables in.</summary>
    public static string DatabaseFile(string location) => Path.Combine(location, "__azurite_db_table__.json");

    private static string MainScript()
    {
        var main = Path.Combine(FindRepositoryRoot(), ".dev", "node_modules", "azurite", "dist", "src", "table", "main.js");
        return File.Exists(main) ? main : throw new InvalidOperationException($"Azurite is not installed: {main} is missing. Run 'npm ci' in .dev.");
    }

    private static async Task<AzuriteInstance> LaunchOnFreePortAsync(string? location, CancellationToken cancellationToken)
    {
        var main = MainScript();

        // A port picked here can be taken before Azurite binds it; try a few.
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                return await LaunchAsync(main, FreePort(), location, cancellationToken).ConfigureAwait(false);
            }
            catch (AzuriteStartException e)
            {
                last = e;
            }
        }

        throw new InvalidOperationException("Azurite did not start.", last);
    }

    /// <summary>A table name unique to one test class or test: the prefix's letters and digits plus random hex.</summary>
    public static string NewTableName(string prefix)
    {
        var clean = new string([.. prefix.Where(char.IsAsciiLetterOrDigit)]);
        if (clean.Length == 0 || !char.IsAsciiLetter(clean[0]))
        {
            clean = "t" + clean;
        }

        clean = clean.Length > 40 ? clean[..40] : clean;
        return clean + Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>The folder holding ArtBot.sln, walking up from the test assembly.</summary>
    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArtBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ArtBot.sln above {AppContext.BaseDirectory}.");
    }

    public static string DevConnectionString(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccountName};AccountKey={DevAccountKey};"
        + $"TableEndpoint=http://127.0.0.1:{port}/{DevAccountName};";

    private static async Task<AzuriteInstance> StartSharedAsync()
    {
        var instance = await StartAsync().ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => instance.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return instance;
    }

    private static async Task<AzuriteInstance> LaunchAsync(string main, int port, string? location, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.GetDirectoryName(main)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] persistence = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        foreach (var arg in (string[])
                 [
                     main, "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     .. persistence, "--disableTelemetry", "--silent",
                 ])
        {
            start.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new AzuriteInstance(DevConnectionString(port), port, process);

        var deadline = DateTime.UtcNow + StartDeadline;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                await instance.DisposeAsync().ConfigureAwait(false);
                throw new AzuriteStartException($"Azurite exited with code {process.ExitCode} before listening on {port}: {Tail(output)}");
            }

            if (await AcceptsAsync(port, cancellationToken).ConfigureAwait(false))
            {
                return instance;
            }

            // Polling interval while waiting for the port, bounded by the deadline.
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        await instance.DisposeAsync().ConfigureAwait(false);
        throw new AzuriteStartException($"Azurite did not listen on {port} within {StartDeadline.TotalSeconds} s: {Tail(output)}");
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The table endpoint's port in a connection string (the emulator's default for development storage; 0: none).</summary>
    internal static int PortOf(string connectionString)
    {
        foreach (var part in connectionString.Split(';'))
        {
            var kv = part.Split('=', 2);
            if (kv.Length == 2 && kv[0].Trim().Equals("TableEndpoint", StringComparison.OrdinalIgnoreCase)
                && Uri.TryCreate(kv[1].Trim(), UriKind.Absolute, out var uri))
            {
                return uri.Port;
            }
        }

        return connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase) ? 10002 : 0;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length > 2000 ? text[^2000..] : text;
        }
    }

    private sealed class AzuriteStartException(string message) : Exception(message);
}
