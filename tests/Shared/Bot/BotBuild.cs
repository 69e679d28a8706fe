namespace ArtBot.Tests.Shared;

/// <summary>
/// Which build of the bot a test starts as a process of its own, and how. <c>ARTBOT_BOT</c> names one: the published
/// published build's executable (as deployed; <c>.dev/test.sh</c> publishes it once and points every such test at it), or an
/// <c>ArtBot.dll</c>, which runs with <c>dotnet</c>.
/// </summary>
public static class BotBuild
{
    public const string Variable = "ARTBOT_BOT";

    /// <summary>The build <c>ARTBOT_BOT</c> names (full path), or null.</summary>
    public static string? Configured =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    /// <summary>The program and first arguments that start <paramref name="path"/>: <c>dotnet ArtBot.dll</c>, or the executable itself.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) CommandFor(string path) =>
        path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ("dotnet", [path]) : (path, []);
}
