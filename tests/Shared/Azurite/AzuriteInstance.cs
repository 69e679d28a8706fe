using System.Diagnostics;

namespace ArtBot.Tests.Shared;

/// <summary>
/// A running Azurite table service (or the external storage named by <c>ARTBOT_TEST_STORAGE</c>).
/// Disposing kills the process tree it started; an external one is left alone.
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    private readonly Process? _process;
    private int _disposed;

    internal AzuriteInstance(string connectionString, int port, Process? process)
    {
        ConnectionString = connectionString;
        Port = port;
        _process = process;
    }

    /// <summary>A connection string with an explicit TableEndpoint (dev account key when launched here).</summary>
    public string ConnectionString { get; }

    /// <summary>The table port on 127.0.0.1; 0 for an external service whose port is not known.</summary>
    public int Port { get; }

    /// <summary>True when the tests use the storage named by ARTBOT_TEST_STORAGE instead of a launched Azurite.</summary>
    public bool IsExternal => _process is null;

    /// <summary>SIGSTOP: the service hangs (connections are accepted by the kernel, nothing is answered).</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>SIGCONT after <see cref="PauseAsync"/>.</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    /// <summary>SIGKILL: the service is gone (connections are refused) until started again.</summary>
    public void Kill()
    {
        var process = _process ?? throw new InvalidOperationException("The external storage cannot be killed.");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    private async Task SignalAsync(string signal)
    {
        var process = _process ?? throw new InvalidOperationException("The external storage cannot be signalled.");
        using var kill = Process.Start("kill", [signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync().ConfigureAwait(false);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {process.Id} failed with {kill.ExitCode}.");
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _process is not null)
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            finally
            {
                _process.Dispose();
            }
        }

        return ValueTask.CompletedTask;
    }
}
