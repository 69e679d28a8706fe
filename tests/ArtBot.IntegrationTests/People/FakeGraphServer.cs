using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.IntegrationTests.People;

/// <summary>One request as the fake Graph saw it: <paramref name="Path"/> is relative to <c>/v1.0</c>; batch items have a batch number.</summary>
internal sealed record GraphRequest(string Method, string Path, string? Authorization, int? Batch = null);

/// <summary>
/// A fake Microsoft Graph v1.0 on 127.0.0.1 (Kestrel, free port) answering as Graph does: group members in pages
/// (<c>@odata.nextLink</c> with <c>$skiptoken</c>, mixed directory object types), users' mailbox settings, OData
/// errors (403, 404), 429 with Retry-After once for chosen paths, JSON batches (<c>POST /$batch</c>, at most 20), and
/// a team channel's messages and a message's replies (newest first, in pages of <c>$top</c>).
/// </summary>
internal sealed class FakeGraphServer : IAsyncDisposable
{
    public const string Version = "/v1.0";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<GraphRequest> _requests = new();
    private readonly ConcurrentDictionary<string, List<JsonObject>> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, JsonObject> _replies = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, HttpStatusCode> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _throttleOnce = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, List<JsonObject>> _messages = new(StringComparer.Ordinal);
    private int _batches;

    private FakeGraphServer(WebApplication app) => _app = app;

    /// <summary>e.g. http://127.0.0.1:41234/v1.0 (the value for <c>Graph:BaseUrl</c>).</summary>
    public string BaseUrl { get; private set; } = null!;

    /// <summary>How many members a page holds.</summary>
    public int PageSize { get; set; } = 2;

    public IReadOnlyList<GraphRequest> Requests => [.. _requests];

