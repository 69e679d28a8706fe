using System.Text.Json.Nodes;

namespace ArtBot.Tests.Shared;

/// <summary>What a minted token says and how it is signed; start from a valid token and change one thing.</summary>
public sealed class TestTokenOptions
{
    public string? Audience { get; set; }

    public string Issuer { get; set; } = TestTokenIssuer.ChannelIssuer;

    /// <summary>The serviceurl claim; null omits it.</summary>
    public string? ServiceUrl { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>exp; null with <see cref="OmitExpiry"/> false means issued-at plus one hour.</summary>
    public DateTimeOffset? Expires { get; set; }

    public bool OmitExpiry { get; set; }

    /// <summary>The key that signs (RS*) or whose public key is the HMAC secret (HS256).</summary>
    public TestSigningKey? SigningKey { get; set; }

    /// <summary>The header kid; null uses the signing key's kid.</summary>
    public string? KeyId { get; set; }

    /// <summary>RS256, RS384, RS512, HS256 (public-key PEM as secret) or none.</summary>
    public string Algorithm { get; set; } = "RS256";

    /// <summary>Extra payload claims (override the standard ones).</summary>
    public JsonObject ExtraClaims { get; } = [];
}
