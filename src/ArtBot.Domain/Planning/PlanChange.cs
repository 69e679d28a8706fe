using ArtBot.Domain.People;

namespace ArtBot.Domain.Planning;

/// <summary>One entry of an objective's or dependency's history: who changed which field from what to what, and when.</summary>
public sealed record PlanChange(DateTimeOffset At, Person By, string Field, string? From, string? To)
{
    /// <summary>The field of an item's first entry: it was created.</summary>
    public const string CreatedField = "created";
}
