using ArtBot.Storage;
using ArtBot.UnitTests.Schema;

namespace ArtBot.UnitTests.Hosting;

public sealed class StorageKeysTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("\\")]
    [InlineData("#")]
    [InlineData("?")]
    [InlineData("~")]
    [InlineData("a/b\\c#d?e~f")]
    [InlineData("~41")]
    [InlineData("~~~")]
    [InlineData("ends with ~")]
    [InlineData("tab\there")]
    [InlineData("line\r\nbreak")]
    [InlineData("nul\0char")]
    [InlineData("del\u007Fand c1 \u0085\u009F")]
    [InlineData("19:x@thread.tacv2;messageid=1/2#3?")]
    public void Forbidden_characters_are_escaped_and_decoded_back(string id)
    {
        var key = StorageKeys.Encode(id);

        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        Assert.Equal(id, StorageKeys.Decode(key));
    }

    [Theory]
    [InlineData("/", "~2F")]
    [InlineData("\\", "~5C")]
    [InlineData("#", "~23")]
    [InlineData("?", "~3F")]
    [InlineData("~", "~7E")]
    [InlineData("\n", "~0A")]
    [InlineData("a/b", "a~2Fb")]
    public void Escapes_are_a_tilde_and_two_upper_case_hex_digits(string id, string key)
    {
        Assert.Equal(key, StorageKeys.Encode(id));
    }

    [Theory]
    [InlineData(FixtureActivities.TenantId)]
    [InlineData(FixtureActivities.PersonalConversationId)]
    [InlineData(FixtureActivities.ChannelId)]
    [InlineData(FixtureActivities.ChannelId + ";messageid=1763630411890")]
    [InlineData(FixtureActivities.UserId)]
    [InlineData(FixtureActivities.BotId)]
    [InlineData("f:4c1d7b0e-2f8a-1c36-5e9b-0a7d3f2e8c41")]
    [InlineData("19:meeting_MjdhNjM4YzUtYzExZi00OTFkLTkzZTAtNTVlNmZmMDhkNGU2@thread.v2")]
    [InlineData("it's 100%:@;=+,!$&()*")]
    public void Plain_Teams_ids_are_kept_unchanged(string id)
    {
        Assert.Same(id, StorageKeys.Encode(id));
        Assert.Equal(id, StorageKeys.Decode(id));
    }

    [Fact]
    public void Ids_up_to_the_maximum_length_are_accepted_and_longer_ones_refused()
    {
        Assert.Equal(StorageKeys.MaxLength, StorageKeys.Encode(new string('a', StorageKeys.MaxLength)).Length);

        var error = Assert.Throws<ArgumentException>(() => StorageKeys.Encode(new string('a', StorageKeys.MaxLength + 1)));

        Assert.Equal("id", error.ParamName);
    }

    [Fact]
    public void Empty_and_null_ids_are_refused()
    {
        Assert.Throws<ArgumentException>(() => StorageKeys.Encode(string.Empty));
        Assert.Throws<ArgumentNullException>(() => StorageKeys.Encode(null!));
    }

    [Theory]
    [InlineData("~")]
    [InlineData("~4")]
    [InlineData("~ZZ")]
    [InlineData("a~")]
    public void Decoding_keeps_a_tilde_that_starts_no_escape(string key)
    {
        Assert.Equal(key, StorageKeys.Decode(key));
    }
}
