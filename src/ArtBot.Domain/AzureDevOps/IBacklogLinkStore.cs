namespace ArtBot.Domain.AzureDevOps;

/// <summary>The ARTs' links to Azure DevOps and each organization's Retry-After, shared by every instance.</summary>
public interface IBacklogLinkStore
{
    Task<BacklogLink?> GetAsync(string tenantId, string artId, CancellationToken cancellationToken);

    /// <summary>Every ART's link (the background refresh reads them all).</summary>
    Task<IReadOnlyList<BacklogLink>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores the link: a new one when <see cref="BacklogLink.Version"/> is null (false if one exists), else replaces it
    /// if unchanged since read (false on a conflict). Returns the stored link or null.
    /// </summary>
    Task<BacklogLink?> SaveAsync(BacklogLink link, CancellationToken cancellationToken);

    /// <summary>When calls to <paramref name="organization"/> may be made again (its last Retry-After); null when free.</summary>
    Task<DateTimeOffset?> GetNotBeforeAsync(string organization, CancellationToken cancellationToken);

    /// <summary>Defers every call to <paramref name="organization"/> until <paramref name="until"/> (a later deferral is kept).</summary>
    Task DeferAsync(string organization, DateTimeOffset until, CancellationToken cancellationToken);
}