    public static async Task<FakeGraphServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeGraphServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + Version;
        return server;
    }

    public static JsonObject User(string id, string name, string? mail = null, string? upn = null) => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = id,
        ["displayName"] = name,
        ["mail"] = mail,
        ["userPrincipalName"] = upn ?? $"{id}@contoso.onmicrosoft.com",
    };

    public static JsonObject Device(string id) => new()
    {
        ["@odata.type"] = "#microsoft.graph.device",
        ["id"] = id,
        ["displayName"] = "Meeting room display",
    };

    public static JsonObject NestedGroup(string id) => new()
    {
        ["@odata.type"] = "#microsoft.graph.group",
        ["id"] = id,
        ["displayName"] = "Nested group",
        ["mail"] = "nested@contoso.com",
    };

    public void AddGroup(string groupId, params JsonObject[] members) => _groups[groupId] = [.. members];

    /// <summary>
    /// Adds <paramref name="message"/> (see <see cref="Message"/>) to channel <paramref name="channelId"/> of team
    /// <paramref name="groupId"/>, or to the replies of <paramref name="threadId"/> there.
    /// </summary>
    public void AddMessage(string groupId, string channelId, JsonObject message, string? threadId = null) =>
        _messages.GetOrAdd(MessagesKey(groupId, channelId, threadId), _ => []).Add(message);

    /// <summary>A chatMessage as Graph lists it: from an app (a bot) or a user, with HTML text or an Adaptive Card attachment.</summary>
    public static JsonObject Message(string id, DateTimeOffset created, string? appId = null, string? html = null, string? card = null) => new()
    {
        ["id"] = id,
        ["replyToId"] = null,
        ["messageType"] = "message",
        ["createdDateTime"] = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        ["from"] = appId is null
            ? new JsonObject { ["user"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.teamworkUserIdentity", ["id"] = "u-" + id, ["displayName"] = "Ada Lovelace", ["userIdentityType"] = "aadUser" } }
            : new JsonObject { ["application"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.teamworkApplicationIdentity", ["id"] = appId, ["displayName"] = "ArtBot", ["applicationIdentityType"] = "bot" } },
        ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = card is null ? html ?? "" : $"<attachment id=\"a-{id}\"></attachment>" },
        ["attachments"] = card is null
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["id"] = "a-" + id, ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card, ["name"] = null }),
    };

    /// <summary>The user's <c>automaticRepliesSetting</c>.</summary>
    public void SetAutomaticReplies(string userId, string status, (string DateTime, string TimeZone)? start = null, (string DateTime, string TimeZone)? end = null)
    {
        var setting = new JsonObject
        {
            ["status"] = status,
            ["externalAudience"] = "all",
            ["internalReplyMessage"] = "<html><body>I am away.</body></html>",
            ["externalReplyMessage"] = "<html><body>I am away.</body></html>",
            ["scheduledStartDateTime"] = Zoned(start ?? ("2026-01-01T00:00:00.0000000", "UTC")),
            ["scheduledEndDateTime"] = Zoned(end ?? ("2026-01-02T00:00:00.0000000", "UTC")),
        };
        _replies[userId] = setting;
    }

    /// <summary>Every request under <paramref name="path"/> (relative to /v1.0, e.g. <c>/users/u1</c>) answers this error.</summary>
    public void Fail(string path, HttpStatusCode status) => _failures[path] = status;

    /// <summary>The next request for exactly <paramref name="path"/> (no query) answers 429 with this Retry-After.</summary>
    public void ThrottleOnce(string path, int retryAfterSeconds) => _throttleOnce[path] = retryAfterSeconds;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static JsonObject Zoned((string DateTime, string TimeZone) value) =>
        new() { ["dateTime"] = value.DateTime, ["timeZone"] = value.TimeZone };

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!path.StartsWith(Version, StringComparison.Ordinal))
        {
            await WriteAsync(context.Response, new(HttpStatusCode.NotFound, Error("BadRequest", "Unknown version."), null));
            return;
        }

        var relative = path[Version.Length..] + context.Request.QueryString.Value;
        if (context.Request.Method == "POST" && path == Version + "/$batch")
        {
            var batch = Interlocked.Increment(ref _batches);
            _requests.Enqueue(new("POST", "/$batch", authorization));
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var items = body["requests"]!.AsArray();
            if (items.Count > 20)
            {
                await WriteAsync(context.Response, new(HttpStatusCode.BadRequest, Error("BadRequest", "Maximum of 20 requests in a batch."), null));
                return;
            }

            var responses = new JsonArray();
            foreach (var item in items)
            {
                var url = item!["url"]!.GetValue<string>();
                var method = item["method"]!.GetValue<string>();
                _requests.Enqueue(new(method, url, null, batch));
                var answer = Route(method, url);
                var headers = new JsonObject { ["Content-Type"] = "application/json" };
                if (answer.RetryAfter is { } seconds)
                {
                    headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
                }

                responses.Add(new JsonObject
                {
                    ["id"] = item["id"]!.GetValue<string>(),
                    ["status"] = (int)answer.Status,
                    ["headers"] = headers,
                    ["body"] = answer.Body,
                });
            }

            await WriteAsync(context.Response, new(HttpStatusCode.OK, new JsonObject { ["responses"] = responses }, null));
            return;
        }

        _requests.Enqueue(new(context.Request.Method, relative, authorization));
        await WriteAsync(context.Response, Route(context.Request.Method, relative));
    }

    private Answer Route(string method, string url)
    {
        // Batch items may carry the version prefix or not, and an escaped '$'.
        var relative = Uri.UnescapeDataString(url.StartsWith(Version, StringComparison.Ordinal) ? url[Version.Length..] : url);
        var queryAt = relative.IndexOf('?', StringComparison.Ordinal);
        var path = queryAt < 0 ? relative : relative[..queryAt];
        var query = queryAt < 0 ? "" : relative[(queryAt + 1)..];
        if (_throttleOnce.TryRemove(path, out var retryAfter))
        {
            return new(HttpStatusCode.TooManyRequests, Error("TooManyRequests", "Too many requests."), retryAfter);
        }

        foreach (var (prefix, status) in _failures)
        {
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return status == HttpStatusCode.Forbidden
                    ? new(status, Error("ErrorAccessDenied", "Access is denied. Check credentials and try again."), null)
                    : new(status, Error("ErrorItemNotFound", "The specified object was not found in the store."), null);
            }
        }

        var segments = path.Trim('/').Split('/');
        if (method == "GET" && segments is ["groups", var groupId, "members"])
        {
            if (!_groups.TryGetValue(groupId, out var members))
            {
                return new(HttpStatusCode.NotFound, Error("Request_ResourceNotFound", $"Resource '{groupId}' does not exist."), null);
            }

            return Page(
                members, PageSize, query, "https://graph.microsoft.com/v1.0/$metadata#directoryObjects(id,displayName,mail,userPrincipalName)",
                $"{BaseUrl}/groups/{groupId}/members?$select=id,displayName,mail,userPrincipalName&$top=999&$skiptoken=");
        }

        if (method == "GET" && segments is ["users", var userId, "mailboxSettings"])
        {
            if (!_replies.TryGetValue(userId, out var setting))
            {
                return new(HttpStatusCode.NotFound, Error("MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise."), null);
            }

            return new(HttpStatusCode.OK, new JsonObject
            {
                ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users('{userId}')/mailboxSettings(automaticRepliesSetting)",
                ["automaticRepliesSetting"] = setting.DeepClone(),
            }, null);
        }

        if (method == "GET" && segments is ["teams", var team, "channels", var channel, "messages"])
        {
            return MessagesPage(MessagesKey(team, channel, null), $"/teams/{team}/channels/{Uri.EscapeDataString(channel)}/messages", query);
        }

        if (method == "GET" && segments is ["teams", var team2, "channels", var channel2, "messages", var thread, "replies"])
        {
            return MessagesPage(MessagesKey(team2, channel2, thread), $"/teams/{team2}/channels/{Uri.EscapeDataString(channel2)}/messages/{thread}/replies", query);
        }

        return new(HttpStatusCode.BadRequest, Error("BadRequest", "Unsupported request."), null);
    }

    private Answer MessagesPage(string key, string path, string query)
    {
        var all = _messages.TryGetValue(key, out var list) ? [.. list.OrderByDescending(m => m["createdDateTime"]!.GetValue<string>(), StringComparer.Ordinal)] : new List<JsonObject>();
        var top = Query(query, "$top") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : 20;
        return Page(all, top, query, "https://graph.microsoft.com/v1.0/$metadata#teams('x')/channels('y')/messages", $"{BaseUrl}{path}?$top={top}&$skiptoken=");
    }

    /// <summary>The page of <paramref name="items"/> that the query's <c>$skiptoken</c> points at; <paramref name="nextLink"/> ends where the next offset goes.</summary>
    private static Answer Page(List<JsonObject> items, int size, string query, string context, string nextLink)
    {
        var skip = Query(query, "$skiptoken") is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
        var page = new JsonObject { ["@odata.context"] = context };
        if (skip + size < items.Count)
        {
            page["@odata.nextLink"] = nextLink + (skip + size).ToString(CultureInfo.InvariantCulture);
        }

        page["value"] = new JsonArray([.. items.Skip(skip).Take(size).Select(m => (JsonNode)m.DeepClone())]);
        return new(HttpStatusCode.OK, page, null);
    }

    private static string MessagesKey(string groupId, string channelId, string? threadId) => $"{groupId}|{channelId}|{threadId}";

    private static string? Query(string query, string name) =>
        query.Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && p[0] == name).Select(p => p[1]).FirstOrDefault();

    private static JsonObject Error(string code, string message) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject { ["date"] = "2026-01-05T09:00:00", ["request-id"] = Guid.NewGuid().ToString(), ["client-request-id"] = Guid.NewGuid().ToString() },
        },
    };

    private static async Task WriteAsync(HttpResponse response, Answer answer)
    {
        response.StatusCode = (int)answer.Status;
        if (answer.RetryAfter is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        response.ContentType = "application/json";
        await response.WriteAsync(answer.Body.ToJsonString());
    }

    private sealed record Answer(HttpStatusCode Status, JsonNode Body, int? RetryAfter);
}
