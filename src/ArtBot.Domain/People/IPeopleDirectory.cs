using ArtBot.Domain.Arts;

namespace ArtBot.Domain.People;

/// <summary>
/// Who is in a team, and who is away. With Microsoft Graph configured: the members of the team's Microsoft 365 group
/// and their automatic replies (out of office). Without it: the channel's members from the Bot Connector, and
/// nobody counts as away.
/// </summary>
public interface IPeopleDirectory
{
    /// <summary>True when answers come from Microsoft Graph.</summary>
    bool UsesGraph { get; }

    /// <summary>The people of a team channel of an ART.</summary>
    Task<IReadOnlyList<TeamMember>> GetTeamMembersAsync(ArtTeam team, CancellationToken cancellationToken);

    /// <summary>Of these people (Entra object ids), those whose automatic replies are on now. Empty without Graph.</summary>
    Task<IReadOnlySet<string>> GetOutOfOfficeAsync(IEnumerable<string> userIds, CancellationToken cancellationToken);
}
