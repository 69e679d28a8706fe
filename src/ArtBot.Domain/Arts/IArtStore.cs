namespace ArtBot.Domain.Arts;

/// <summary>ARTs, their team channels and which conversation belongs to which ART.</summary>
public interface IArtStore
{
    /// <summary>
    /// Stores a new ART homed in <see cref="Art.HomeConversationId"/>. False when that conversation already
    /// belongs to an ART (as home or team): nothing is stored then.
    /// </summary>
    Task<bool> CreateAsync(Art art, CancellationToken cancellationToken);

    Task<Art?> GetAsync(string tenantId, string artId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the ART's settings if it is unchanged since <paramref name="art"/> was read (<see cref="Art.Version"/>).
    /// Returns the stored ART with its new version, or null on a conflict (read again and re-apply).
    /// </summary>
    Task<Art?> UpdateAsync(Art art, CancellationToken cancellationToken);

    /// <summary>Adds a team channel to an ART, or refreshes it; a channel belongs to one ART at most.</summary>
    Task<JoinResult> JoinAsync(ArtTeam team, CancellationToken cancellationToken);

    Task<IReadOnlyList<ArtTeam>> GetTeamsAsync(string tenantId, string artId, CancellationToken cancellationToken);

    /// <summary>The ART this conversation (no thread suffix) belongs to, as home or team channel; null if none.</summary>
    Task<ArtMembership?> FindByConversationAsync(string tenantId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The ARTs of one tenant.</summary>
    Task<IReadOnlyList<Art>> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every ART of every tenant (the scheduler's work list).</summary>
    IAsyncEnumerable<Art> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Marks a team channel unreachable (the bot was removed), or reachable again with null.</summary>
    Task SetTeamUnreachableAsync(string tenantId, string artId, string conversationId, DateTimeOffset? since, CancellationToken cancellationToken);
}
