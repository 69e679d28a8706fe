using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ArtBot.Tests.Shared;

/// <summary>
/// An App Service managed-identity token endpoint (<c>IDENTITY_ENDPOINT</c> + <c>IDENTITY_HEADER</c>), as a bot run as
/// deployed (UserAssignedMSI) asks it for its connector and Graph tokens.
/// </summary>
public static class ManagedIdentityStandIn
{
    /// <summary>The <c>X-IDENTITY-HEADER</c> value the endpoint expects (<c>IDENTITY_HEADER</c>).</summary>
    public const string Header = "test-identity-header";

    public const string Path = "/msi/token";

    /// <summary>Answers a token request; counts it per resource in <paramref name="issued"/>.</summary>
    public static async Task IssueAsync(HttpContext context, ConcurrentDictionary<string, int> issued)
    {
        var resource = context.Request.Query["resource"].ToString();
        if (context.Request.Headers["X-IDENTITY-HEADER"] != Header || resource.Length == 0)
        {
            context.Response.StatusCode = 400;
            return;
        }

        issued.AddOrUpdate(resource, 1, (_, n) => n + 1);
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["access_token"] = "stand-in-token-" + Guid.NewGuid().ToString("N"),
            ["expires_on"] = expires,
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = context.Request.Query["client_id"].ToString(),
        }.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }
}
