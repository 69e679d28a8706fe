using System.Collections.Concurrent;
using System.Text.Json;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ArtBot.LoadTests;

/// <summary>
/// The Bot Connector stand-in (and the bot's managed-identity token endpoint): answers 200/201 at once, counts POSTs and PUTs, and keeps the last activity
/// body PUT to each path (the shared card's latest state) plus every card POSTed; the meeting APIs as <see cref="FastConnector"/>'s other part answers them.
/// </summary>
public sealed partial class FastConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _lastPut = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _posts = new();
    private readonly ConcurrentDictionary<string, int> _tokens = new(StringComparer.Ordinal);
    private long _putCount;
    private long _postCount;
    private int _nextId;

    private FastConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    /// <summary>The members every conversation's roster (<c>GET .../pagedmembers</c>) answers with, as Teams would.</summary>
    public IReadOnlyList<(string Aad, string Name)> Members { get; set; } = [];

    /// <summary>The bot's managed-identity token endpoint (<see cref="ManagedIdentityStandIn"/>).</summary>
    public string IdentityEndpoint => ServiceUrl.TrimEnd('/') + ManagedIdentityStandIn.Path;

    public long Puts => Interlocked.Read(ref _putCount);

    public long Posts => Interlocked.Read(ref _postCount);

    public IReadOnlyCollection<string> PostedBodies => _posts;

    /// <summary>The body of the latest PUT to a path containing <paramref name="conversationId"/>, if any.</summary>
    public string? LastPutTo(string conversationId) =>
        _lastPut.FirstOrDefault(p => p.Key.Contains(conversationId, StringComparison.Ordinal)).Value;

    public static async Task<FastConnector> StartAsync()
    {
        var app = LoopbackServer.Create();
        var connector = new FastConnector(app);
        app.Run(connector.HandleAsync);
        connector.ServiceUrl = await LoopbackServer.StartAsync(app).ConfigureAwait(false);
        return connector;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == ManagedIdentityStandIn.Path)
        {
            await ManagedIdentityStandIn.IssueAsync(context, _tokens).ConfigureAwait(false);
            return;
        }

        if (context.Request.Path.StartsWithSegments("/v1/meetings", StringComparison.Ordinal))
        {
            await HandleMeetingAsync(context).ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Value?.EndsWith("/pagedmembers", StringComparison.Ordinal) == true)
        {
            context.Response.ContentType = "application/json";
            var members = Members.Select(m => new Dictionary<string, string> { ["id"] = "29:" + m.Aad, ["aadObjectId"] = m.Aad, ["name"] = m.Name });
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { members }), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "");
        if (HttpMethods.IsPut(context.Request.Method))
        {
            _lastPut[path] = body;
            Interlocked.Increment(ref _putCount);
        }
        else if (HttpMethods.IsPost(context.Request.Method))
        {
            _posts.Enqueue(body);
            Interlocked.Increment(ref _postCount);
        }

        context.Response.StatusCode = HttpMethods.IsPost(context.Request.Method) && path.EndsWith("/v3/conversations", StringComparison.Ordinal) ? 201 : 200;
        context.Response.ContentType = "application/json";
        var id = "storm-" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id }), context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
