using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace ArtBot.BotFramework.Auth;

/// <summary>
/// The channel's signing keys for one OpenID metadata URL, with their endorsements, read from the raw JWKS JSON.
/// Fetched on first use, refreshed automatically every <see cref="AutomaticRefreshInterval"/>, and refreshed on demand
/// for an unknown <c>kid</c> at most once per <see cref="MinimumOnDemandRefreshInterval"/> (the IdentityModel
/// ConfigurationManager defaults). One fetch runs at a time; concurrent callers share its result.
/// </summary>
internal sealed partial class SigningKeyCache(Uri metadataUrl, Func<HttpClient> httpClient, TimeProvider time, ILogger logger) : IDisposable
{
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(12);
    public static readonly TimeSpan MinimumOnDemandRefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>After a failed automatic refresh the old keys stay in use and the next attempt waits this long.</summary>
    public static readonly TimeSpan RetryAfterFailedRefresh = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(15);
    private const int MaxDocumentBytes = 512 * 1024;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CacheState? _state;
    private DateTimeOffset? _lastOnDemandRefresh;

    public Uri MetadataUrl => metadataUrl;

    public void Dispose() => _gate.Dispose();

    /// <summary>The current keys, fetching them first when there are none yet or they are due for refresh.</summary>
    /// <exception cref="MetadataUnavailableException">No keys could be fetched and none are cached.</exception>
    public async Task<SigningKeySnapshot> GetAsync(CancellationToken ct)
    {
        var state = _state;
        if (state is not null && time.GetUtcNow() < state.RefreshDue)
        {
            return state.Snapshot;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            state = _state;
            if (state is not null && time.GetUtcNow() < state.RefreshDue)
            {
                return state.Snapshot;
            }

            try
            {
                return await FetchAndStoreAsync(ct).ConfigureAwait(false);
            }
            catch (MetadataUnavailableException ex) when (state is not null)
            {
                _state = state with { RefreshDue = time.GetUtcNow() + RetryAfterFailedRefresh };
                LogRefreshFailedKeepingKeys(logger, metadataUrl, state.Snapshot.FetchedAt, ex.Message);
                return state.Snapshot;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Called when <paramref name="keyId"/> is not in <paramref name="seen"/>: refetches unless another caller already
    /// did so or the last on-demand refresh was less than <see cref="MinimumOnDemandRefreshInterval"/> ago.
    /// </summary>
    /// <exception cref="MetadataUnavailableException">The refresh was attempted and failed.</exception>
    public async Task<SigningKeySnapshot> RefreshForUnknownKeyAsync(string keyId, SigningKeySnapshot seen, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var current = _state?.Snapshot;
            if (current is not null && !ReferenceEquals(current, seen) && current.Keys.ContainsKey(keyId))
            {
                return current;
            }

            var now = time.GetUtcNow();
            if (current is not null && _lastOnDemandRefresh is { } last && now - last < MinimumOnDemandRefreshInterval)
            {
                return current;
            }

            _lastOnDemandRefresh = now;
            return await FetchAndStoreAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SigningKeySnapshot> FetchAndStoreAsync(CancellationToken ct)
    {
        var snapshot = await FetchAsync(ct).ConfigureAwait(false);
        _state = new CacheState(snapshot, snapshot.FetchedAt + AutomaticRefreshInterval);
        LogKeysFetched(logger, snapshot.Keys.Count, metadataUrl);
        return snapshot;
    }

    private async Task<SigningKeySnapshot> FetchAsync(CancellationToken ct)
    {
        var client = httpClient();
        Uri jwksUri;
        using (var metadata = await GetJsonAsync(client, metadataUrl, ct).ConfigureAwait(false))
        {
            if (metadata.RootElement.ValueKind != JsonValueKind.Object
                || !metadata.RootElement.TryGetProperty("jwks_uri", out var jwks)
                || jwks.ValueKind != JsonValueKind.String)
            {
                throw new MetadataUnavailableException($"OpenID metadata at {metadataUrl} has no jwks_uri.");
            }

            var jwksText = jwks.GetString();
            if (MetadataUrlPolicy.Check(jwksText, "jwks_uri") is { } problem)
            {
                throw new MetadataUnavailableException(problem);
            }

            jwksUri = new Uri(jwksText!);
        }

        using var keys = await GetJsonAsync(client, jwksUri, ct).ConfigureAwait(false);
        var parsed = ParseKeys(keys.RootElement);
        if (parsed.Count == 0)
        {
            throw new MetadataUnavailableException($"The key set at {jwksUri} holds no usable RSA signing keys.");
        }

        return new SigningKeySnapshot(parsed, time.GetUtcNow());
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, Uri uri, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(FetchTimeout);
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new MetadataUnavailableException($"GET {uri} answered {(int)response.StatusCode}.");
            }

            if (response.Content.Headers.ContentLength > MaxDocumentBytes)
            {
                throw new MetadataUnavailableException($"GET {uri} answered a document larger than {MaxDocumentBytes} bytes.");
            }

            var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                var chunk = new byte[16 * 1024];
                int read;
                while ((read = await stream.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > MaxDocumentBytes)
                    {
                        throw new MetadataUnavailableException($"GET {uri} answered a document larger than {MaxDocumentBytes} bytes.");
                    }

                    buffer.Write(chunk, 0, read);
                }

                return JsonDocument.Parse(buffer.ToArray());
            }
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new MetadataUnavailableException($"GET {uri} timed out.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new MetadataUnavailableException($"GET {uri} failed: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new MetadataUnavailableException($"GET {uri} answered invalid JSON.", ex);
        }
    }

    /// <summary>Reads the RSA signature keys of a JWKS document; keys of other types or uses are skipped.</summary>
    internal static Dictionary<string, ChannelSigningKey> ParseKeys(JsonElement root)
    {
        var result = new Dictionary<string, ChannelSigningKey>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("keys", out var keys)
            || keys.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var jwk in keys.EnumerateArray())
        {
            if (jwk.ValueKind != JsonValueKind.Object
                || GetString(jwk, "kid") is not { Length: > 0 } kid
                || !string.Equals(GetString(jwk, "kty"), "RSA", StringComparison.Ordinal)
                || GetString(jwk, "use") is { } use && !string.Equals(use, "sig", StringComparison.Ordinal)
                || GetString(jwk, "n") is not { Length: > 0 } modulus
                || GetString(jwk, "e") is not { Length: > 0 } exponent)
            {
                continue;
            }

            RSAParameters parameters;
            try
            {
                parameters = new RSAParameters
                {
                    Modulus = Base64UrlEncoder.DecodeBytes(modulus),
                    Exponent = Base64UrlEncoder.DecodeBytes(exponent),
                };
            }
            catch (FormatException)
            {
                continue;
            }

            var endorsements = new List<string>();
            if (jwk.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && item.GetString() is { } endorsement)
                    {
                        endorsements.Add(endorsement);
                    }
                }
            }

            result[kid] = new ChannelSigningKey(kid, new RsaSecurityKey(parameters) { KeyId = kid }, endorsements);
        }

        return result;
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record CacheState(SigningKeySnapshot Snapshot, DateTimeOffset RefreshDue);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Fetched {KeyCount} channel signing keys from {MetadataUrl}")]
    private static partial void LogKeysFetched(ILogger logger, int keyCount, Uri metadataUrl);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Refreshing channel signing keys from {MetadataUrl} failed; keeping the keys fetched at {FetchedAt:o}: {Problem}")]
    private static partial void LogRefreshFailedKeepingKeys(ILogger logger, Uri metadataUrl, DateTimeOffset fetchedAt, string problem);
}
