using ArtBot.IntegrationTests.Manifest;

namespace ArtBot.IntegrationTests.Room;

/// <summary>
/// The ART room tab's texts (<c>web/room/src/i18n/{en,de,fr,es}.js</c>), checked by <c>web/room/check-i18n.mjs</c>:
/// the four dictionaries have exactly the same keys with the same placeholders, every key the code asks for exists and
/// every key is used, no English sentence is left as a literal in the page's code, and the language choice maps like the
/// bot's (<c>de-AT</c> German with Austrian formats, <c>pt-BR</c> English, Teams' locale before <c>?lang=</c>).
/// </summary>
public sealed class RoomTabLanguageTests
{
    private const string Script = "web/room/check-i18n.mjs";

    [Fact]
    public async Task The_four_dictionaries_have_the_same_keys_and_placeholders_and_the_tab_has_no_English_literal_left()
    {
        var result = await NodeScript.RunAsync(Script);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"i18n: \d+ keys in 4 languages, 0 problem\(s\)", result.StandardOutput);
    }
}
