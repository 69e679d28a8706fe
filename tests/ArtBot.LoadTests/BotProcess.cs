using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using ArtBot.Tests.Shared;

namespace ArtBot.LoadTests;

/// <summary>
/// The bot (<see cref="PrepareAsync"/>) as a process of its own:
/// <c>./ArtBot --urls http://127.0.0.1:PORT</c>, settings as environment variables (the caller's: production
/// mode or local development), so it can be killed like a crashed container. Its log is kept.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private readonly int _probePort;
    private long _logEntries;
    private long _lastLineAt;

    private BotProcess(Process process, Uri baseAddress, int probePort)
    {
        _process = process;
        _probePort = probePort;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public int Id => _process.Id;

    /// <summary>The process's peak resident set so far (Linux <c>VmHWM</c>), or its current working set elsewhere.</summary>
    public long PeakWorkingSetBytes
    {
        get
        {
            var status = $"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status";
            var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
            if (line is null)
            {
                _process.Refresh();
                return _process.WorkingSet64;
            }

            return long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
        }
    }

    /// <summary>Every line the process wrote (stdout and stderr).</summary>
    public IReadOnlyCollection<string> Log => _log;

    /// <summary>
    /// Waits until the process wrote nothing for <paramref name="quiet"/> (at most 5 s): its console lines reach the
    /// benchmark a moment after the work that wrote them, so a reading taken right after would count a late line of the
    /// work before (a vote's "started" line, say) against the work after.
    /// </summary>
    public async Task WhenLogQuietAsync(TimeSpan quiet)
    {
        var deadline = Stopwatch.GetTimestamp() + (5 * Stopwatch.Frequency);
        while (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastLineAt)) < quiet && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(25).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What the process has spent since it started (<see cref="BotCosts"/>); with <paramref name="quietLogs"/>, read once
    /// its log went quiet (<see cref="WhenLogQuietAsync"/>), so that the log entries counted are exact.
    /// </summary>
    public async Task<BotCosts> CostsAsync(bool quietLogs = true)
    {
        if (quietLogs)
        {
            await WhenLogQuietAsync(TimeSpan.FromMilliseconds(250)).ConfigureAwait(false);
        }

        return await BotCosts.ReadAsync(_probePort, Interlocked.Read(ref _logEntries)).ConfigureAwait(false);
    }

    /// <summary>
    /// The bot to run: the build <see cref="BotBuild"/> names; otherwise the bot published as it is deployed (ReadyToRun,
    /// for this machine's platform) into <c>bot/</c> beside the benchmark: a few minutes the first time, seconds after.
    /// </summary>
    public static async Task<string> PrepareAsync()
    {
        if (BotBuild.Configured is { } configured)
        {
            return configured;
        }

        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "ArtBot.sln")))
        {
            repository = repository.Parent;
        }

        if (repository is null)
        {
            throw new FileNotFoundException("ArtBot.sln not found above " + AppContext.BaseDirectory + "; set ARTBOT_BOT.");
        }

        var output = Path.Combine(AppContext.BaseDirectory, "bot");
        var publish = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "publish", Path.Combine(repository.FullName, "src", "ArtBot", "ArtBot.csproj"), "-c", "Release",
            "-r", RuntimeInformation.RuntimeIdentifier, "-o", output, "--nologo",
        })
        {
            publish.ArgumentList.Add(argument);
        }

        using var process = Process.Start(publish) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout.ConfigureAwait(false)}{await stderr.ConfigureAwait(false)}");
        }

        return Path.Combine(output, "ArtBot");
    }

    /// <summary>Starts the bot at <paramref name="path"/> (see <see cref="PrepareAsync"/>) with <paramref name="settings"/> and waits until it is ready.</summary>
    public static async Task<BotProcess> StartAsync(string path, IReadOnlyDictionary<string, string?> settings)
    {
        // A port found free can be taken by another process before the bot binds it (several bots start at once): try again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(path, settings).ConfigureAwait(false);
            }
            catch (PortTakenException) when (attempt < 3)
            {
            }
        }
    }

    private sealed class PortTakenException(string message) : InvalidOperationException(message);

    private static async Task<BotProcess> StartOnceAsync(string path, IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort();
        var probePort = FreePort();
        var (program, arguments) = BotBuild.CommandFor(path);
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Path.GetDirectoryName(path)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_gcServer"] = "1";
        foreach (var (key, value) in BotCosts.ProbeEnvironment(probePort, StoragePort(settings)))
        {
            start.Environment[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var bot = new BotProcess(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), probePort);
        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.GetTimestamp() + 60 * Stopwatch.Frequency;
        while (true)
        {
            if (process.HasExited)
            {
                var log = string.Join("\n", bot.Log.TakeLast(30));
                await bot.DisposeAsync().ConfigureAwait(false);
                throw log.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                    ? new PortTakenException(log)
                    : new InvalidOperationException($"The bot exited with {process.ExitCode}:\n" + log);
            }

            try
            {
                using var response = await bot.Client.GetAsync(new Uri("health/ready", UriKind.Relative)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                await bot.DisposeAsync().ConfigureAwait(false);
                throw new TimeoutException("The bot process did not become ready:\n" + string.Join("\n", bot.Log.TakeLast(30)));
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>Posts <c>@ArtBot {text}</c> in a channel as <paramref name="userAad"/>, with the channel's <paramref name="token"/> (none in local-development mode).</summary>
    public async Task<int> CommandAsync(string serviceUrl, string conversationId, string text, string userAad, string tenantId, string? token = null)
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.ChannelMention, serviceUrl, conversationId);
        activity["text"] = "<at>ArtBot</at> " + text;
        activity["from"] = new JsonObject { ["id"] = "29:" + userAad, ["name"] = "Rita RTE", ["aadObjectId"] = userAad };
        activity["conversation"]!["tenantId"] = tenantId;
        activity["channelData"]!["tenant"]!["id"] = tenantId;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/messages", UriKind.Relative))
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", TestTokenIssuer.Bearer(token));
        }

        using var response = await Client.SendAsync(request).ConfigureAwait(false);
        return (int)response.StatusCode;
    }

    /// <summary>SIGTERM and wait for the process to exit: the host's graceful shutdown (in-flight sends finish, nothing new is claimed).</summary>
    public async Task StopAsync()
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync().ConfigureAwait(false);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>SIGKILL, the whole process tree: no shutdown, nothing in flight finishes or is recorded.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("ARTBOT_SHOW_BOT_LOG") == "1")
        {
            Console.WriteLine($"--- log of bot process {Id} ---\n" + string.Join("\n", _log) + "\n---");
        }

        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            Interlocked.Exchange(ref _lastLineAt, Stopwatch.GetTimestamp());
            _log.Enqueue(line);
            if (BotCosts.IsLogEntry(line))
            {
                Interlocked.Increment(ref _logEntries);
            }
        }
    }

    /// <summary>The port of the table endpoint in the <c>Storage:ConnectionString</c> setting, if any.</summary>
    private static int? StoragePort(IReadOnlyDictionary<string, string?> settings) =>
        settings.GetValueOrDefault("Storage:ConnectionString") is { Length: > 0 } storage && Tests.Shared.Azurite.PortOf(storage) is > 0 and var port ? port : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
