using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.Configuration;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace ArtBot.BotFramework.Auth;

/// <summary>
/// Authenticates <c>POST /api/messages</c> the way the Bot Framework channel expects (teams-protocol.md §1):
/// <c>Authorization: Bearer &lt;JWT&gt;</c> signed with RS256/384/512 by a key published at
/// <see cref="BotFrameworkOptions.ToBotFromChannelOpenIdMetadataUrl"/>, issuer
/// <see cref="BotFrameworkOptions.ToBotFromChannelTokenIssuer"/>, audience the app id, lifetime with
/// <see cref="ClockSkew"/>, the signing key endorsed for the activity's channelId, and a <c>serviceurl</c> claim equal
/// (case-insensitive) to the activity's serviceUrl. Register as a singleton: it owns the metadata cache.
/// Never throws for bad input; every failure is a result with a short reason and exactly one warning log line.
/// </summary>
/// <remarks>
/// <para>
/// The metadata and its keys come from IdentityModel's <see cref="ConfigurationManager{T}"/>: fetched on first use,
/// refreshed every <see cref="MetadataRefreshInterval"/> (plus IdentityModel's jitter of up to a twentieth of it), and for
/// an unknown <c>kid</c> refreshed unless the last fetch is less than <see cref="UnknownKeyRefreshInterval"/> old (the
/// first such refresh is always made). IdentityModel's blocking
/// update switch is turned on so that such a refresh is awaited by the request that asked for it: a message signed with a
/// key rotated in since the last fetch is accepted, not answered 401. A failed refresh keeps the keys already fetched.
/// What is Bot-Framework-specific stays here: the key's <c>endorsements</c> and the <c>serviceurl</c> claim.
/// </para>
/// <para>
/// Audience: only the bare app id is accepted, as botbuilder does. teams.net also accepts <c>api://{appId}</c> and
/// <c>api://botid-{appId}</c>, but channel tokens from the Bot Framework issuer always carry the bare app id, so the
/// extra forms would only widen what is accepted without helping Teams traffic.
/// </para>
/// </remarks>
public sealed partial class BotTokenValidator
{
    /// <summary>The named HttpClient used for the metadata and key documents.</summary>
    public const string HttpClientName = "ArtBot.BotAuthentication";

    /// <summary>Clock skew allowed on <c>nbf</c>/<c>exp</c> (botbuilder and the Bot Framework docs).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The <c>serviceurl</c> claim the channel puts in its tokens.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>How often the metadata and keys are fetched again (IdentityModel's default).</summary>
    public static readonly TimeSpan MetadataRefreshInterval = TimeSpan.FromHours(12);

    /// <summary>Least time between two fetches asked for by tokens with an unknown <c>kid</c> (IdentityModel's default).</summary>
    public static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// IdentityModel's process-wide switch: a requested refresh is fetched by the next <c>GetConfigurationAsync</c>,
    /// which waits for it, instead of on a background thread.
    /// </summary>
    private const string UpdateConfigAsBlockingSwitch = "Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking";

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly string? _appId;
    private readonly string _issuer;
    private readonly string? _metadataUrl;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    private OpenIdConnectConfiguration? _lastMetadata;
    private readonly TimeProvider _time;
    private readonly ILogger<BotTokenValidator> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    // Tokens whose signature, issuer and audience were checked (Teams sends the same channel token with every activity
    // for about an hour): the parse and RSA check were a tenth of a ballot's CPU. Per request the lifetime, the key's
    // endorsement and the serviceUrl are still checked; an entry holds only while the keys it was checked with are current.
    private readonly ConcurrentDictionary<string, ValidatedToken> _validated = new(StringComparer.Ordinal);

    // Set before this type creates any IdentityModel object: IdentityModel reads the switch once, when the first one
    // that cares is created (a token handler's telemetry client already does), and keeps that value.
    static BotTokenValidator() => UseBlockingRefresh();

    /// <summary>
    /// Turns on IdentityModel's blocking refresh for the whole process (a requested refresh is fetched by the next
    /// read, so a rotated key is used at once). Call before anything else creates IdentityModel objects.
    /// </summary>
    public static void UseBlockingRefresh() => AppContext.SetSwitch(UpdateConfigAsBlockingSwitch, true);

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

