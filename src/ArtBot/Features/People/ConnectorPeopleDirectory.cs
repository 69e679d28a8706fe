using ArtBot.BotFramework.Connector;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;

namespace ArtBot.Features.People;

/// <summary>
/// Fallback <see cref="IPeopleDirectory"/> without Microsoft Graph: a team's people are the members of its channel's
/// conversation from the Bot Connector (the team roster), and nobody counts as out of office. Replaced by the
/// Graph-backed directory when that is configured.
/// </summary>
public sealed class ConnectorPeopleDirectory(ConnectorClient connector) : IPeopleDirectory
{
    public bool UsesGraph => false;

    public async Task<IReadOnlyList<Person>> GetTeamMembersAsync(ArtTeam team, CancellationToken cancellationToken)
    {
        var result = await connector.GetConversationMembersAsync(team.ServiceUrl, team.TenantId, team.TeamsTeamId ?? team.ConversationId, cancellationToken);
        if (!result.IsSuccess || result.Value is null)
        {
            return [];
        }

        return [.. result.Value
            .Where(m => m.Id is { Length: > 0 })
            .Select(m => new Person(m.AadObjectId is { Length: > 0 } aad ? aad : m.Id!, m.Name ?? m.UserPrincipalName ?? "Someone", m.Id, m.Email))];
    }

    public Task<IReadOnlySet<string>> GetOutOfOfficeAsync(IEnumerable<string> userIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>(StringComparer.Ordinal));
}
