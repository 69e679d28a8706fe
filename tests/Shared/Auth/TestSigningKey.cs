using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace ArtBot.Tests.Shared;

/// <summary>An RSA key with a kid and the channels it is endorsed for, as the channel's JWKS publishes them.</summary>
public sealed class TestSigningKey
{
    private TestSigningKey(string keyId, RSA rsa, IReadOnlyList<string>? endorsements)
    {
        KeyId = keyId;
        Rsa = rsa;
        Endorsements = endorsements;
    }

    public string KeyId { get; }

    public RSA Rsa { get; }

    /// <summary>Null: the JWK has no <c>endorsements</c> property at all.</summary>
    public IReadOnlyList<string>? Endorsements { get; }

    /// <summary>A fresh 2048-bit key (takes some tens of milliseconds).</summary>
    public static TestSigningKey Create(string keyId, params string[] endorsements) =>
        new(keyId, RSA.Create(2048), endorsements);

    /// <summary>A fresh key whose JWK carries no <c>endorsements</c> property.</summary>
    public static TestSigningKey CreateWithoutEndorsements(string keyId) => new(keyId, RSA.Create(2048), null);

    /// <summary>The same key material published under another kid and endorsements.</summary>
    public TestSigningKey WithKeyId(string keyId, params string[] endorsements) => new(keyId, Rsa, endorsements);

    /// <summary>The same key published with no <c>endorsements</c> property.</summary>
    public TestSigningKey WithoutEndorsements() => new(KeyId, Rsa, null);

    /// <summary>The public key in PEM, e.g. as the secret of the classic HS256 key-confusion attack.</summary>
    public string PublicKeyPem => Rsa.ExportSubjectPublicKeyInfoPem();

    /// <summary>The public JWK, shaped like login.botframework.com's keys.</summary>
    public JsonObject ToJwk()
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            var list = new JsonArray();
            foreach (var endorsement in Endorsements)
            {
                list.Add(endorsement);
            }

            jwk["endorsements"] = list;
        }

        return jwk;
    }
}