        _metadataUrl = settings.ToBotFromChannelOpenIdMetadataUrl;
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            _metadataUrl,
            new OpenIdConnectConfigurationRetriever(),
            new ChannelDocumentRetriever(_metadataUrl, () => httpClientFactory.CreateClient(HttpClientName)),
            new OpenIdConnectConfigurationValidator())
        {
            AutomaticRefreshInterval = MetadataRefreshInterval,
            RefreshInterval = UnknownKeyRefreshInterval,
        };
    }

    /// <summary>The metadata cache (null in local-development mode); for tests.</summary>
    internal ConfigurationManager<OpenIdConnectConfiguration>? Metadata => _metadata;

    /// <summary>Authenticates one inbound request.</summary>
    /// <param name="authorizationHeader">The raw <c>Authorization</c> header value, if any.</param>
    /// <param name="channelId">The activity's <c>channelId</c> (must be endorsed by the signing key).</param>
    /// <param name="serviceUrl">The activity's <c>serviceUrl</c> (must equal the token's <c>serviceurl</c> claim).</param>
    /// <param name="ct">Cancels waiting for a metadata fetch; the only exception this method lets out.</param>
    public async Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken ct)
    {
        if (_metadata is null)
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
            return await ValidateAsync(authorizationHeader, channelId, serviceUrl, _metadata, ct).ConfigureAwait(false);
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
        string? authorizationHeader, string? channelId, string? serviceUrl, ConfigurationManager<OpenIdConnectConfiguration> metadata, CancellationToken ct)
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

        if (_validated.TryGetValue(token, out var known) && ReferenceEquals(known.Metadata, Volatile.Read(ref _lastMetadata)))
        {
            return Accept(known.Jwt, known.SigningKey, known.Identity, channelId, serviceUrl);
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

        var signingKey = ChannelSigningKey.Find(await GetMetadataAsync(metadata, ct).ConfigureAwait(false), jwt.Kid);
        if (signingKey is null)
        {
            // Perhaps rotated in since the last fetch. Ignored within UnknownKeyRefreshInterval of the last fetch; a
            // failed refresh keeps the current keys.
            metadata.RequestRefresh();
            signingKey = ChannelSigningKey.Find(await GetMetadataAsync(metadata, ct).ConfigureAwait(false), jwt.Kid);
            if (signingKey is null)
            {
                return Fail(BotAuthenticationFailures.UnknownSigningKey);
            }
        }

        var keys = Volatile.Read(ref _lastMetadata);
        var result = await _handler.ValidateTokenAsync(jwt, CreateParameters(signingKey.Keys)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return Fail(ReasonFor(result.Exception));
        }

        var accepted = Accept(jwt, signingKey, result.ClaimsIdentity, channelId, serviceUrl);
        if (accepted.Succeeded && keys is not null)
        {
            if (_validated.Count >= MaxValidatedTokens)
            {
                _validated.Clear();
            }

            _validated[token] = new ValidatedToken(jwt, signingKey, result.ClaimsIdentity, keys);
        }

        return accepted;
    }

    /// <summary>The checks every request makes, also with a token validated before: lifetime, endorsement, serviceUrl.</summary>
    private BotAuthenticationResult Accept(JsonWebToken jwt, ChannelSigningKey signingKey, ClaimsIdentity identity, string? channelId, string? serviceUrl)
    {
        if (CheckLifetime(jwt) is { } lifetimeProblem)
        {
            return Fail(lifetimeProblem);
        }

        if (!signingKey.IsEndorsedFor(channelId))
        {
            return Fail(BotAuthenticationFailures.KeyNotEndorsed);
        }

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

    /// <exception cref="MetadataUnavailableException">There are no keys: none could be fetched yet.</exception>
    private async Task<OpenIdConnectConfiguration> GetMetadataAsync(ConfigurationManager<OpenIdConnectConfiguration> metadata, CancellationToken ct)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetConfigurationAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new MetadataUnavailableException(Describe(ex), ex);
        }

        if (!ReferenceEquals(Interlocked.Exchange(ref _lastMetadata, configuration), configuration))
        {
            LogKeysFetched(_logger, configuration.SigningKeys.Count, _metadataUrl!);
        }

        return configuration;
    }

    /// <summary>Why the metadata could not be had: the retriever's own message, else the deepest IdentityModel message (PII-scrubbed).</summary>
    private string Describe(Exception failure)
    {
        var innermost = failure;
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case MetadataUnavailableException:
                    return e.Message;
                case InvalidConfigurationException:
                    // OpenIdConnectConfigurationValidator's only checks; its own message is hidden as PII.
                    return $"The key set of {_metadataUrl} holds no usable signing keys.";
            }

            innermost = e;
        }

        return $"{_metadataUrl}: {innermost.Message}";
    }

    private TokenValidationParameters CreateParameters(IReadOnlyList<SecurityKey> keys) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = _issuer,
        ValidateAudience = true,
        RequireAudience = true,
        ValidAudience = _appId,
        // Lifetime is checked by CheckLifetime against the injected TimeProvider (8.23 has no public TimeProvider
        // setting); the handler's own check would read the system clock.
        ValidateLifetime = false,
        RequireSignedTokens = true,
        IssuerSigningKeys = keys,
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

    /// <summary>The most tokens remembered as validated (more than a bot sees in an hour: one per channel service region).</summary>
    private const int MaxValidatedTokens = 1024;

    private sealed record ValidatedToken(JsonWebToken Jwt, ChannelSigningKey SigningKey, ClaimsIdentity Identity, OpenIdConnectConfiguration Metadata);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Inbound channel request rejected: {Reason}. {Detail}")]
    private static partial void LogAuthenticationFailed(ILogger logger, string reason, string detail);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Using {KeyCount} channel signing keys fetched from {MetadataUrl}")]
    private static partial void LogKeysFetched(ILogger logger, int keyCount, string metadataUrl);
}
