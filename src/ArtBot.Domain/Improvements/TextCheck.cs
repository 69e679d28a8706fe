namespace ArtBot.Domain.Improvements;

/// <summary>A cleaned text, or why it was refused.</summary>
public sealed record TextCheck(string? Text, string? Error);
