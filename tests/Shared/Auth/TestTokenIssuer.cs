using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace ArtBot.Tests.Shared;

/// <summary>
/// Mints Bot Framework channel tokens for tests. Publish <see cref="PublishedKeys"/> with
/// <see cref="OpenIdMetadataServer"/> and point <c>ToBotFromChannelOpenIdMetadataUrl</c> at it.
/// <code>
/// var issuer = new TestTokenIssuer(timeProvider);
/// await using var server = await OpenIdMetadataServer.StartAsync(issuer);
/// var header = TestTokenIssuer.Bearer(issuer.CreateToken(appId, serviceUrl));
/// var expired = issuer.CreateToken(TestTokenKind.Expired, appId, serviceUrl);
/// var custom = issuer.CreateToken(appId, serviceUrl, o => o.Expires = now.AddMinutes(-4));
/// </code>
/// </summary>
/// <param name="timeProvider">The clock for iat/nbf/exp (pass the same controllable clock as the validator's).</param>
public sealed class TestTokenIssuer(TimeProvider? timeProvider = null)
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string ChannelId = "msteams";
    public const string SigningKeyId = "test-signing-key";
    public const string UnendorsedKeyId = "test-unendorsed-key";
    public const string UnpublishedKeyId = "test-unpublished-key";

    // Key generation is slow; the default keys are made once per test run and shared (signing is thread-safe).
    private static readonly Lazy<TestSigningKey> SharedSigning = new(() => TestSigningKey.Create(SigningKeyId, ChannelId));
    private static readonly Lazy<TestSigningKey> SharedUnendorsed = new(() => TestSigningKey.Create(UnendorsedKeyId, "webchat"));
    private static readonly Lazy<TestSigningKey> SharedUnpublished = new(() => TestSigningKey.Create(UnpublishedKeyId, ChannelId));

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Published, endorsed for msteams; signs valid tokens.</summary>
    public TestSigningKey SigningKey { get; } = SharedSigning.Value;

    /// <summary>Published, endorsed only for webchat.</summary>
    public TestSigningKey UnendorsedKey { get; } = SharedUnendorsed.Value;

    /// <summary>Never published: signs unknown-kid and forged tokens.</summary>
    public TestSigningKey UnpublishedKey { get; } = SharedUnpublished.Value;

    /// <summary>The keys a metadata server should publish by default.</summary>
    public IReadOnlyList<TestSigningKey> PublishedKeys => [SigningKey, UnendorsedKey];

    /// <summary>The Authorization header value for a token.</summary>
    public static string Bearer(string token) => "Bearer " + token;

    /// <summary>A token for <paramref name="appId"/> and <paramref name="serviceUrl"/>: valid unless <paramref name="configure"/> changes it.</summary>
    public string CreateToken(string appId, string serviceUrl, Action<TestTokenOptions>? configure = null)
    {
        var options = new TestTokenOptions { Audience = appId, ServiceUrl = serviceUrl, SigningKey = SigningKey };
        configure?.Invoke(options);
        return Mint(options);
    }

    /// <summary>One of the standard good or bad tokens.</summary>
    public string CreateToken(TestTokenKind kind, string appId, string serviceUrl)
    {
        var now = _time.GetUtcNow();
        return CreateToken(appId, serviceUrl, o =>
        {
            switch (kind)
            {
                case TestTokenKind.Valid:
                    break;
                case TestTokenKind.Expired:
                    o.IssuedAt = o.NotBefore = now.AddHours(-2);
                    o.Expires = now.AddHours(-1);
                    break;
                case TestTokenKind.NotYetValid:
                    o.IssuedAt = now;
                    o.NotBefore = now.AddHours(1);
                    o.Expires = now.AddHours(2);
                    break;
                case TestTokenKind.WrongAudience:
                    o.Audience = "00000000-0000-0000-0000-000000000bad";
                    break;
                case TestTokenKind.WrongIssuer:
                    o.Issuer = "https://issuer.example.invalid";
                    break;
                case TestTokenKind.UnknownKid:
                    o.SigningKey = UnpublishedKey;
                    break;
                case TestTokenKind.UnendorsedKey:
                    o.SigningKey = UnendorsedKey;
                    break;
                case TestTokenKind.AlgNone:
                    o.Algorithm = "none";
                    break;
                case TestTokenKind.Hs256WithPublicKey:
                    o.Algorithm = "HS256";
                    break;
                case TestTokenKind.WrongServiceUrl:
                    o.ServiceUrl = "https://attacker.example.invalid/";
                    break;
                case TestTokenKind.MissingServiceUrl:
                    o.ServiceUrl = null;
                    break;
                case TestTokenKind.Forged:
                    o.SigningKey = UnpublishedKey;
                    o.KeyId = SigningKeyId;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
            }
        });
    }

    private string Mint(TestTokenOptions options)
    {
        var key = options.SigningKey ?? SigningKey;
        var now = _time.GetUtcNow();
        var issuedAt = options.IssuedAt ?? now;

        var header = new JsonObject { ["alg"] = options.Algorithm, ["typ"] = "JWT" };
        if (!string.Equals(options.Algorithm, "none", StringComparison.Ordinal))
        {
            header["kid"] = options.KeyId ?? key.KeyId;
        }

        var payload = new JsonObject
        {
            ["iss"] = options.Issuer,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["nbf"] = (options.NotBefore ?? issuedAt).ToUnixTimeSeconds(),
        };
        if (!options.OmitExpiry)
        {
            payload["exp"] = (options.Expires ?? issuedAt.AddHours(1)).ToUnixTimeSeconds();
        }

        if (options.Audience is not null)
        {
            payload["aud"] = options.Audience;
        }

        if (options.ServiceUrl is not null)
        {
            payload["serviceurl"] = options.ServiceUrl;
        }

        foreach (var (name, value) in options.ExtraClaims)
        {
            payload[name] = value?.DeepClone();
        }

        var signingInput = Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(payload.ToJsonString());
        var data = Encoding.ASCII.GetBytes(signingInput);
        var signature = options.Algorithm switch
        {
            "none" => [],
            "HS256" => HMACSHA256.HashData(Encoding.ASCII.GetBytes(key.PublicKeyPem), data),
            "RS256" => key.Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            "RS384" => key.Rsa.SignData(data, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
            "RS512" => key.Rsa.SignData(data, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
            _ => throw new NotSupportedException($"Algorithm {options.Algorithm} is not supported by the test issuer."),
        };
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }
}
