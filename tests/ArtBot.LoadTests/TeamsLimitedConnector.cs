using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ArtBot.LoadTests;

/// <summary>
/// A Bot Connector stand-in that enforces Teams' limits as the service does: per conversation 7 per second and 60 per
/// 30 seconds, per tenant (this connector serves one) 50 per second, every arriving request counting, throttled ones
/// included. A request over a limit gets 429 with <c>Retry-After: 1</c>; on top of that a share of the sends
/// (<see cref="RandomThrottleShare"/>, 10%) gets 429 + Retry-After at random, like a busy service. Records every
/// request's arrival time and each conversation's accepted posts, so duplicates and losses can be counted. The same
/// server lists the accepted posts as Microsoft Graph does and issues managed-identity tokens (<c>TeamsLimitedConnector.Graph.cs</c>).
/// </summary>
public sealed partial class TeamsLimitedConnector : IAsyncDisposable
{
    private const int TenantPerSecond = 50;
    private const int ConversationPerSecond = 7;
    private const int ConversationPer30Seconds = 60;

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Queue<long> _tenantWindow = new();
    private readonly Dictionary<string, Queue<long>> _conversationWindows = new(StringComparer.Ordinal);
    private readonly List<long> _arrivals = new(4096);
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _acceptedAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _firstAttemptAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _throttledPosts = new(StringComparer.Ordinal);
    private readonly Random _random = new(20271);
    private long _limitThrottled;
    private long _randomThrottled;
    private int _nextId;

    private TeamsLimitedConnector(WebApplication app) => _app = app;

    public double RandomThrottleShare { get; init; } = 0.10;

    public string ServiceUrl { get; private set; } = "";

    public long LimitThrottled => Interlocked.Read(ref _limitThrottled);

    public long RandomThrottled => Interlocked.Read(ref _randomThrottled);

    /// <summary>Accepted posts per conversation.</summary>
    public IReadOnlyDictionary<string, int> Accepted => _accepted;

    /// <summary>When each conversation's first post was accepted (Stopwatch timestamp).</summary>
    public IReadOnlyDictionary<string, long> AcceptedAt => _acceptedAt;

    /// <summary>When each conversation's first post arrived, accepted or not (Stopwatch timestamp).</summary>
    public IReadOnlyDictionary<string, long> FirstAttemptAt => _firstAttemptAt;

    /// <summary>Posts per conversation answered 429 (over a limit or at random).</summary>
    public IReadOnlyDictionary<string, int> ThrottledPosts => _throttledPosts;

    public static async Task<TeamsLimitedConnector> StartAsync()
    {
        var app = LoopbackServer.Create();
        var connector = new TeamsLimitedConnector(app);
        app.Run(connector.HandleAsync);
        connector.ServiceUrl = await LoopbackServer.StartAsync(app).ConfigureAwait(false);
        return connector;
    }

    /// <summary>Arrival timestamps (Stopwatch) of every request since <paramref name="from"/>.</summary>
    public long[] ArrivalsSince(long from)
    {
        lock (_gate)
        {
            return [.. _arrivals.Where(t => t >= from)];
        }
    }

    /// <summary>The most requests that arrived within any one second.</summary>
    public static int PeakPerSecond(long[] arrivals)
    {
        var peak = 0;
        var start = 0;
        for (var end = 0; end < arrivals.Length; end++)
        {
            while (arrivals[end] - arrivals[start] >= Stopwatch.Frequency)
            {
                start++;
            }

            peak = Math.Max(peak, end - start + 1);
        }

        return peak;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var now = Stopwatch.GetTimestamp();
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "");
        if (await TryServeGraphAsync(context, path).ConfigureAwait(false))
        {
            return; // another service: not counted against the connector's limits
        }

        string body;
        using (var reader = new StreamReader(context.Request.Body))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var conversation = ConversationOf(path);
        bool overLimit;
        bool randomThrottle;
        lock (_gate)
        {
            _arrivals.Add(now);
            overLimit = Record(_tenantWindow, now, Stopwatch.Frequency) > TenantPerSecond;
            if (conversation is not null)
            {
                if (!_conversationWindows.TryGetValue(conversation, out var window))
                {
                    window = new Queue<long>();
                    _conversationWindows.Add(conversation, window);
                }

                var in30 = Record(window, now, 30 * Stopwatch.Frequency);
                var in1 = window.Count(t => now - t < Stopwatch.Frequency);
                overLimit |= in30 > ConversationPer30Seconds || in1 > ConversationPerSecond;
            }

            randomThrottle = !overLimit && HttpMethods.IsPost(context.Request.Method) && _random.NextDouble() < RandomThrottleShare;
        }

        var post = HttpMethods.IsPost(context.Request.Method) && conversation is not null;
        if (post)
        {
            _firstAttemptAt.TryAdd(conversation!, now);
        }

        if (overLimit || randomThrottle)
        {
            Interlocked.Increment(ref overLimit ? ref _limitThrottled : ref _randomThrottled);
            if (post)
            {
                _throttledPosts.AddOrUpdate(conversation!, 1, (_, n) => n + 1);
            }

            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "1";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":{"code":"TooManyRequests","message":"Too many requests"}}""", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var id = (1_700_000_000_000L + Interlocked.Increment(ref _nextId)).ToString(CultureInfo.InvariantCulture); // Teams message ids are numbers
        if (post)
        {
            _accepted.AddOrUpdate(conversation!, 1, (_, n) => n + 1);
            _acceptedAt.TryAdd(conversation!, Stopwatch.GetTimestamp());
            KeepPost(path, id, body);
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"id":"{{id}}"}""", context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Adds <paramref name="now"/> to a sliding window of <paramref name="length"/> ticks; returns its size.</summary>
    private static int Record(Queue<long> window, long now, long length)
    {
        while (window.Count > 0 && now - window.Peek() >= length)
        {
            window.Dequeue();
        }

        window.Enqueue(now);
        return window.Count;
    }

    /// <summary>The conversation of <c>/v3/conversations/{id}/activities[...]</c>, thread suffix removed.</summary>
    private static string? ConversationOf(string path)
    {
        var id = ConversationPathOf(path);
        var thread = id?.IndexOf(";messageid=", StringComparison.Ordinal) ?? -1;
        return thread < 0 ? id : id![..thread];
    }

    /// <summary>The <c>{id}</c> of <c>/v3/conversations/{id}/activities[...]</c> as sent: a channel, or <c>channel;messageid=thread</c>.</summary>
    private static string? ConversationPathOf(string path)
    {
        const string Marker = "/v3/conversations/";
        var start = path.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var rest = path[(start + Marker.Length)..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        return end < 0 ? rest : rest[..end];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
