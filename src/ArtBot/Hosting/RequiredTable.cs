namespace ArtBot.Hosting;

/// <summary>A table a feature uses; <see cref="StorageInitializer"/> creates every registered one at start-up.</summary>
public sealed record RequiredTable(string Name);
