using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ArtBot.EndToEnd;

/// <summary>
/// The Bot Connector of the tenant as a bot in signed-in mode reaches it (the serviceUrl of the seeded ART and of the
/// activities the tests post): the managed-identity token endpoint the bot's outgoing calls ask first, a conversation
/// member and the paged members answered from <see cref="Roster"/> (200, else 404 <c>MemberNotFoundInConversation</c>),
/// the meeting APIs of the <see cref="Meetings"/> (<c>TeamsConnectorStandIn.Meetings.cs</c>), and every other call
/// answered like the connector and recorded.
/// </summary>
public sealed partial class TeamsConnectorStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly ConcurrentDictionary<string, int> _tokens = new(StringComparer.Ordinal);
    private readonly ChangeSignal _arrivals = new();
    private int _nextId;

    private TeamsConnectorStandIn(WebApplication app) => _app = app;

    /// <summary>The serviceUrl (trailing slash, as Teams sends it).</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>The bot's <c>IDENTITY_ENDPOINT</c>.</summary>
    public string IdentityEndpoint => ServiceUrl.TrimEnd('/') + ManagedIdentityStandIn.Path;

    /// <summary>The people Teams knows as members of every conversation, by Entra object id.</summary>
    public ConcurrentDictionary<string, TeamsUser> Roster { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    public static async Task<TeamsConnectorStandIn> StartAsync()
    {
        var app = LoopbackServer.Create();
        var connector = new TeamsConnectorStandIn(app);
        app.Run(connector.HandleAsync);
        connector.ServiceUrl = await LoopbackServer.StartAsync(app);
        return connector;
    }

    /// <summary>The first call matching <paramref name="match"/>, as soon as it arrives (or has).</summary>
    public async Task<ConnectorCall> WaitForAsync(Func<ConnectorCall, bool> match, string what)
    {
        await _arrivals.When(() => _calls.Any(match)).WithinDeadline(
            $"{what}; the connector saw {string.Join(", ", _calls.Select(c => $"{c.Method} {c.Path}"))}");
        return _calls.First(match);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path == ManagedIdentityStandIn.Path)
        {
            await ManagedIdentityStandIn.IssueAsync(context, _tokens);
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = Uri.UnescapeDataString(context.Request.Path.Value ?? "");
        var call = new ConnectorCall(context.Request.Method, path, body);
        _arrivals.Change(() => _calls.Enqueue(call));

        context.Response.ContentType = "application/json";
        if (await TryAnswerMeetingAsync(context, call) || await TryAnswerPagedMembersAsync(context, call))
        {
            return;
        }

        if (HttpMethods.IsGet(call.Method) && MemberOf(path) is { } userId)
        {
            var member = Roster.Values.FirstOrDefault(u => string.Equals(u.ObjectId, userId, StringComparison.OrdinalIgnoreCase) || u.TeamsId == userId);
            context.Response.StatusCode = member is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            await context.Response.WriteAsync(member is null
                ? new JsonObject { ["error"] = new JsonObject { ["code"] = "MemberNotFoundInConversation", ["message"] = "The member could not be found in the conversation." } }.ToJsonString()
                : Member(member).ToJsonString());
            return;
        }

        context.Response.StatusCode = HttpMethods.IsPost(call.Method) && path.EndsWith("/v3/conversations", StringComparison.Ordinal) ? 201 : 200;
        await context.Response.WriteAsync(new JsonObject { ["id"] = $"stand-in-{Interlocked.Increment(ref _nextId)}" }.ToJsonString());
    }

    /// <summary>A conversation member as the connector describes them (<c>TeamsChannelAccount</c>).</summary>
    private static JsonObject Member(TeamsUser user) => new()
    {
        ["id"] = user.TeamsId,
        ["name"] = user.Name,
        ["aadObjectId"] = user.ObjectId,
        ["userPrincipalName"] = user.UserPrincipalName,
        ["email"] = user.UserPrincipalName,
        ["tenantId"] = user.TenantId,
        ["userRole"] = "user",
    };

    /// <summary>The user of <c>/v3/conversations/{id}/members/{userId}</c>, or null for any other path.</summary>
    private static string? MemberOf(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts is ["v3", "conversations", _, "members", var user] ? user : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the bot made to the connector (body as sent).</summary>
public sealed record ConnectorCall(string Method, string Path, string Body);
