using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ArtBot.BotFramework.Auth;

/// <summary>
/// The channel's signing key(s) published under one <c>kid</c> and the channels that endorse them (the JWK's
/// non-standard <c>endorsements</c> array, which IdentityModel keeps in <see cref="JsonWebKey.AdditionalData"/>).
/// </summary>
internal sealed record ChannelSigningKey(string KeyId, IReadOnlyList<SecurityKey> Keys, IReadOnlyList<string> Endorsements)
{
    private const string EndorsementsProperty = "endorsements";

    /// <summary>
    /// True when the key lists <paramref name="channelId"/> (ordinal, like botbuilder). Stricter than botbuilder
    /// in one place: an activity without a channelId is rejected rather than waved through.
    /// </summary>
    public bool IsEndorsedFor(string? channelId) =>
        !string.IsNullOrEmpty(channelId) && Endorsements.Contains(channelId, StringComparer.Ordinal);

    /// <summary>
    /// The signing keys of <paramref name="configuration"/> with <paramref name="keyId"/> (IdentityModel has already
    /// dropped keys of other uses or that it cannot read), or null when there are none. Were one kid published more
    /// than once, a channel counts as endorsed only if every JWK under that kid lists it.
    /// </summary>
    public static ChannelSigningKey? Find(OpenIdConnectConfiguration configuration, string keyId)
    {
        var keys = configuration.SigningKeys.Where(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal)).ToList();
        if (keys.Count == 0)
        {
            return null;
        }

        IReadOnlyList<string>? endorsements = null;
        foreach (var jwk in configuration.JsonWebKeySet?.Keys ?? [])
        {
            if (string.Equals(jwk.Kid, keyId, StringComparison.Ordinal))
            {
                var listed = EndorsementsOf(jwk);
                endorsements = endorsements is null ? listed : [.. endorsements.Intersect(listed, StringComparer.Ordinal)];
            }
        }

        return new ChannelSigningKey(keyId, keys, endorsements ?? []);
    }

    /// <summary>The strings of the JWK's <c>endorsements</c> array; other entries are skipped, a missing array is empty.</summary>
    internal static IReadOnlyList<string> EndorsementsOf(JsonWebKey jwk)
    {
        if (!jwk.AdditionalData.TryGetValue(EndorsementsProperty, out var value)
            || value is not JsonElement { ValueKind: JsonValueKind.Array } list)
        {
            return [];
        }

        return [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
    }
}
