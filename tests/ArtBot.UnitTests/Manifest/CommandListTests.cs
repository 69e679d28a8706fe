using ArtBot.Tests.Shared;
using System.Text.Json;
using ArtBot.Features.Common;

namespace ArtBot.UnitTests.Manifest;

/// <summary>
/// The Teams command menu (manifest/commands.json) offers commands the bot answers. Teams shows at most 10 commands
/// per scope, so the menu holds the most used ones and help lists them all.
/// </summary>
public sealed class CommandListTests
{
    private static IReadOnlyList<string> ManifestCommands()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "manifest", "commands.json")));
        return [.. json.RootElement.EnumerateArray().Select(c => c.GetProperty("command").GetString()!)];
    }

    [Fact]
    public void The_menu_has_at_most_ten_commands_and_starts_with_help()
    {
        var commands = ManifestCommands();

        Assert.InRange(commands.Count, 1, 10);
        Assert.Equal("help", commands[0]);
        Assert.Equal(commands.Count, commands.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Every_manifest_command_is_answered_by_the_bot()
    {
        var unknown = ManifestCommands().Except(AppCommands.All.Select(c => c.Name), StringComparer.OrdinalIgnoreCase);

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
