using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;

namespace ArtBot.Features.Board;

/// <summary>
/// Everything on an ART's program board as stored, for its current PI: read at once, shared by every viewer of this
/// instance for <see cref="BoardReader"/>'s age. <see cref="Stamp"/> changes whenever any row changes (it hashes the
/// rows' ETags), so a poll that finds the same stamp is answered 304 without rendering.
/// </summary>
public sealed record BoardSnapshot(
    Art Art, ProgramIncrement Pi, IReadOnlyList<Iteration> Iterations, IReadOnlyList<ArtTeam> Teams, IReadOnlyList<Feature> Features,
    IReadOnlyList<Dependency> Dependencies, IReadOnlyList<Milestone> Milestones, IReadOnlyList<TeamCapacity> Capacities,
    IReadOnlyList<PiObjective> Objectives, string Stamp);
