using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.Tests.Shared;

/// <summary>
/// A real HTTP server on 127.0.0.1 (free port) that serves the channel's OpenID metadata
/// (<c>/.well-known/openidconfiguration</c>) and key set (<c>/keys</c>, JWKs with <c>endorsements</c>).
/// Keys can be published, withdrawn or replaced while it runs; requests are counted.
/// </summary>
public sealed class OpenIdMetadataServer : IAsyncDisposable
{
    public const string MetadataPath = "/.well-known/openidconfiguration";
    public const string KeysPath = "/keys";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<TestSigningKey> _keys;
    private int _metadataRequests;
    private int _keysRequests;
    private volatile bool _failing;

    private OpenIdMetadataServer(WebApplication app, IEnumerable<TestSigningKey> keys, string issuer)
    {
        _app = app;
        _keys = [.. keys];
        Issuer = issuer;
    }

    /// <summary>e.g. http://127.0.0.1:41234</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The value for <c>ToBotFromChannelOpenIdMetadataUrl</c>.</summary>
    public string MetadataUrl => new Uri(BaseUrl, MetadataPath).ToString();

    public string JwksUrl => new Uri(BaseUrl, KeysPath).ToString();

    public string Issuer { get; }

    /// <summary>Requests for the metadata document (one per key fetch by the validator).</summary>
    public int MetadataRequestCount => Volatile.Read(ref _metadataRequests);

    public int KeysRequestCount => Volatile.Read(ref _keysRequests);

    /// <summary>All requests, any path.</summary>
    public int RequestCount => MetadataRequestCount + KeysRequestCount;

    /// <summary>When set, the metadata document advertises this jwks_uri instead of <see cref="JwksUrl"/>.</summary>
    public string? JwksUriOverride { get; set; }

    /// <summary>While true every request is answered 503.</summary>
    public bool Failing { get => _failing; set => _failing = value; }

    public IReadOnlyList<TestSigningKey> Keys
    {
        get
        {
            lock (_gate)
            {
                return [.. _keys];
            }
        }
    }

    /// <summary>Starts a server publishing <see cref="TestTokenIssuer.PublishedKeys"/>.</summary>
    public static Task<OpenIdMetadataServer> StartAsync(TestTokenIssuer issuer) =>
        StartAsync(issuer.PublishedKeys);

    public static async Task<OpenIdMetadataServer> StartAsync(IEnumerable<TestSigningKey> keys, string issuer = TestTokenIssuer.ChannelIssuer)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new OpenIdMetadataServer(app, keys, issuer);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    public void PublishKey(TestSigningKey key)
    {
        lock (_gate)
        {
            _keys.RemoveAll(k => k.KeyId == key.KeyId);
            _keys.Add(key);
        }
    }

    public void WithdrawKey(string keyId)
    {
        lock (_gate)
        {
            _keys.RemoveAll(k => k.KeyId == keyId);
        }
    }

    public void ReplaceKeys(IEnumerable<TestSigningKey> keys)
    {
        lock (_gate)
        {
            _keys.Clear();
            _keys.AddRange(keys);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        JsonObject body;
        if (string.Equals(path, MetadataPath, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _metadataRequests);
            body = new JsonObject
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = new Uri(BaseUrl, "/authorize").ToString(),
                ["jwks_uri"] = JwksUriOverride ?? JwksUrl,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            };
        }
        else if (string.Equals(path, KeysPath, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _keysRequests);
            var list = new JsonArray();
            foreach (var key in Keys)
            {
                list.Add(key.ToJwk());
            }

            body = new JsonObject { ["keys"] = list };
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (_failing)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString()).ConfigureAwait(false);
    }
}
