using ArtBot.Storage;

namespace ArtBot.UnitTests.Storage;

/// <summary>The key length limit applies to the encoded key, not the id.</summary>
public sealed class StorageKeysLengthTests
{
    [Fact]
    public void An_id_whose_escaped_key_is_too_long_is_refused()
    {
        var id = new string('/', 200); // 200 characters, 600 once escaped

        Assert.Throws<ArgumentException>(() => StorageKeys.Encode(id));
    }

    [Fact]
    public void An_id_of_exactly_the_limit_without_escapes_is_kept()
    {
        var id = new string('a', StorageKeys.MaxLength);

        Assert.Equal(id, StorageKeys.Encode(id));
    }
}
