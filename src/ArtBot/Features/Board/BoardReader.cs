using System.IO.Hashing;
using System.Text;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Features.Common;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.Board;

/// <summary>
/// Reads an ART's board from the planning table (five queries on its partition, side by side), at most once per
/// <see cref="BoardOptions.LiveStateAge"/> and instance however many boards poll; a change made on this instance is
/// shown at once (<see cref="Forget"/>). Every other instance shows it within that age plus one poll.
/// </summary>
public sealed class BoardReader(
    IArtStore arts, IPlanStore<Feature> features, IPlanStore<Dependency> dependencies, IPlanStore<Milestone> milestones,
    IPlanStore<TeamCapacity> capacities, IPlanStore<PiObjective> objectives, TimeProvider time, IOptions<BoardOptions> options)
{
    private readonly FreshCache<BoardSnapshot> _boards = new(time, () => options.Value.LiveStateAge, maxEntries: 1_000);

    /// <summary>The board of <paramref name="art"/>'s current PI; null without a current PI.</summary>
    public async Task<BoardSnapshot?> ReadAsync(Art art, CancellationToken cancellationToken) =>
        art.CurrentPi is null ? null : await _boards.GetAsync(Key(art), () => ReadNowAsync(art.TenantId, art.Id)).WaitAsync(cancellationToken);

    /// <summary>A change was made here: the next read goes to storage.</summary>
    public void Forget(Art art) => _boards.Forget(Key(art));

    private async Task<BoardSnapshot?> ReadNowAsync(string tenantId, string artId)
    {
        var ct = CancellationToken.None; // shared by every viewer: one leaving does not cancel the others' read
        if (await arts.GetAsync(tenantId, artId, ct) is not { CurrentPi: { } pi } art)
        {
            return null;
        }

        var teams = arts.GetTeamsAsync(tenantId, artId, ct);
        var allFeatures = features.ListAsync(tenantId, artId, ct);
        var allDependencies = dependencies.ListAsync(tenantId, artId, ct);
        var allMilestones = milestones.ListAsync(tenantId, artId, ct);
        var allCapacities = capacities.ListAsync(tenantId, artId, ct);
        var allObjectives = objectives.ListAsync(tenantId, artId, ct);
        await Task.WhenAll(teams, allFeatures, allDependencies, allMilestones, allCapacities, allObjectives);

        bool InPi(IPlanItem item) => string.Equals(item.Pi, pi.Name, StringComparison.Ordinal);
        var snapshot = new BoardSnapshot(
            art, pi, art.Cadence.Of(pi), teams.Result,
            [.. allFeatures.Result.Where(InPi)], [.. allDependencies.Result.Where(InPi)], [.. allMilestones.Result.Where(m => InPi(m) && !m.Removed)],
            [.. allCapacities.Result.Where(InPi)], [.. allObjectives.Result.Where(InPi)], "");
        return snapshot with { Stamp = StampOf(snapshot) };
    }

    /// <summary>A hash of every row's ETag (and the ART's and teams'): any change to the board changes it.</summary>
    private static string StampOf(BoardSnapshot board)
    {
        var hash = new XxHash128();
        void Add(string? text) => hash.Append(Encoding.UTF8.GetBytes((text ?? "") + "\n"));
        Add(board.Art.Version);
        foreach (var team in board.Teams)
        {
            Add(team.ConversationId + "|" + team.TeamName);
        }

        foreach (var item in board.Features.Concat<IPlanItem>(board.Dependencies).Concat(board.Milestones).Concat(board.Capacities).Concat(board.Objectives))
        {
            Add(item.Id + "|" + item.Version);
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private static string Key(Art art) => art.TenantId + "|" + art.Id;
}
