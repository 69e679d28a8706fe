using ArtBot.Domain.People;

namespace ArtBot.Domain.Planning;

/// <summary>
/// A team's capacity for one PI, per iteration (points; null: not stated). One item per team and PI, its id derived
/// from both (<see cref="PlanIds.Capacity"/>), so two instances never create two.
/// </summary>
public sealed record TeamCapacity : IPlanItem
{
    public const int MaxPoints = 999;

    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string ArtId { get; init; }
    public required string Pi { get; init; }
    public DateOnly PiStart { get; init; }
    public required string TeamConversationId { get; init; }
    public required string TeamName { get; init; }
    /// <summary>Index 0 is iteration 1; as many entries as the PI has iterations.</summary>
    public IReadOnlyList<int?> PerIteration { get; init; } = [];
    public required Person CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string? Version { get; init; }

    public int? Of(int iteration) => iteration >= 1 && iteration <= PerIteration.Count ? PerIteration[iteration - 1] : null;
}

/// <summary>A team's capacity for a new PI before it states one: what it stated for the previous PI.</summary>
public static class CapacityDefaults
{
    /// <summary>
    /// Per iteration of the new PI: the previous PI's figure for the same iteration; a longer PI repeats the previous
    /// PI's last figure outside the IP iteration; the IP iteration takes the previous IP figure. Nothing stated before: nulls.
    /// </summary>
    public static IReadOnlyList<int?> From(TeamCapacity? previous, IReadOnlyList<Arts.Iteration> iterations, bool previousLastIsIp)
    {
        ArgumentNullException.ThrowIfNull(iterations);
        if (previous is not { PerIteration.Count: > 0 } prior)
        {
            return [.. iterations.Select(_ => (int?)null)];
        }

        var regular = previousLastIsIp && prior.PerIteration.Count > 1 ? prior.PerIteration.Take(prior.PerIteration.Count - 1).ToList() : [.. prior.PerIteration];
        int? ip = previousLastIsIp && prior.PerIteration.Count > 1 ? prior.PerIteration[^1] : null;
        var lastRegular = regular.LastOrDefault(v => v is not null);
        return [.. iterations.Select(i => i.IsIp ? ip : i.Number <= regular.Count ? regular[i.Number - 1] ?? lastRegular : lastRegular)];
    }
}
