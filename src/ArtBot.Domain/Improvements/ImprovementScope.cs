namespace ArtBot.Domain.Improvements;

/// <summary>
/// Whose improvement items these are: an ART's (every channel of the ART sees them), or, for a conversation that
/// belongs to no ART, that conversation's own.
/// </summary>
public sealed record ImprovementScope(string TenantId, string? ArtId, string ConversationId)
{
    /// <summary>One stable string per scope (a storage partition): the tenant first, so tenants never share one.</summary>
    public string Key => ArtId is { Length: > 0 } art ? $"{TenantId}|art|{art}" : $"{TenantId}|conversation|{ConversationId}";
}
