using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ArtBot.LoadTests;

/// <summary>
/// A loopback reverse proxy in front of Azurite that counts every storage request it forwards, so the benchmark
/// can report storage operations per ballot. Paths, headers and bodies pass through unchanged (Shared Key
/// signatures do not cover the host), so clients only swap the port in their connection string.
/// </summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "Host", "Content-Length",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Uri _target;
    private long _requests;
    private long _reads;
    private long _writes;

    private CountingProxy(WebApplication app, Uri target)
    {
        _app = app;
        _target = target;
        _upstream = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseCookies = false, AllowAutoRedirect = false });
    }

    public int Port { get; private set; }

    public long Requests => Interlocked.Read(ref _requests);

    public long Reads => Interlocked.Read(ref _reads);

    public long Writes => Interlocked.Read(ref _writes);

    public static async Task<CountingProxy> StartAsync(int targetPort)
    {
        var app = LoopbackServer.Create();
        var proxy = new CountingProxy(app, new Uri($"http://127.0.0.1:{targetPort}"));
        app.Run(proxy.ForwardAsync);
        proxy.Port = new Uri(await LoopbackServer.StartAsync(app).ConfigureAwait(false)).Port;
        return proxy;
    }

    /// <summary>The Azurite connection string, routed through this proxy.</summary>
    public string ConnectionString => Tests.Shared.Azurite.DevConnectionString(Port);

    public void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _reads, 0);
        Interlocked.Exchange(ref _writes, 0);
    }

    private async Task ForwardAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref HttpMethods.IsGet(context.Request.Method) ? ref _reads : ref _writes);

        // Forward the target exactly as sent: the Shared Key signature covers the path as the client encoded it.
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var uri = new Uri(_target.GetLeftPart(UriPartial.Authority) + rawTarget, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), uri);
        var hasBody = context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0;
        if (hasBody)
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopHeaders.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values) && request.Content is not null)
            {
                request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _upstream.Dispose();
    }
}
