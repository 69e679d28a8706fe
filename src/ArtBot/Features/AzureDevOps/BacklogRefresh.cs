using ArtBot.Domain.Arts;
using ArtBot.Domain.AzureDevOps;
using ArtBot.Domain.Planning;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.AzureDevOps;

/// <summary>
/// One refresh of an ART's backlog from Azure DevOps: claimed on the link row (ETag), so one instance runs it; skipped
/// while the organization is deferred by a Retry-After (shared in storage); features added, updated in place (their
/// id derives from the work item) or marked removed, never deleted; the outcome kept on the link.
/// </summary>
public sealed class BacklogRefresh(
    IBacklogLinkStore links, IPlanStore<Feature> features, AzureDevOpsClient client, IOptions<AzureDevOpsOptions> options, TimeProvider time, ILogger<BacklogRefresh> logger)
{
    /// <summary>The wait after a 429 or 503 that named none.</summary>
    private static readonly TimeSpan ThrottledWithoutRetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Refreshes <paramref name="art"/>'s link now (or, with <paramref name="onlyIfDue"/>, only when its interval has
    /// passed). The answer says what happened, or why nothing was done.
    /// </summary>
    public async Task<BacklogRefreshAttempt> RunAsync(Art art, bool onlyIfDue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(art);
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (await links.GetAsync(art.TenantId, art.Id, cancellationToken) is not { } link)
        {
            return new(BacklogRefreshAttemptKind.NotConnected, null, null);
        }

        if (art.CurrentPi is not { } pi)
        {
            return new(BacklogRefreshAttemptKind.NoPi, link, null);
        }

        if ((onlyIfDue && !link.IsDue(now, settings.RefreshInterval)) || link.IsClaimed(now))
        {
            return new(link.IsClaimed(now) ? BacklogRefreshAttemptKind.Busy : BacklogRefreshAttemptKind.NotDue, link, null);
        }

        if (await links.GetNotBeforeAsync(link.Organization, cancellationToken) is { } notBefore && notBefore > now)
        {
            return new(BacklogRefreshAttemptKind.Ran, link, new BacklogRefreshResult(BacklogRefreshStatus.Throttled, 0, 0, 0, notBefore));
        }

        if (await links.SaveAsync(link with { ClaimedUntil = now + settings.ClaimLease }, cancellationToken) is not { } claimed)
        {
            return new(BacklogRefreshAttemptKind.Busy, link, null);
        }

        var result = await ImportAsync(art, pi, claimed, cancellationToken);
        AzureDevOpsLog.Refreshed(logger, art.Id, result.Status, result.Added, result.Changed, result.Removed, result.HttpStatus);
        var done = claimed with { ClaimedUntil = null, RefreshedAt = time.GetUtcNow(), LastResult = result };
        if (await links.SaveAsync(done, cancellationToken) is not { } saved)
        {
            // Changed meanwhile (connect, link): keep that change, record the outcome on it.
            var current = await links.GetAsync(art.TenantId, art.Id, cancellationToken);
            saved = current is null ? done : await links.SaveAsync(current with { ClaimedUntil = null, RefreshedAt = done.RefreshedAt, LastResult = result }, cancellationToken) ?? current;
        }

        return new(BacklogRefreshAttemptKind.Ran, saved, result);
    }

    private async Task<BacklogRefreshResult> ImportAsync(Art art, ProgramIncrement pi, BacklogLink link, CancellationToken cancellationToken)
    {
        var wanted = new List<int>();
        if (link.HasQuery)
        {
            var query = await client.QueryFeaturesAsync(art.TenantId, link.Organization, link.Project!, link.AreaPath!, link.IterationPath, cancellationToken);
            var deferred = await DeferAsync(link, query.RetryAfter, query.Status, cancellationToken);
            if (query.Value is not { } found)
            {
                return Failure(query.Status, deferred, 0, 0);
            }

            wanted.AddRange(found);
        }

        wanted.AddRange(link.Items.Select(i => i.Id).Where(id => !wanted.Contains(id)));
        var existing = (await features.ListAsync(art.TenantId, art.Id, cancellationToken))
            .Where(f => f.Source?.System == WorkItemImport.SourceSystem)
            .ToDictionary(f => f.Id, StringComparer.Ordinal);
        int added = 0, changed = 0;
        var readIds = new HashSet<int>();
        var seen = new HashSet<int>();
        var batches = wanted.Chunk(AzureDevOpsClient.MaxBatch).ToList();
        BacklogRefreshResult? stopped = null;
        for (var b = 0; b < batches.Count; b++)
        {
            var read = await client.ReadAsync(art.TenantId, link.Organization, batches[b], cancellationToken);
            var deferred = await DeferAsync(link, read.RetryAfter, read.Status, cancellationToken);
            if (read.Value is not { } items)
            {
                stopped = Failure(read.Status, deferred, added, changed);
                break;
            }

            readIds.UnionWith(batches[b]);
            foreach (var item in items)
            {
                seen.Add(item.Id);
                var id = WorkItemImport.FeatureId(art.TenantId, art.Id, link.Organization, item.Id);
                if (!existing.TryGetValue(id, out var feature))
                {
                    var created = WorkItemImport.Create(item, art.TenantId, art.Id, pi, link.Organization, time.GetUtcNow());
                    if (await features.CreateAsync(created, new PlanChange(created.CreatedAt, WorkItemImport.By, PlanChange.CreatedField, null, created.Title), cancellationToken))
                    {
                        added++;
                    }
                }
                else if (await UpdateAsync(feature, item, cancellationToken))
                {
                    changed++;
                }
            }

            // A Retry-After on a successful answer: the calls left wait for it, on a later refresh.
            if (deferred is { } until && b < batches.Count - 1)
            {
                stopped = new BacklogRefreshResult(BacklogRefreshStatus.Throttled, added, changed, 0, until, read.Status);
                break;
            }
        }

        // Removed: left the query, or read as gone; only this PI's features, and only what this refresh could tell.
        var inScope = wanted.Where(id => !readIds.Contains(id) || seen.Contains(id))
            .Select(id => WorkItemImport.FeatureId(art.TenantId, art.Id, link.Organization, id))
            .ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var feature in existing.Values.Where(f => f.Pi == pi.Name && !inScope.Contains(f.Id)))
        {
            if (WorkItemImport.Remove(feature, time.GetUtcNow()) is { } removal && await features.UpdateAsync(removal.Feature, [removal.Change], cancellationToken) is not null)
            {
                removed++;
            }
        }

        return stopped is { } partial ? partial with { Removed = removed } : new BacklogRefreshResult(BacklogRefreshStatus.Done, added, changed, removed);
    }

    /// <summary>Applies a read to a stored feature; on a concurrent change, reads it again and applies it once more.</summary>
    private async Task<bool> UpdateAsync(Feature feature, WorkItemSnapshot item, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (WorkItemImport.Update(feature, item, time.GetUtcNow()) is not { } update)
            {
                return false;
            }

            if (await features.UpdateAsync(update.Feature, update.Changes, cancellationToken) is not null)
            {
                return update.Changes.Count > 0;
            }

            if (await features.GetAsync(feature.TenantId, feature.ArtId, feature.Id, cancellationToken) is not { } fresh)
            {
                return false;
            }

            feature = fresh;
        }

        return false;
    }

    /// <summary>Stores the organization's Retry-After (a throttled answer without one: a minute) for every instance; returns until when.</summary>
    private async Task<DateTimeOffset?> DeferAsync(BacklogLink link, TimeSpan? retryAfter, int status, CancellationToken cancellationToken)
    {
        var wait = retryAfter ?? (status is 429 or 503 ? ThrottledWithoutRetryAfter : TimeSpan.Zero);
        if (wait <= TimeSpan.Zero)
        {
            return null;
        }

        var until = time.GetUtcNow() + wait;
        await links.DeferAsync(link.Organization, until, cancellationToken);
        return until;
    }

    private static BacklogRefreshResult Failure(int status, DateTimeOffset? deferred, int added, int changed) => status switch
    {
        429 or 503 => new(BacklogRefreshStatus.Throttled, added, changed, 0, deferred, status),
        401 => new(BacklogRefreshStatus.Unauthorized, added, changed, 0, null, status),
        403 => new(BacklogRefreshStatus.Forbidden, added, changed, 0, null, status),
        404 or 400 => new(BacklogRefreshStatus.NotFound, added, changed, 0, null, status),
        AzureDevOpsAnswer.NoToken => new(BacklogRefreshStatus.NoToken, added, changed, 0, null, status),
        _ => new(BacklogRefreshStatus.Failed, added, changed, 0, null, status),
    };
}

/// <summary>What <see cref="BacklogRefresh.RunAsync"/> did: ran (with its result), or why not.</summary>
public sealed record BacklogRefreshAttempt(BacklogRefreshAttemptKind Kind, BacklogLink? Link, BacklogRefreshResult? Result);

public enum BacklogRefreshAttemptKind
{
    Ran,
    NotConnected,
    NoPi,
    NotDue,
    /// <summary>Another refresh of the same link is running (this instance or another).</summary>
    Busy,
}
