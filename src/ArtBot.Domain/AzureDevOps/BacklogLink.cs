using ArtBot.Domain.People;

namespace ArtBot.Domain.AzureDevOps;

/// <summary>
/// Where an ART's features come from in Azure DevOps Boards: the Features under an area path (and optionally an iteration
/// path) of a project, and single work items linked by URL, all in one organization. <see cref="Version"/> is the
/// store's concurrency token: a refresh claims the link with it, so one instance refreshes at a time.
/// </summary>
public sealed record BacklogLink
{
    public const int MaxLinkedItems = 200;

    public required string TenantId { get; init; }
    public required string ArtId { get; init; }
    public required string Organization { get; init; }
    /// <summary>The project of the area path query; null when only single work items are linked.</summary>
    public string? Project { get; init; }
    public string? AreaPath { get; init; }
    public string? IterationPath { get; init; }
    /// <summary>Work items linked one by one (project and id).</summary>
    public IReadOnlyList<LinkedWorkItem> Items { get; init; } = [];
    public required Person ConnectedBy { get; init; }
    public DateTimeOffset ConnectedAt { get; init; }
    /// <summary>When the last refresh finished (whatever its outcome); null before the first.</summary>
    public DateTimeOffset? RefreshedAt { get; init; }
    /// <summary>What the last refresh did.</summary>
    public BacklogRefreshResult? LastResult { get; init; }
    /// <summary>A refresh in progress holds the link until then (its instance may have died: the claim runs out).</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }
    public string? Version { get; init; }

    public bool HasQuery => Project is { Length: > 0 } && AreaPath is { Length: > 0 };

    /// <summary>Due for the background refresh: never refreshed, or the last one at least <paramref name="interval"/> ago.</summary>
    public bool IsDue(DateTimeOffset now, TimeSpan interval) => RefreshedAt is not { } last || now - last >= interval;

    public bool IsClaimed(DateTimeOffset now) => ClaimedUntil is { } until && until > now;
}

/// <summary>A work item linked by URL.</summary>
public sealed record LinkedWorkItem(string Project, int Id);

/// <summary>What one refresh did: features added, changed and removed, or why it stopped.</summary>
public sealed record BacklogRefreshResult(BacklogRefreshStatus Status, int Added, int Changed, int Removed, DateTimeOffset? RetryAt = null, int HttpStatus = 0);

/// <summary>How a refresh ended.</summary>
public enum BacklogRefreshStatus
{
    Done,
    /// <summary>Azure DevOps asked to wait (Retry-After): what was read is kept, the rest waits until <see cref="BacklogRefreshResult.RetryAt"/>.</summary>
    Throttled,
    /// <summary>401: the bot's identity is not known to the organization.</summary>
    Unauthorized,
    /// <summary>403: the bot's identity may not read the project's work items.</summary>
    Forbidden,
    /// <summary>404: no such organization, project, area or iteration path.</summary>
    NotFound,
    /// <summary>No token for Azure DevOps: the bot has no identity, or Entra ID refused it.</summary>
    NoToken,
    /// <summary>Any other failure (5xx, network, an answer that could not be read).</summary>
    Failed,
}
