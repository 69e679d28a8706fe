using System.Globalization;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;

namespace ArtBot.Features.Demos;

/// <summary>
/// Finds or makes a demo's rows (the demo of an occurrence, a team's part) and changes them on fresh state: read, change,
/// save with the ETag, again on a conflict, so no concurrent change is lost.
/// </summary>
public sealed class DemoRows(IPlanStore<SystemDemo> demos, IPlanStore<DemoTeamAnswer> answers, TimeProvider time)
{
    private const int Attempts = 5;

    /// <summary>Who made the rows the scheduler makes.</summary>
    public static readonly Person System = new("artbot", "ArtBot");

    public IPlanStore<SystemDemo> Demos => demos;
    public IPlanStore<DemoTeamAnswer> Answers => answers;

    /// <summary>The stored demo of <paramref name="occurrence"/>, made (with the ART's defaults) when there is none yet.</summary>
    public async Task<SystemDemo> EnsureAsync(Art art, DemoOccurrence occurrence, Person by, CancellationToken cancellationToken)
    {
        var id = DemoIds.Demo(art.TenantId, art.Id, occurrence.Pi, occurrence.Iteration);
        if (await demos.GetAsync(art.TenantId, art.Id, id, cancellationToken) is { } stored)
        {
            return stored;
        }

        var now = time.GetUtcNow();
        var demo = new SystemDemo
        {
            Id = id,
            TenantId = art.TenantId,
            ArtId = art.Id,
            Pi = occurrence.Pi,
            Iteration = occurrence.Iteration,
            Date = occurrence.Date,
            Time = occurrence.Time,
            Skipped = occurrence.Skipped,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await demos.CreateAsync(demo, new PlanChange(now, by, PlanChange.CreatedField, null, occurrence.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), cancellationToken);
        return await demos.GetAsync(art.TenantId, art.Id, id, cancellationToken) ?? demo;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the fresh demo and saves it with the history <paramref name="history"/> gives
    /// (before, after); null when the demo is gone or <paramref name="change"/> returns null (nothing to do).
    /// </summary>
    public Task<SystemDemo?> UpdateAsync(SystemDemo demo, Func<SystemDemo, SystemDemo?> change, Func<SystemDemo, SystemDemo, IReadOnlyList<PlanChange>>? history, CancellationToken cancellationToken) =>
        UpdateAsync(demos, demo, change, history, cancellationToken);

    public Task<DemoTeamAnswer?> UpdateAsync(DemoTeamAnswer answer, Func<DemoTeamAnswer, DemoTeamAnswer?> change, Func<DemoTeamAnswer, DemoTeamAnswer, IReadOnlyList<PlanChange>>? history, CancellationToken cancellationToken) =>
        UpdateAsync(answers, answer, change, history, cancellationToken);

    /// <summary>A new team part of <paramref name="demo"/> (not stored).</summary>
    public DemoTeamAnswer NewAnswer(SystemDemo demo, ArtTeam team) => new()
    {
        Id = DemoIds.TeamAnswer(demo.TenantId, demo.ArtId, demo.Id, team.ConversationId),
        TenantId = demo.TenantId,
        ArtId = demo.ArtId,
        Pi = demo.Pi,
        Iteration = demo.Iteration,
        DemoId = demo.Id,
        TeamConversationId = team.ConversationId,
        TeamName = team.TeamName,
        CreatedAt = time.GetUtcNow(),
        UpdatedAt = time.GetUtcNow(),
    };

    /// <summary>The team's part of <paramref name="demo"/>, made when there is none yet.</summary>
    public async Task<DemoTeamAnswer> EnsureAnswerAsync(SystemDemo demo, ArtTeam team, Person by, CancellationToken cancellationToken)
    {
        var fresh = NewAnswer(demo, team);
        if (await answers.GetAsync(demo.TenantId, demo.ArtId, fresh.Id, cancellationToken) is { } stored)
        {
            return stored;
        }

        await answers.CreateAsync(fresh, new PlanChange(time.GetUtcNow(), by, PlanChange.CreatedField, null, null), cancellationToken);
        return await answers.GetAsync(demo.TenantId, demo.ArtId, fresh.Id, cancellationToken) ?? fresh;
    }

    /// <summary>The same for any plan row.</summary>
    public static async Task<T?> UpdateAsync<T>(IPlanStore<T> store, T item, Func<T, T?> change, Func<T, T, IReadOnlyList<PlanChange>>? history, CancellationToken cancellationToken)
        where T : class, IPlanItem
    {
        var current = item;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (attempt > 0)
            {
                if (await store.GetAsync(item.TenantId, item.ArtId, item.Id, cancellationToken) is not { } read)
                {
                    return null;
                }

                current = read;
            }

            if (change(current) is not { } changed)
            {
                return null;
            }

            if (await store.UpdateAsync(changed, history?.Invoke(current, changed) ?? [], cancellationToken) is { } saved)
            {
                return saved;
            }
        }

        return null;
    }
}
