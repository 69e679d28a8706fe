using ArtBot.Tests.Shared;
using System.Text.Json;
using ArtBot.Features.Impediments;

namespace ArtBot.UnitTests.Impediments;

/// <summary>The manifest's message extension command is the one the bot answers.</summary>
public sealed class MessageExtensionManifestTests
{
    [Fact]
    public void The_raise_impediment_action_is_declared_for_messages_and_the_compose_box_with_a_fetched_dialog()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "manifest", "manifest.template.json")));

        var extension = Assert.Single(json.RootElement.GetProperty("composeExtensions").EnumerateArray());
        var command = Assert.Single(extension.GetProperty("commands").EnumerateArray());
        Assert.Equal(ImpedimentMessageExtension.CommandId, command.GetProperty("id").GetString());
        Assert.Equal("action", command.GetProperty("type").GetString());
        Assert.True(command.GetProperty("fetchTask").GetBoolean());
        Assert.Equal(["message", "compose"], command.GetProperty("context").EnumerateArray().Select(c => c.GetString()));
    }
}
