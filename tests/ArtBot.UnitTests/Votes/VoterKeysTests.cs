using ArtBot.Storage.Votes;

namespace ArtBot.UnitTests.Votes;

public sealed class VoterKeysTests
{
    [Fact]
    public void The_same_voter_in_the_same_vote_gets_the_same_key()
    {
        var salt = VoterKeys.NewSalt();

        Assert.Equal(VoterKeys.RowKey(salt, "aad-1"), VoterKeys.RowKey(salt, "aad-1"));
    }

    [Fact]
    public void Different_voters_get_different_keys()
    {
        var salt = VoterKeys.NewSalt();

        Assert.NotEqual(VoterKeys.RowKey(salt, "aad-1"), VoterKeys.RowKey(salt, "aad-2"));
    }

    [Fact]
    public void The_same_voter_in_different_votes_gets_different_keys()
    {
        Assert.NotEqual(VoterKeys.RowKey(VoterKeys.NewSalt(), "aad-1"), VoterKeys.RowKey(VoterKeys.NewSalt(), "aad-1"));
    }

    [Fact]
    public void An_anonymous_key_holds_no_trace_of_the_voter_id()
    {
        const string voter = "c9a8f1e2-3b4d-4e5f-8a7b-6c5d4e3f2a1b";
        var key = VoterKeys.RowKey(VoterKeys.NewSalt(), voter);

        Assert.DoesNotContain(voter, key, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("c9a8f1e2", key, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^ballot-[0-9a-f]{64}$", key);
    }

    [Fact]
    public void The_key_is_hmac_sha256_of_the_voter_id_under_the_salt()
    {
        var salt = Convert.ToBase64String(new byte[32]);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(new byte[32], "v"u8.ToArray()));

        Assert.Equal(expected, VoterKeys.AnonymousKey(salt, "v"));
    }

    [Fact]
    public void Salts_are_random_32_bytes()
    {
        Assert.NotEqual(VoterKeys.NewSalt(), VoterKeys.NewSalt());
        Assert.Equal(32, Convert.FromBase64String(VoterKeys.NewSalt()).Length);
    }

    [Fact]
    public void A_named_vote_keys_by_the_encoded_voter_id()
    {
        Assert.Equal("ballot-29:a~2Fb", VoterKeys.RowKey(null, "29:a/b"));
    }
}
