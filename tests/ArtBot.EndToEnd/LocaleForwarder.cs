using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ArtBot.EndToEnd;

/// <summary>One Playground user whose Teams client speaks another language: their locale and IANA time zone.</summary>
public sealed record LocaleOverride(string UserId, string Locale, string TimeZone);

/// <summary>
/// A loopback HTTP forwarder the Agents Playground posts to as its bot endpoint, in front of the bot. The Playground writes
/// <c>locale: "en-US"</c> (and a clientInfo entity with locale en-US and the machine's zone) into every activity it sends;
/// this forwarder stands for one user's Teams client speaking another language: for activities whose <c>from.id</c> is
/// <see cref="LocaleOverride.UserId"/> it sets <c>locale</c>, <c>localTimezone</c> and the clientInfo entity's
/// <c>locale</c> and <c>timezone</c>. Everything else goes through unchanged: method, path, query, headers (Authorization
/// too), body, and back the bot's status, headers and body.
/// </summary>
public sealed class LocaleForwarder : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(100) };
    private readonly string _bot;
    private readonly LocaleOverride _override;
    private int _rewritten;

    private LocaleForwarder(WebApplication app, string bot, LocaleOverride localeOverride)
    {
        _app = app;
        _bot = bot.TrimEnd('/');
        _override = localeOverride;
    }

    /// <summary>The forwarder's base address, with a trailing slash.</summary>
    public string Url { get; private set; } = "";

    /// <summary>How many activities got the other locale so far.</summary>
    public int Rewritten => Volatile.Read(ref _rewritten);

    /// <summary>Starts a forwarder to <paramref name="botUrl"/> (the bot's base address) on a free loopback port.</summary>
    public static async Task<LocaleForwarder> StartAsync(string botUrl, LocaleOverride localeOverride)
    {
        var app = LoopbackServer.Create();
        var forwarder = new LocaleForwarder(app, botUrl, localeOverride);
        app.Run(forwarder.ForwardAsync);
        forwarder.Url = await LoopbackServer.StartAsync(app);
        return forwarder;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        if (body.Length > 0 && request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            body = Rewrite(body);
        }

        using var outgoing = new HttpRequestMessage(new HttpMethod(request.Method), _bot + request.Path + request.QueryString);
        if (body.Length > 0)
        {
            outgoing.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (!HopByHop.Contains(name) && !outgoing.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                outgoing.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await _http.SendAsync(outgoing, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>The activity with the user's locale and zone when it comes from <see cref="LocaleOverride.UserId"/>; else the same bytes.</summary>
    private byte[] Rewrite(byte[] body)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return body;
        }

        if (parsed is not JsonObject activity
            || activity["from"] is not JsonObject from
            || from["id"] is not JsonValue id
            || !id.TryGetValue<string>(out var userId)
            || !string.Equals(userId, _override.UserId, StringComparison.Ordinal))
        {
            return body;
        }

        activity["locale"] = _override.Locale;
        activity["localTimezone"] = _override.TimeZone;
        foreach (var entity in activity["entities"] as JsonArray ?? [])
        {
            if (entity is JsonObject clientInfo && clientInfo["type"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind == "clientInfo")
            {
                clientInfo["locale"] = _override.Locale;
                clientInfo["timezone"] = _override.TimeZone;
            }
        }

        Interlocked.Increment(ref _rewritten);
        return Encoding.UTF8.GetBytes(activity.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
