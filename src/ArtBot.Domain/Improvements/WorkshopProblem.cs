namespace ArtBot.Domain.Improvements;

/// <summary>A problem added to a workshop (plain, escaped text).</summary>
public sealed record WorkshopProblem(string Id, string Text, string? AuthorName, DateTimeOffset AddedAt);
