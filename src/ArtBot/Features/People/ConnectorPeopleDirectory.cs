using ArtBot.BotFramework.Connector;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.People;

/// <summary>
/// The directory without Microsoft Graph: a team's people are its channel's members as the Bot Connector lists them
/// (paged), and nobody counts as away. A roster that cannot be read is empty (and said in the log), never an exception.
/// Rosters read are kept in the app's <see cref="IMemoryCache"/> for <see cref="GraphOptions.CacheDuration"/>.
/// </summary>
public sealed partial class ConnectorPeopleDirectory(
    ConnectorClient connector, IOptions<GraphOptions> options, IMemoryCache cache, ILogger<ConnectorPeopleDirectory> logger) : IPeopleDirectory
{
    /// <summary>The largest page the connector serves.</summary>
    internal const int PageSize = 500;

    /// <summary>A guard against a connector that keeps answering a continuation token.</summary>
    internal const int MaxPages = 200;

    private static readonly IReadOnlySet<string> Nobody = new HashSet<string>();
    private readonly TimeSpan _cacheDuration = options.Value.CacheDuration;

    public bool UsesGraph => false;

    public async Task<IReadOnlyList<TeamMember>> GetTeamMembersAsync(ArtTeam team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var key = new RosterKey(team.ConversationId);
        if (cache.TryGetValue(key, out IReadOnlyList<TeamMember>? cached))
        {
            return cached!;
        }

        var people = new List<TeamMember>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? continuation = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await connector.GetConversationPagedMembersAsync(
                team.ServiceUrl, team.TenantId, team.ConversationId, PageSize, continuation, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                LogRosterUnavailable(team.ConversationId, result.Kind, result.StatusCode);
                return [];
            }

            foreach (var member in result.Value!.Members ?? [])
            {
                if (ToPerson(member) is { } person && seen.Add(person.Id))
                {
                    people.Add(person);
                }
            }

            continuation = result.Value.ContinuationToken;
            if (string.IsNullOrEmpty(continuation))
            {
                break;
            }
        }

        cache.Keep<IReadOnlyList<TeamMember>>(key, people, _cacheDuration);
        return people;
    }

    public Task<IReadOnlySet<string>> GetOutOfOfficeAsync(IEnumerable<string> userIds, CancellationToken cancellationToken) =>
        Task.FromResult(Nobody);

    private static TeamMember? ToPerson(BotFramework.Schema.TeamsChannelAccount member)
    {
        if (string.IsNullOrWhiteSpace(member.Id) && string.IsNullOrWhiteSpace(member.AadObjectId))
        {
            return null;
        }

        var id = string.IsNullOrWhiteSpace(member.AadObjectId) ? member.Id! : member.AadObjectId;
        var name = FirstOf(member.Name, JoinNames(member.GivenName, member.Surname), member.UserPrincipalName, member.Email) ?? id;
        return new TeamMember(id, name, string.IsNullOrWhiteSpace(member.Id) ? null : member.Id, FirstOf(member.Email, member.UserPrincipalName));
    }

    private static string? JoinNames(string? given, string? surname) =>
        FirstOf(string.Join(' ', new[] { given, surname }.Where(s => !string.IsNullOrWhiteSpace(s))));

    private static string? FirstOf(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private sealed record RosterKey(string ConversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The roster of channel {ConversationId} could not be read from the Bot Connector ({Kind}, HTTP {StatusCode}): no members for now")]
    private partial void LogRosterUnavailable(string conversationId, ConnectorOutcomeKind kind, int statusCode);
}
