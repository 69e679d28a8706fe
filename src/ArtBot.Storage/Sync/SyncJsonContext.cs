using System.Text.Json.Serialization;

namespace ArtBot.Storage.Sync;

/// <summary>A stored blocker or dependency.</summary>
public sealed record StoredCheckInItem(string Text, bool NeedsHelp, string? ImpedimentId, string? DependencyId = null);

[JsonSerializable(typeof(List<StoredCheckInItem>))]
internal sealed partial class SyncJsonContext : JsonSerializerContext;
