using System.Security.Cryptography;
using System.Text;

namespace ArtBot.Domain.Impediments;

/// <summary>
/// Impediment ids: derived from the tenant, scope and the raise key (activity, message or concern id), so the same
/// raise delivered twice names the same impediment.
/// </summary>
public static class ImpedimentIds
{
    public const int Length = 24;

    public static string FromKey(string tenantId, string scopeId, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"impediment\n{tenantId}\n{scopeId}\n{key}")))[..Length];

    /// <summary>True for strings shaped like an impediment id (checked before they reach storage keys).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
