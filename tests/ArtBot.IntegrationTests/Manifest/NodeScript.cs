using ArtBot.Tests.Shared;
using System.Diagnostics;

namespace ArtBot.IntegrationTests.Manifest;

/// <summary>The outcome of one script run.</summary>
internal sealed record ScriptResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {StandardOutput}\nstderr: {StandardError}";
}

/// <summary>Runs a node script from the repository root and captures its output.</summary>
internal static class NodeScript
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static Task<ScriptResult> RunAsync(string script, params string[] arguments) => RunAsync(Deadline, script, arguments);

    public static async Task<ScriptResult> RunAsync(TimeSpan deadline, string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepoRoot.Path, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {Deadline}");
        }

        return new ScriptResult(process.ExitCode, await stdout, await stderr);
    }
}
