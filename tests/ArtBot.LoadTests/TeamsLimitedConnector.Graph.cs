using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Http;

namespace ArtBot.LoadTests;

/// <summary>
/// The stand-in's other two services, for a bot run as deployed (UserAssignedMSI, Graph on): an App Service
/// managed-identity token endpoint (<c>IDENTITY_ENDPOINT</c>, <see cref="IdentityEndpoint"/>) and Microsoft Graph's
/// listing of a channel's messages and a thread's replies (<see cref="GraphBaseUrl"/>): every accepted post, newest
/// first, from the bot's app (<see cref="BotAppId"/>), with its card as Graph shows it. Neither counts against the
/// connector's limits.
/// </summary>
public sealed partial class TeamsLimitedConnector
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> _posts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _tokenRequests = new(StringComparer.Ordinal);
    private long _graphRequests;

    /// <summary>The app id the posts are listed as from.</summary>
    public string BotAppId { get; init; } = FanOutHost.AppId;

    public string GraphBaseUrl => ServiceUrl + "v1.0";

    public string IdentityEndpoint => ServiceUrl.TrimEnd('/') + ManagedIdentityStandIn.Path;

    /// <summary>Managed-identity tokens issued, per resource.</summary>
    public IReadOnlyDictionary<string, int> TokenRequests => _tokenRequests;

    public long GraphRequests => Interlocked.Read(ref _graphRequests);

    private async Task<bool> TryServeGraphAsync(HttpContext context, string path)
    {
        if (path == ManagedIdentityStandIn.Path)
        {
            await ManagedIdentityStandIn.IssueAsync(context, _tokenRequests).ConfigureAwait(false);
            return true;
        }

        if (!path.StartsWith("/v1.0/", StringComparison.Ordinal))
        {
            return false;
        }

        Interlocked.Increment(ref _graphRequests);
        var segments = path["/v1.0/".Length..].Split('/');
        var key = segments switch
        {
            ["teams", _, "channels", var channel, "messages"] => channel,
            ["teams", _, "channels", var channel, "messages", var thread, "replies"] => channel + ";messageid=" + thread,
            _ => null,
        };
        if (key is null || !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            context.Response.StatusCode = key is null ? 400 : 401;
            return true;
        }

        var messages = _posts.TryGetValue(key, out var posts) ? posts.Reverse().Select(m => (JsonNode)m.DeepClone()).ToArray() : [];
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["value"] = new JsonArray(messages) }.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
        return true;
    }

    /// <summary>An accepted post, as Graph lists it: the conversation (a channel, or <c>channel;messageid=thread</c>) keeps it.</summary>
    private void KeepPost(string path, string id, string body)
    {
        var conversation = ConversationPathOf(path)!;
        var activity = JsonNode.Parse(body) as JsonObject;
        var attachments = new JsonArray();
        foreach (var attachment in activity?["attachments"]?.AsArray() ?? [])
        {
            attachments.Add(new JsonObject
            {
                ["id"] = "a-" + id,
                ["contentType"] = attachment?["contentType"]?.GetValue<string>(),
                ["content"] = attachment?["content"]?.ToJsonString(), // Graph gives a card as a JSON string
            });
        }

        _posts.GetOrAdd(conversation, _ => new()).Enqueue(new JsonObject
        {
            ["id"] = id,
            ["messageType"] = "message",
            ["createdDateTime"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["from"] = new JsonObject { ["application"] = new JsonObject { ["id"] = BotAppId, ["displayName"] = "ArtBot", ["applicationIdentityType"] = "bot" } },
            ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = activity?["text"]?.GetValue<string>() ?? "" },
            ["attachments"] = attachments,
        });
    }
}
