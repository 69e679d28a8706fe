namespace ArtBot.Domain.Sync;

/// <summary>
/// A tenant's send schedule, shared by every instance (Teams' limits are the tenant's, not a process's): the first slot
/// no instance has reserved yet and the pace the tenant is sent at. <see cref="Version"/> is the stored row's ETag
/// (null: nothing stored yet).
/// </summary>
public sealed record TenantPace(string TenantId, DateTimeOffset NextSlot, double Rate, string? Version);
