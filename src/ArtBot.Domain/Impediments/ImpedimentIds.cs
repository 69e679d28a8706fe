using ArtBot.Domain.Ids;

namespace ArtBot.Domain.Impediments;

/// <summary>
/// Impediment ids: derived from the tenant, scope and the raise key (activity, message or concern id), so the same
/// raise delivered twice names the same impediment.
/// </summary>
public static class ImpedimentIds
{
    public const int Length = DerivedIds.Length;

    public static string FromKey(string tenantId, string scopeId, string key) => DerivedIds.Of(Length, "impediment", tenantId, scopeId, key);

    /// <summary>True for strings shaped like an impediment id (checked before they reach storage keys).</summary>
    public static bool IsWellFormed(string? id) => DerivedIds.IsWellFormed(id, Length);
}
