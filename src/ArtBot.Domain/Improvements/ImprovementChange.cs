namespace ArtBot.Domain.Improvements;

/// <summary>One entry of an item's history: who changed which field from what to what, and when.</summary>
public sealed record ImprovementChange(DateTimeOffset At, string? ById, string? ByName, string Field, string? From, string? To);
