using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ArtBot.BotFramework.Auth;

/// <summary>
/// Authenticates <c>POST /api/messages</c> the way the Bot Framework channel expects (teams-protocol.md §1):
/// <c>Authorization: Bearer &lt;JWT&gt;</c> signed with RS256/384/512 by a key published at
/// <see cref="BotFrameworkOptions.ToBotFromChannelOpenIdMetadataUrl"/>, issuer
/// <see cref="BotFrameworkOptions.ToBotFromChannelTokenIssuer"/>, audience the app id, lifetime with
/// <see cref="ClockSkew"/>, the signing key endorsed for the activity's channelId, and a <c>serviceurl</c> claim equal
/// (case-insensitive) to the activity's serviceUrl. Register as a singleton: it owns the signing-key cache.
/// Never throws for bad input; every failure is a result with a short reason and exactly one warning log line.
/// </summary>
/// <remarks>
/// Audience: only the bare app id is accepted, as botbuilder does. teams.net also accepts <c>api://{appId}</c> and
/// <c>api://botid-{appId}</c>, but channel tokens from the Bot Framework issuer always carry the bare app id, so the
/// extra forms would only widen what is accepted without helping Teams traffic.
/// </remarks>
public sealed partial class BotTokenValidator : IDisposable
{
    /// <summary>The named HttpClient used for the metadata and key documents.</summary>
    public const string HttpClientName = "ArtBot.BotAuthentication";

    /// <summary>Clock skew allowed on <c>nbf</c>/<c>exp</c> (botbuilder and the Bot Framework docs).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The <c>serviceurl</c> claim the channel puts in its tokens.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly string? _appId;
    private readonly string _issuer;
    private readonly SigningKeyCache? _keys;
    private readonly TimeProvider _time;
    private readonly ILogger<BotTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <exception cref="InvalidOperationException">The metadata URL is not https (or http on loopback), or the issuer is empty.</exception>
    public BotTokenValidator(
        IOptions<BotFrameworkOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<BotTokenValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);

        var settings = options.Value;
        _time = timeProvider;
        _logger = logger;
        _issuer = settings.ToBotFromChannelTokenIssuer;
        if (settings.IsLocalDevelopment)
        {
            // No app id: no token can ever be valid (there is no audience), so no keys are needed.
            return;
        }

        _appId = settings.MicrosoftAppId!.Trim();
        if (MetadataUrlPolicy.Check(settings.ToBotFromChannelOpenIdMetadataUrl, nameof(BotFrameworkOptions.ToBotFromChannelOpenIdMetadataUrl)) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        if (string.IsNullOrWhiteSpace(_issuer))
        {
            throw new InvalidOperationException($"{nameof(BotFrameworkOptions.ToBotFromChannelTokenIssuer)} is empty.");
        }

        _keys = new SigningKeyCache(
            new Uri(settings.ToBotFromChannelOpenIdMetadataUrl),
            () => httpClientFactory.CreateClient(HttpClientName),
            timeProvider,
            logger);
    }

    public void Dispose() => _keys?.Dispose();

