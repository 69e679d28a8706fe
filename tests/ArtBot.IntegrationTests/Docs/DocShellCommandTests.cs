using System.Text.Json;
using ArtBot.Tests.Shared;

namespace ArtBot.IntegrationTests.Docs;

/// <summary>
/// The shell commands of README.md, docs/*.md and infra/README.md name scripts, projects, files and flags that exist:
/// <c>bash</c>, <c>node</c> and <c>python3</c> scripts and the flags given to them, <c>dotnet</c> projects and the
/// arguments after <c>--</c> that the program reads, <c>npm</c> folders and scripts.
/// </summary>
public sealed class DocShellCommandTests
{
    /// <summary>Top-level folders of the repository: a word starting with one names a file of it.</summary>
    private static readonly string[] RepoFolders = ["src/", "tests/", "infra/", "manifest/", "web/", "docs/", ".dev/", ".ci/"];

    /// <summary>Options whose value is a file the command writes, not one that must exist.</summary>
    private static readonly string[] OutputOptions = ["-o", "--output", "--out"];

    public static TheoryData<string> Docs()
    {
        var data = new TheoryData<string>();
        foreach (var doc in RepoDocs.All)
        {
            data.Add(doc);
        }

        return data;
    }

    [Fact]
    public void The_two_commands_of_the_readme_are_found()
    {
        var readme = ShellCommand.In("README.md").Select(c => string.Join(' ', c.Words)).ToList();

        Assert.Contains("bash .dev/run-local.sh", readme);
        Assert.Contains("bash .dev/test.sh", readme);
    }

    [Theory]
    [MemberData(nameof(Docs))]
    public void Every_command_names_what_exists(string doc)
    {
        // az, docker, curl and the like cannot run here (no Azure, no daemon): for them only the repository files they name are checked.
        var problems = ShellCommand.In(doc).SelectMany(command => ProblemsOf(command).Select(problem => $"{command}: {problem}")).ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static IEnumerable<string> ProblemsOf(ShellCommand command)
    {
        var words = command.Words;
        for (var i = 1; i < words.Count; i++)
        {
            if (IsRepoPath(words[i]) && !OutputOptions.Contains(words[i - 1]) && !Exists(command.Folder, words[i]))
            {
                yield return $"{words[i]} does not exist";
            }
        }

        var problems = command.Program switch
        {
            "bash" or "node" or "python3" => ScriptProblems(command),
            "dotnet" => DotnetProblems(command),
            "npm" => NpmProblems(command),
            _ => [],
        };
        foreach (var problem in problems)
        {
            yield return problem;
        }
    }

    /// <summary>The script exists, and every flag given to it is one it reads (or it passes its arguments on: <c>"$@"</c>).</summary>
    private static IEnumerable<string> ScriptProblems(ShellCommand command)
    {
        var script = command.Arguments.FirstOrDefault(a => !a.StartsWith('-'));
        if (script is null || !File.Exists(Full(command.Folder, script)))
        {
            yield return $"the script {script ?? "(none)"} does not exist";
            yield break;
        }

        var text = File.ReadAllText(Full(command.Folder, script));
        if (text.Contains("\"$@\"", StringComparison.Ordinal))
        {
            yield break; // the script hands its arguments to another program (test.sh: to dotnet test)
        }

        foreach (var flag in Flags(command.Arguments.SkipWhile(a => a != script).Skip(1)).Where(f => !text.Contains(f, StringComparison.Ordinal)))
        {
            yield return $"{script} does not read {flag}";
        }
    }

    /// <summary>The project exists, and the arguments after <c>--</c> are flags the program reads (<c>"--flag"</c> in its code).</summary>
    private static IEnumerable<string> DotnetProblems(ShellCommand command)
    {
        var words = command.Words.ToList();
        var projectAt = words.IndexOf("--project");
        var project = projectAt > 0 && projectAt + 1 < words.Count ? words[projectAt + 1] : null;
        if (project is not null && !Exists(command.Folder, project))
        {
            yield return $"the project {project} does not exist";
            yield break;
        }

        var separator = words.IndexOf("--");
        if (separator < 0 || project is null)
        {
            yield break;
        }

        var folder = Full(command.Folder, project);
        folder = Directory.Exists(folder) ? folder : Path.GetDirectoryName(folder)!;
        var code = string.Concat(Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        foreach (var flag in Flags(words.Skip(separator + 1)).Where(f => !code.Contains($"\"{f}\"", StringComparison.Ordinal)))
        {
            yield return $"{project} does not read {flag}";
        }
    }

    /// <summary>The folder has a package.json (and a lock file for <c>npm ci</c>), and <c>npm run</c> names one of its scripts.</summary>
    private static IEnumerable<string> NpmProblems(ShellCommand command)
    {
        var words = command.Words.ToList();
        var prefixAt = words.IndexOf("--prefix");
        var folder = prefixAt > 0 && prefixAt + 1 < words.Count ? Path.Combine(command.Folder, words[prefixAt + 1]) : command.Folder;
        var package = Full(folder, "package.json");
        if (!File.Exists(package))
        {
            yield return $"{folder} has no package.json";
            yield break;
        }

        if (words is [_, "ci", ..] && !File.Exists(Full(folder, "package-lock.json")))
        {
            yield return $"{folder} has no package-lock.json for npm ci";
        }

        if (words is [_, "run", var script, ..])
        {
            using var json = JsonDocument.Parse(File.ReadAllText(package));
            if (!json.RootElement.TryGetProperty("scripts", out var scripts) || !scripts.TryGetProperty(script, out _))
            {
                yield return $"{package} has no script {script}";
            }
        }
    }

    private static IEnumerable<string> Flags(IEnumerable<string> arguments) =>
        arguments.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2).Select(a => a.Split('=')[0]);

    private static bool IsRepoPath(string word) =>
        (RepoFolders.Any(f => word.StartsWith(f, StringComparison.Ordinal)) || word == "ArtBot.sln")
        && word.IndexOfAny(['<', '>', '$', '{', '*']) < 0
        && !word.StartsWith(".dev/run/", StringComparison.Ordinal); // what the scripts write (the published bot, Azurite's data)

    private static bool Exists(string folder, string path) => File.Exists(Full(folder, path)) || Directory.Exists(Full(folder, path));

    private static string Full(string folder, string path) => Path.GetFullPath(Path.Combine(RepoRoot.Path, folder, path));
}
