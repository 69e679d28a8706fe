using ArtBot.Tests.Shared;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArtBot.IntegrationTests.Manifest;

/// <summary>The app package the script builds: zip layout, filled manifest, icons.</summary>
public sealed class AppPackageTests(AppPackageFixture package) : IClassFixture<AppPackageFixture>
{
    private static readonly string[] AllScopes = ["personal", "team", "groupChat"];

    [Fact]
    public void Package_script_exits_with_zero()
    {
        Assert.True(package.Result.ExitCode == 0, package.Result.ToString());
        Assert.Contains("appPackage.zip", package.Result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Zip_holds_exactly_the_manifest_both_icons_and_the_three_language_files_at_its_root()
    {
        Assert.Equal(["color.png", "de.json", "es.json", "fr.json", "manifest.json", "outline.png"], package.Entries.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("de", "Hindernis melden")]
    [InlineData("fr", "Signaler un obstacle")]
    [InlineData("es", "Registrar impedimento")]
    public void Localization_info_names_each_language_file_which_translates_every_command_and_keeps_its_word(string tag, string raiseTitle)
    {
        var info = Parse().GetProperty("localizationInfo");
        Assert.Equal("en", info.GetProperty("defaultLanguageTag").GetString());
        Assert.Contains(info.GetProperty("additionalLanguages").EnumerateArray(),
            l => l.GetProperty("languageTag").GetString() == tag && l.GetProperty("file").GetString() == tag + ".json");

        using var file = JsonDocument.Parse(package.Entries[tag + ".json"]);
        var keys = file.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(raiseTitle, keys["composeExtensions[0].commands[0].title"]);
        var commandLists = Parse().GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray().ToList();
        for (var l = 0; l < commandLists.Count; l++)
        {
            var commands = commandLists[l].GetProperty("commands").EnumerateArray().ToList();
            for (var c = 0; c < commands.Count; c++)
            {
                Assert.Equal(commands[c].GetProperty("title").GetString(), keys[$"bots[0].commandLists[{l}].commands[{c}].title"]);
                Assert.NotEqual(commands[c].GetProperty("description").GetString(), keys[$"bots[0].commandLists[{l}].commands[{c}].description"]);
            }
        }
    }

    [Fact]
    public void Manifest_values_are_filled_from_the_arguments()
    {
        var text = Encoding.UTF8.GetString(package.Entries["manifest.json"]);
        Assert.DoesNotContain("${{", text, StringComparison.Ordinal);
        var root = Parse();

        Assert.Equal(AppPackageFixture.TeamsAppId, root.GetProperty("id").GetString());
        Assert.Equal(AppPackageFixture.Version, root.GetProperty("version").GetString());
        Assert.Equal("ArtBot", root.GetProperty("name").GetProperty("short").GetString());
        var bot = Assert.Single(root.GetProperty("bots").EnumerateArray());
        Assert.Equal(AppPackageFixture.AppId, bot.GetProperty("botId").GetString());
        Assert.Equal(AllScopes, bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var webApp = root.GetProperty("webApplicationInfo");
        Assert.Equal(AppPackageFixture.AppId, webApp.GetProperty("id").GetString());
        Assert.Equal($"api://{AppPackageFixture.Host}/botid-{AppPackageFixture.AppId}", webApp.GetProperty("resource").GetString());
        Assert.Equal(
            [AppPackageFixture.Host, "token.botframework.com"],
            root.GetProperty("validDomains").EnumerateArray().Select(d => d.GetString()));
        Assert.StartsWith($"https://{AppPackageFixture.Host}/", root.GetProperty("developer").GetProperty("privacyUrl").GetString(), StringComparison.Ordinal);

        // The ART room: a configurable tab for channels and group chats, and the personal "My ART work" tab, on the bot's host.
        var tab = Assert.Single(root.GetProperty("configurableTabs").EnumerateArray());
        Assert.Equal($"https://{AppPackageFixture.Host}/room/config.html", tab.GetProperty("configurationUrl").GetString());
        Assert.Equal(["team", "groupChat"], tab.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var personal = Assert.Single(root.GetProperty("staticTabs").EnumerateArray());
        Assert.Equal(("mine", "My ART work", $"https://{AppPackageFixture.Host}/room/?view=mine"),
            (personal.GetProperty("entityId").GetString(), personal.GetProperty("name").GetString(), personal.GetProperty("contentUrl").GetString()));
    }

    [Fact]
    public void The_configurable_tab_also_offers_the_meeting_surfaces_of_channel_and_private_meetings()
    {
        var root = Parse();
        var tab = Assert.Single(root.GetProperty("configurableTabs").EnumerateArray());

        // team: scheduled channel meetings; groupChat: scheduled private meetings (the meeting's chat).
        Assert.Equal(["team", "groupChat"], tab.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(
            ["channelTab", "privateChatTab", "meetingChatTab", "meetingDetailsTab", "meetingSidePanel", "meetingStage"],
            tab.GetProperty("context").EnumerateArray().Select(c => c.GetString()));
        Assert.True(package.Result.ExitCode == 0, package.Result.ToString()); // the script validated this manifest against the official schema
    }

    [Fact]
    public void Resource_specific_permissions_are_the_syncs_and_the_meetings_each_of_its_documented_type()
    {
        var permissions = Parse().GetProperty("authorization").GetProperty("permissions").GetProperty("resourceSpecific").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("type").GetString()))
            .ToList();

        Assert.Equal(
            [
                ("ChannelMessage.Read.Group", "Application"), // the sync's search for interrupted posts
                ("OnlineMeeting.ReadBasic.Chat", "Application"), // private meetings: details, start and end events
                ("ChannelMeeting.ReadBasic.Group", "Application"), // channel meetings: the same
                ("OnlineMeetingParticipant.Read.Chat", "Application"), // roles, presence, join and leave events
                ("ChannelMeetingParticipant.Read.Group", "Application"),
                ("OnlineMeetingNotification.Send.Chat", "Application"), // targeted in-meeting notifications (concerns)
                ("ChannelMeetingNotification.Send.Group", "Application"),
                ("MeetingStage.Write.Chat", "Delegated"), // share the live vote to the stage
                ("ChannelMeetingStage.Write.Group", "Delegated"),
            ],
            permissions);
    }

    [Theory]
    [InlineData("/room/meeting.html")]
    [InlineData("/room/stage.html?vote=v-1")]
    [InlineData("/room/ballot.html?vote=v-1")]
    [InlineData("/room/concern.html?vote=v-1")]
    public void The_meeting_pages_are_on_a_valid_domain(string page)
    {
        // Share to stage and the in-meeting dialogs load only URLs on validDomains.
        var url = new Uri($"https://{AppPackageFixture.Host}{page}");

        Assert.Contains(url.Host, Parse().GetProperty("validDomains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(url.Host, new Uri(Assert.Single(Parse().GetProperty("configurableTabs").EnumerateArray()).GetProperty("configurationUrl").GetString()!).Host);
    }

    [Fact]
    public void Manifest_uses_the_newest_schema_the_bundled_package_has()
    {
        var schemas = Path.Combine(RepoRoot.Path, ".dev", "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams");
        var newest = Directory.GetDirectories(schemas)
            .Select(Path.GetFileName)
            .Select(name => Regex.Match(name!, @"^v(\d+)\.(\d+)$"))
            .Where(m => m.Success)
            .Select(m => new Version(int.Parse(m.Groups[1].Value, null), int.Parse(m.Groups[2].Value, null)))
            .Max()!;

        var root = Parse();
        Assert.Equal($"{newest.Major}.{newest.Minor}", root.GetProperty("manifestVersion").GetString());
        Assert.Equal(
            $"https://developer.microsoft.com/json-schemas/teams/v{newest.Major}.{newest.Minor}/MicrosoftTeams.schema.json",
            root.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Message_extension_offers_the_raise_impediment_action()
    {
        var extension = Assert.Single(Parse().GetProperty("composeExtensions").EnumerateArray());
        Assert.Equal(AppPackageFixture.AppId, extension.GetProperty("botId").GetString());
        var command = Assert.Single(extension.GetProperty("commands").EnumerateArray());
        Assert.Equal("raiseImpediment", command.GetProperty("id").GetString());
        Assert.Equal("action", command.GetProperty("type").GetString());
        Assert.Equal("Raise impediment", command.GetProperty("title").GetString());
        Assert.True(command.GetProperty("fetchTask").GetBoolean());
        Assert.Equal(["message", "compose"], command.GetProperty("context").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Command_lists_hold_every_command_of_commands_JSON_in_each_of_its_scopes()
    {
        using var commands = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoRoot.Path, "manifest", "commands.json")));
        var lists = Parse().GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray()
            .ToDictionary(
                list => Assert.Single(list.GetProperty("scopes").EnumerateArray()).GetString()!,
                list => list.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()).ToList());

        Assert.NotEmpty(commands.RootElement.EnumerateArray());
        foreach (var command in commands.RootElement.EnumerateArray())
        {
            var title = command.GetProperty("title").GetString();
            foreach (var scope in command.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!))
            {
                Assert.True(lists.TryGetValue(scope, out var titles) && titles.Contains(title), $"'{title}' missing from the {scope} command list");
            }
        }

        Assert.Contains("help", lists["personal"]);
    }

    [Fact]
    public void Colour_icon_is_192_pixels_square_and_opaque()
    {
        var file = package.Entries["color.png"];
        Assert.Equal((192, 192), PngImage.ReadSize(file));
        var image = PngImage.Decode(file);
        Assert.Equal(255, image[0, 0].A);
        Assert.Equal(255, image[191, 191].A);
        Assert.NotEqual(image[0, 0], image[96, 140]); // something is drawn on the background
    }

    [Fact]
    public void Outline_icon_is_32_pixels_square_white_on_transparent()
    {
        var file = package.Entries["outline.png"];
        Assert.Equal((32, 32), PngImage.ReadSize(file));
        var image = PngImage.Decode(file);

        int transparent = 0, opaqueWhite = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b, a) = image[x, y];
                if (a == 0)
                {
                    transparent++;
                    continue;
                }

                Assert.True(r == 255 && g == 255 && b == 255, $"pixel ({x}, {y}) is rgba({r}, {g}, {b}, {a}), not white");
                opaqueWhite += a == 255 ? 1 : 0;
            }
        }

        Assert.Equal(0, image[0, 0].A);
        Assert.InRange(transparent, 200, 32 * 32 - 100);
        Assert.True(opaqueWhite > 100, $"only {opaqueWhite} opaque white pixels");
    }

    [Theory]
    [InlineData("color.png")]
    [InlineData("outline.png")]
    public void Icons_in_the_zip_are_the_committed_ones(string name)
    {
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoRoot.Path, "manifest", name)), package.Entries[name]);
    }

    private JsonElement Parse()
    {
        using var document = JsonDocument.Parse(package.Entries["manifest.json"]);
        return document.RootElement.Clone();
    }
}
