namespace ArtBot.Domain.Pulses;

/// <summary>One anonymous answer: a score from 1 to 5 and an optional word. Nothing in it names who gave it.</summary>
public sealed record PulseAnswer(int Score, string? Word);
