using System.Collections.Concurrent;
using System.Text.Json;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ArtBot.IntegrationTests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback standing in for the Bot Connector: activities use its URL as serviceUrl,
/// so the bot's connector client really sends to it. Records every request; answers like the connector, and like Teams'
/// meeting APIs for the meetings a test adds (<see cref="AddMeeting"/>).
/// </summary>
public sealed partial class RecordingConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ChangeSignal _arrivals = new();
    private int _nextId;

    private RecordingConnector(WebApplication app) => _app = app;

    /// <summary>The serviceUrl to put in activities (with a trailing slash, as Teams sends it).</summary>
    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Status code to answer with instead of success, per request path prefix (for failure tests).</summary>
    public ConcurrentDictionary<string, int> FailPaths { get; } = new();

    /// <summary>JSON to answer with instead of <c>{"id":...}</c>, per request path prefix (e.g. a roster).</summary>
    public ConcurrentDictionary<string, string> Answers { get; } = new();

    public static async Task<RecordingConnector> StartAsync()
    {
        var app = LoopbackServer.Create();
        var connector = new RecordingConnector(app);
        app.Run(connector.HandleAsync);
        connector.ServiceUrl = await LoopbackServer.StartAsync(app);
        return connector;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> requests matching <paramref name="match"/> arrived (checked as each arrives);
    /// fails listing what did arrive when they have not within <paramref name="timeout"/> (default 10 s).
    /// </summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<RecordedRequest, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var (matched, looked) = (0, 0);
        var arrived = _arrivals.When(() =>
        {
            var all = _requests.ToArray(); // each request is matched once, as it arrives
            for (; looked < all.Length; looked++)
            {
                matched += match(all[looked]) ? 1 : 0;
            }

            return matched >= count;
        });
        try
        {
            await arrived.WaitAsync(timeout ?? Bounded.Deadline);
        }
        catch (TimeoutException) when (!arrived.IsCompleted)
        {
            throw new TimeoutException($"Expected {count} matching connector request(s), saw {Requests.Count(match)}. All: "
                + string.Join("; ", Requests.Select(r => $"{r.Method} {r.Path}")));
        }

        return [.. Requests.Where(match)];
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = new RecordedRequest(
            context.Request.Method,
            Uri.UnescapeDataString(context.Request.Path.Value ?? ""),
            context.Request.Headers.Authorization.ToString(),
            body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.Clone())
        {
            Query = context.Request.QueryString.Value ?? "",
        };
        _arrivals.Change(() => _requests.Enqueue(request));

        foreach (var (prefix, status) in FailPaths.OrderByDescending(p => p.Key.Length)) // the most specific path wins
        {
            if (request.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                context.Response.StatusCode = status;
                await context.Response.WriteAsJsonAsync(new { error = new { code = "Recorded", message = "failure requested by the test" } });
                return;
            }
        }

        if (await TryAnswerMeetingAsync(context, request))
        {
            return;
        }

        foreach (var (prefix, json) in Answers.OrderByDescending(p => p.Key.Length))
        {
            if (request.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(json);
                return;
            }
        }

        context.Response.StatusCode = request.Method == "POST" && request.Path.EndsWith("/v3/conversations", StringComparison.Ordinal) ? 201 : 200;
        var id = $"recorded-{Interlocked.Increment(ref _nextId)}";
        await context.Response.WriteAsJsonAsync(new { id });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the bot made to the connector.</summary>
public sealed record RecordedRequest(string Method, string Path, string Authorization, JsonElement? Body)
{
    /// <summary>The query string as sent (<c>?tenantId=…</c>), or empty.</summary>
    public string Query { get; init; } = "";

    /// <summary>The Adaptive Cards in the activity sent, if any.</summary>
    public IEnumerable<JsonElement> Cards =>
        Body is { } body && body.TryGetProperty("attachments", out var attachments)
            ? attachments.EnumerateArray().Where(a => a.GetProperty("contentType").GetString() == "application/vnd.microsoft.card.adaptive")
                .Select(a => a.GetProperty("content"))
            : [];

    /// <summary>Every string value in the activity (card texts included), for simple "does it say X" assertions.</summary>
    public string AllText => Body is { } body ? string.Join("\n", Strings(body)) : "";

    /// <summary>Every string value in a JSON element, depth first.</summary>
    public static IEnumerable<string> Strings(JsonElement element) => CardText.Strings(element);
}