    /// <summary>Authenticates one inbound request.</summary>
    /// <param name="authorizationHeader">The raw <c>Authorization</c> header value, if any.</param>
    /// <param name="channelId">The activity's <c>channelId</c> (must be endorsed by the signing key).</param>
    /// <param name="serviceUrl">The activity's <c>serviceUrl</c> (must equal the token's <c>serviceurl</c> claim).</param>
    /// <param name="ct">Cancels a metadata fetch; the only exception this method lets out.</param>
    public async Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken ct)
    {
        if (_keys is null)
        {
            // Local-development mode (no MicrosoftAppId), following botbuilder: a request without an Authorization
            // header gets an anonymous identity. A request WITH a header is still validated by botbuilder, and its
            // audience check (token aud == configured app id) can never pass with no app id, so botbuilder always
            // answers 401. We give the same answer without fetching keys, with a reason that says why.
            return string.IsNullOrWhiteSpace(authorizationHeader)
                ? BotAuthenticationResult.Anonymous()
                : Fail(BotAuthenticationFailures.TokenWithoutAppId);
        }

        try
        {
            return await ValidateAsync(authorizationHeader, channelId, serviceUrl, _keys, ct).ConfigureAwait(false);
        }
        catch (MetadataUnavailableException ex)
        {
            return Fail(BotAuthenticationFailures.MetadataUnavailable, ex.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Bad input must never surface as an exception (and a 500); it is a 401.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Fail(BotAuthenticationFailures.InvalidToken, ex.GetType().Name);
        }
    }

    private async Task<BotAuthenticationResult> ValidateAsync(
        string? authorizationHeader, string? channelId, string? serviceUrl, SigningKeyCache keys, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return Fail(BotAuthenticationFailures.MissingBearerToken);
        }

        var header = authorizationHeader.AsSpan().Trim();
        var space = header.IndexOf(' ');
        var scheme = space < 0 ? header : header[..space];
        if (!scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(BotAuthenticationFailures.UnsupportedScheme);
        }

        var token = space < 0 ? string.Empty : header[(space + 1)..].Trim().ToString();
        if (token.Length == 0)
        {
            return Fail(BotAuthenticationFailures.MissingBearerToken);
        }

        if (!_handler.CanReadToken(token))
        {
            return Fail(BotAuthenticationFailures.MalformedToken);
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Fail(BotAuthenticationFailures.MalformedToken);
        }

        if (jwt.IsEncrypted)
        {
            return Fail(BotAuthenticationFailures.MalformedToken);
        }

        // Checked before any key lookup: rejects "alg": "none" and HS256 keyed with the public key outright.
        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return Fail(BotAuthenticationFailures.UnsupportedAlgorithm);
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return Fail(BotAuthenticationFailures.UnknownSigningKey);
        }

        var snapshot = await keys.GetAsync(ct).ConfigureAwait(false);
        if (!snapshot.Keys.TryGetValue(jwt.Kid, out var signingKey))
        {
            snapshot = await keys.RefreshForUnknownKeyAsync(jwt.Kid, snapshot, ct).ConfigureAwait(false);
            if (!snapshot.Keys.TryGetValue(jwt.Kid, out signingKey))
            {
                return Fail(BotAuthenticationFailures.UnknownSigningKey);
            }
        }

        var result = await _handler.ValidateTokenAsync(jwt, CreateParameters(signingKey.Key)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return Fail(ReasonFor(result.Exception));
        }

        if (CheckLifetime(jwt) is { } lifetimeProblem)
        {
            return Fail(lifetimeProblem);
        }

        if (!signingKey.IsEndorsedFor(channelId))
        {
            return Fail(BotAuthenticationFailures.KeyNotEndorsed);
        }

        var identity = result.ClaimsIdentity;
        var serviceUrlClaim = identity.FindFirst(ServiceUrlClaim)?.Value;
        if (string.IsNullOrEmpty(serviceUrlClaim))
        {
            return Fail(BotAuthenticationFailures.ServiceUrlClaimMissing);
        }

        if (!string.Equals(serviceUrlClaim, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(BotAuthenticationFailures.ServiceUrlClaimMismatch);
        }

        return BotAuthenticationResult.Success(identity);
    }

    private TokenValidationParameters CreateParameters(SecurityKey key) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = _issuer,
        ValidateAudience = true,
        RequireAudience = true,
        ValidAudience = _appId,
        // Lifetime is checked by CheckLifetime against the injected TimeProvider (8.16 has no public TimeProvider
        // setting); the handler's own check would read the system clock.
        ValidateLifetime = false,
        RequireSignedTokens = true,
        IssuerSigningKeys = [key],
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
        AuthenticationType = BotAuthenticationResult.ChannelAuthenticationType,
        SaveSigninToken = false,
        LogValidationExceptions = false,
    };

    /// <summary>exp required; exp and nbf honoured with <see cref="ClockSkew"/> either way (IdentityModel's rule).</summary>
    private string? CheckLifetime(JsonWebToken jwt)
    {
        if (!jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out _))
        {
            return BotAuthenticationFailures.InvalidLifetime;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var hasNotBefore = jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Nbf, out _);
        if (hasNotBefore && jwt.ValidFrom > jwt.ValidTo)
        {
            return BotAuthenticationFailures.InvalidLifetime;
        }

        if (jwt.ValidTo < now - ClockSkew)
        {
            return BotAuthenticationFailures.TokenExpired;
        }

        if (hasNotBefore && jwt.ValidFrom > now + ClockSkew)
        {
            return BotAuthenticationFailures.TokenNotYetValid;
        }

        return null;
    }

    private static string ReasonFor(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => BotAuthenticationFailures.TokenExpired,
        SecurityTokenNotYetValidException => BotAuthenticationFailures.TokenNotYetValid,
        SecurityTokenNoExpirationException or SecurityTokenInvalidLifetimeException => BotAuthenticationFailures.InvalidLifetime,
        SecurityTokenInvalidIssuerException => BotAuthenticationFailures.IssuerMismatch,
        SecurityTokenInvalidAudienceException => BotAuthenticationFailures.AudienceMismatch,
        SecurityTokenInvalidAlgorithmException => BotAuthenticationFailures.UnsupportedAlgorithm,
        SecurityTokenSignatureKeyNotFoundException => BotAuthenticationFailures.InvalidSignature,
        SecurityTokenInvalidSignatureException => BotAuthenticationFailures.InvalidSignature,
        SecurityTokenMalformedException => BotAuthenticationFailures.MalformedToken,
        _ => BotAuthenticationFailures.InvalidToken,
    };

    private BotAuthenticationResult Fail(string reason, string? detail = null)
    {
        LogAuthenticationFailed(_logger, reason, detail ?? string.Empty);
        return BotAuthenticationResult.Failure(reason);
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Inbound channel request rejected: {Reason}. {Detail}")]
    private static partial void LogAuthenticationFailed(ILogger logger, string reason, string detail);
}
