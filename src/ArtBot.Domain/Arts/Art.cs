using ArtBot.Domain.People;

namespace ArtBot.Domain.Arts;

/// <summary>
/// An Agile Release Train: its current PI, the weekly ART sync schedule and the people allowed to change it (RTEs).
/// Set up from a Teams channel (its home); team channels join it. <see cref="Version"/> is the store's concurrency
/// token: an update made from a stale copy is refused, never silently applied.
/// </summary>
public sealed record Art
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string Name { get; init; }
    /// <summary>The channel the ART was set up in (no thread suffix).</summary>
    public required string HomeConversationId { get; init; }
    public required string ServiceUrl { get; init; }
    /// <summary>The channel that gets the ART sync summary and escalations; the home channel unless changed.</summary>
    public required string SummaryConversationId { get; init; }
    public ProgramIncrement? CurrentPi { get; init; }
    /// <summary>How the PI is cut into iterations (two weeks, the last one IP, unless set otherwise).</summary>
    public IterationCadence Cadence { get; init; } = IterationCadence.Default;
    public required SyncSchedule Sync { get; init; }
    /// <summary>When the System Demos happen by default (each can be moved or skipped).</summary>
    public DemoSchedule Demo { get; init; } = DemoSchedule.Default;
    /// <summary>Release Train Engineers: allowed to change the ART and to close votes. The one who set it up is first.</summary>
    public required IReadOnlyList<Person> Rtes { get; init; }
    /// <summary>Business Owners: they assign and rate the business value of the teams' PI objectives. RTEs name them.</summary>
    public IReadOnlyList<Person> BusinessOwners { get; init; } = [];
    /// <summary>Product Managers: they keep the ART backlog (features, milestones). RTEs name them.</summary>
    public IReadOnlyList<Person> ProductManagers { get; init; } = [];
    /// <summary>
    /// The PI whose objectives RTEs reopened after it started: teams may edit them again until an RTE locks them.
    /// Null (or another PI's name): the current PI's objectives are locked once it starts.
    /// </summary>
    public string? ObjectivesReopenedFor { get; init; }
    /// <summary>The language of the cards ArtBot posts in the ART's channels (a culture name such as <c>de-DE</c>).</summary>
    public string? Language { get; init; }
    /// <summary>Opt-in: reminders and summaries may name people who have not answered.</summary>
    public bool NameNonResponders { get; init; }
    /// <summary>Dates (in the ART's time zone) with no sync: holidays, I&amp;A, PI Planning.</summary>
    public IReadOnlyList<DateOnly> SkippedDates { get; init; } = [];
    public required Person CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Set by the store (the row's ETag); null for an ART not stored yet.</summary>
    public string? Version { get; init; }

    /// <summary>The date at <paramref name="now"/> in the ART's time zone (UTC when the zone is unknown here).</summary>
    public DateOnly Today(DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.TryFindSystemTimeZoneById(Sync.TimeZoneId, out var zone) ? TimeZoneInfo.ConvertTime(now, zone).DateTime : now.UtcDateTime);

    public bool IsRte(string? userId) => userId is { Length: > 0 } && Rtes.Any(r => string.Equals(r.Id, userId, StringComparison.Ordinal));

    public bool IsBusinessOwner(string? userId) =>
        userId is { Length: > 0 } && BusinessOwners.Any(b => string.Equals(b.Id, userId, StringComparison.Ordinal));

    public bool IsProductManager(string? userId) =>
        userId is { Length: > 0 } && ProductManagers.Any(p => string.Equals(p.Id, userId, StringComparison.Ordinal));

    /// <summary>Who keeps the ART backlog: its Product Managers and its RTEs.</summary>
    public bool KeepsBacklog(string? userId) => IsProductManager(userId) || IsRte(userId);
}
