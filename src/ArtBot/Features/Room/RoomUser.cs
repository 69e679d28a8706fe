using System.Security.Claims;

namespace ArtBot.Features.Room;

/// <summary>
/// Who reads the ART room: their tenant and Entra object id from the SSO token (the conversation must be in that tenant
/// and they must be its member), or the local developer when the bot runs without an app id.
/// </summary>
public sealed record RoomUser(string? TenantId, string ObjectId, string Name)
{
    /// <summary>Local-development mode: no sign-in, every conversation of every tenant (the local Azurite's data).</summary>
    public static readonly RoomUser LocalDeveloper = new(null, "local-developer", "Local developer");

    public bool IsLocal => TenantId is null;

    /// <summary>The signed-in user of a validated token; null when it lacks the tenant or object id.</summary>
    public static RoomUser? From(ClaimsPrincipal principal)
    {
        var tenant = principal.FindFirst("tid")?.Value ?? principal.FindFirst("http://schemas.microsoft.com/identity/claims/tenantid")?.Value;
        var oid = principal.FindFirst("oid")?.Value ?? principal.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value;
        var name = principal.FindFirst("name")?.Value ?? "";
        return tenant is { Length: > 0 } && oid is { Length: > 0 } ? new RoomUser(tenant, oid, name) : null;
    }
}
