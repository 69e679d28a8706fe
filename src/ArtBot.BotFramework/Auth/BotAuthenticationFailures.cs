namespace ArtBot.BotFramework.Auth;

/// <summary>The fixed failure reasons of <see cref="BotTokenValidator"/>: short, token-free, safe to return in a 401.</summary>
public static class BotAuthenticationFailures
{
    public const string MissingBearerToken = "missing bearer token";
    public const string UnsupportedScheme = "unsupported authorization scheme";
    public const string TokenWithoutAppId = "token presented but no app id configured";
    public const string MalformedToken = "malformed token";
    public const string UnsupportedAlgorithm = "unsupported signing algorithm";
    public const string UnknownSigningKey = "unknown signing key";
    public const string InvalidSignature = "invalid signature";
    public const string TokenExpired = "token expired";
    public const string TokenNotYetValid = "token not yet valid";
    public const string InvalidLifetime = "invalid token lifetime";
    public const string IssuerMismatch = "issuer mismatch";
    public const string AudienceMismatch = "audience mismatch";
    public const string InvalidToken = "invalid token";
    public const string KeyNotEndorsed = "key not endorsed for channel";
    public const string ServiceUrlClaimMissing = "serviceurl claim missing";
    public const string ServiceUrlClaimMismatch = "serviceurl claim mismatch";
    public const string MetadataUnavailable = "metadata unavailable";
}
