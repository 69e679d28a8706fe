using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;

namespace ArtBot.Features.Impediments;

/// <summary>
/// The people an impediment can be given to: the conversation's members (one page from the connector, within a
/// short deadline so the invoke is answered in time), else the people it already knows (raiser, owner, the actor).
/// </summary>
public sealed partial class ConversationPeople(ConnectorClient connector, ILogger<ConversationPeople> logger)
{
    public const int MaxPeople = 100;

    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(2.5);

    public async Task<IReadOnlyList<Person>> ListAsync(Activity activity, ImpedimentScope scope, Impediment impediment, Person actor, CancellationToken cancellationToken)
    {
        var people = new List<Person>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            var page = await connector.GetConversationPagedMembersAsync(
                activity.ServiceUrl!, scope.TenantId, scope.TeamId ?? scope.ConversationId, pageSize: MaxPeople, cancellationToken: deadline.Token);
            if (page.IsSuccess)
            {
                people.AddRange((page.Value?.Members ?? [])
                    .Where(m => !string.IsNullOrEmpty(m.AadObjectId) || !string.IsNullOrEmpty(m.Id))
                    .Select(m => new Person(m.AadObjectId is { Length: > 0 } aad ? aad : m.Id!, m.Name)));
            }
            else
            {
                LogMembersUnavailable(page.Kind, page.StatusCode);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogMembersUnavailable(ConnectorOutcomeKind.Failed, 0);
        }

        foreach (var known in new[] { actor, impediment.Owner, impediment.RaisedBy })
        {
            if (known is not null && people.All(p => p.Id != known.Id))
            {
                people.Add(known);
            }
        }

        return [.. people.Take(MaxPeople).OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation members not available ({Kind}, {Status}); offering the people the impediment knows")]
    private partial void LogMembersUnavailable(ConnectorOutcomeKind kind, int status);
}
