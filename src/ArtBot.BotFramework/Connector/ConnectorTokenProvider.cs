using Azure.Core;
using Microsoft.Extensions.Logging;

namespace ArtBot.BotFramework.Connector;

/// <summary>
/// Connector tokens from one Azure.Identity credential chosen by the app type, cached and refreshed
/// <see cref="RefreshAhead"/> before expiry (one token request at a time). In local-development mode
/// (no app id) it returns null and never builds a credential. Tokens are never logged. Singleton.
/// </summary>
public sealed class ConnectorTokenProvider : IConnectorTokenProvider, IDisposable
{
    /// <summary>How long before expiry a cached token is replaced.</summary>
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    private readonly bool _disabled;
    private readonly Lazy<TokenCredential>? _credential;
    private readonly TokenRequestContext _request;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorTokenProvider> _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CachedToken? _cached;

    /// <param name="options">The bot's identity settings.</param>
    /// <param name="time">Clock for expiry checks.</param>
    /// <param name="logger">Logger (never sees a token).</param>
    /// <param name="credential">A credential to use instead of the one the app type calls for (tests, custom hosting).</param>
    /// <param name="http">The token endpoint's HttpClient (<see cref="BotCredentials.HttpClientName"/>) for the credential built here.</param>
    public ConnectorTokenProvider(
        BotFrameworkOptions options, TimeProvider time, ILogger<ConnectorTokenProvider> logger, TokenCredential? credential = null, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _logger = logger;
        _disabled = options.IsLocalDevelopment;
        _request = new TokenRequestContext([ConnectorCredentialSpec.Scope(options)]);
        if (!_disabled)
        {
            if (credential is null)
            {
                // Validate the settings now (clear start-up error), build the credential on first use.
                var spec = ConnectorCredentialSpec.From(options);
                var secret = options.MicrosoftAppPassword;
                _credential = new Lazy<TokenCredential>(() => spec.CreateCredential(secret, http));
            }
            else
            {
                _credential = new Lazy<TokenCredential>(credential);
            }
        }
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_disabled)
        {
            return null;
        }

        if (IsFresh(_cached, out var token))
        {
            return token;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsFresh(_cached, out token))
            {
                return token;
            }

            var fresh = await _credential!.Value.GetTokenAsync(_request, cancellationToken).ConfigureAwait(false);
            _cached = new CachedToken(fresh.Token, fresh.ExpiresOn);
            ConnectorLog.TokenAcquired(_logger, fresh.ExpiresOn);
            return fresh.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private bool IsFresh(CachedToken? cached, out string? token)
    {
        token = null;
        if (cached is not { } value || _time.GetUtcNow() >= value.ExpiresOn - RefreshAhead)
        {
            return false;
        }

        token = value.Token;
        return true;
    }

    /// <summary>A reference, so readers never see a token paired with another token's expiry.</summary>
    private sealed record CachedToken(string Token, DateTimeOffset ExpiresOn);
}
