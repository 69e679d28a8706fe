using Microsoft.IdentityModel.Tokens;

namespace ArtBot.BotFramework.Auth;

/// <summary>One published channel signing key and the channels that endorse it (the JWK's non-standard <c>endorsements</c>).</summary>
internal sealed record ChannelSigningKey(string KeyId, SecurityKey Key, IReadOnlyList<string> Endorsements)
{
    /// <summary>
    /// True when the key lists <paramref name="channelId"/> (ordinal, like botbuilder). Stricter than botbuilder
    /// in one place: an activity without a channelId is rejected rather than waved through.
    /// </summary>
    public bool IsEndorsedFor(string? channelId) =>
        !string.IsNullOrEmpty(channelId) && Endorsements.Contains(channelId, StringComparer.Ordinal);
}

/// <summary>The keys fetched at one moment.</summary>
internal sealed record SigningKeySnapshot(IReadOnlyDictionary<string, ChannelSigningKey> Keys, DateTimeOffset FetchedAt);

/// <summary>The metadata or key document could not be fetched or understood. The message is safe to log.</summary>
internal sealed class MetadataUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
