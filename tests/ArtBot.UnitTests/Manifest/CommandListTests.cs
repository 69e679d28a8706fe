using System.Text.Json;
using ArtBot.Features.Commands;

namespace ArtBot.UnitTests.Manifest;

/// <summary>The Teams command menu (manifest/commands.json) and the commands the bot answers are the same set.</summary>
public sealed class CommandListTests
{
    private static IReadOnlyList<string> ManifestCommands()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "manifest", "commands.json")));
        return [.. json.RootElement.EnumerateArray().Select(c => c.GetProperty("command").GetString()!)];
    }

    [Fact]
    public void Every_command_the_bot_answers_is_in_the_manifest()
    {
        var missing = CommandCatalog.Create().Select(c => c.Name).Except(ManifestCommands(), StringComparer.OrdinalIgnoreCase);

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_manifest_command_is_answered_by_the_bot()
    {
        var unknown = ManifestCommands().Except(CommandCatalog.Create().Select(c => c.Name), StringComparer.OrdinalIgnoreCase);

        Assert.Empty(unknown);
    }

    [Fact]
    public void Manifest_command_titles_are_the_command_words_the_bot_parses()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "manifest", "commands.json")));
        foreach (var command in json.RootElement.EnumerateArray())
        {
            Assert.Equal(command.GetProperty("command").GetString(), CommandRouter.Split(command.GetProperty("title").GetString()!).Word);
        }
    }
}
