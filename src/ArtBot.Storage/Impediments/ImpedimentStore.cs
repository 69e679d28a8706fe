using System.Globalization;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Text;
using ArtBot.Domain.People;
using Azure.Data.Tables;
using Azure;

namespace ArtBot.Storage.Impediments;

/// <summary>
/// Impediments in the <c>impediments</c> table. One partition per tenant and scope (a team, or a chat) holds its
/// impediment rows (RK <c>i-{id}</c>) and their history rows (RK <c>h-{id}-{sequence}</c>), so a list is one
/// partition range query and every change is one transaction: the row replaced under its ETag plus the history row
/// added. The id is derived from the raise key, so a redelivered raise is a 409 that changes nothing.
/// </summary>
public sealed class ImpedimentStore(TableClient table, TimeProvider time) : IImpedimentStore
{
    public const string TableName = "impediments";
    public const string RowPrefix = "i-";
    public const string HistoryPrefix = "h-";

    /// <summary>How often a change is re-applied on fresh state after concurrent edits before it is reported as a conflict.</summary>
    public int MaxAttempts { get; init; } = 5;

    public async Task<RaiseResult> RaiseAsync(Impediment draft, string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var id = ImpedimentIds.FromKey(draft.TenantId, draft.ScopeId, key);
        var impediment = draft with { Id = id, HistoryCount = 1, History = [], Version = null };
        var partition = PartitionKey(draft.TenantId, draft.ScopeId);
        var entity = ToEntity(impediment, partition);
        var raised = new ImpedimentHistoryEntry(impediment.RaisedAt, impediment.RaisedBy, "raised it") { Event = new(ImpedimentEventKind.Raised) };
        try
        {
            await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, entity),
                    new TableTransactionAction(TableTransactionActionType.Add, ToHistoryEntity(partition, id, 1, raised)),
                ],
                cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var existing = await GetAsync(draft.TenantId, draft.ScopeId, id, cancellationToken)
                ?? throw new InvalidOperationException($"Impediment {id} exists but could not be read.", exception);
            return new RaiseResult(existing, false);
        }

        return new RaiseResult(await GetAsync(draft.TenantId, draft.ScopeId, id, cancellationToken) ?? impediment, true);
    }

    public async Task<Impediment?> GetAsync(string tenantId, string scopeId, string id, CancellationToken cancellationToken)
    {
        if (!ImpedimentIds.IsWellFormed(id))
        {
            return null;
        }

        var partition = PartitionKey(tenantId, scopeId);
        var found = await table.GetEntityIfExistsAsync<ImpedimentEntity>(partition, RowPrefix + id, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        var entity = found.Value!;
        if (!string.Equals(entity.TenantId, tenantId, StringComparison.Ordinal))
        {
            return null;
        }

        var from = HistoryPrefix + id + "-";
        var to = HistoryPrefix + id + ".";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {from} and RowKey lt {to}");
        var history = new List<ImpedimentHistoryEntry>();
        await foreach (var row in table.QueryAsync<ImpedimentHistoryEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            history.Add(new ImpedimentHistoryEntry(row.At, new Person(row.ById, row.ByName), row.What)
            {
                Event = Enum.TryParse<ImpedimentEventKind>(row.Event, out var kind) ? new ImpedimentEvent(kind, row.Detail) : null,
            });
        }

        return ToDomain(entity) with { History = history };
    }

    public async Task<ImpedimentUpdate> UpdateAsync(
        string tenantId, string scopeId, string id, Person actor, Func<Impediment, ImpedimentChange> change, CancellationToken cancellationToken)
    {
        if (!ImpedimentIds.IsWellFormed(id))
        {
            return new ImpedimentUpdate(ImpedimentUpdateStatus.NotFound, null, "This impediment does not exist here.");
        }

        var partition = PartitionKey(tenantId, scopeId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var found = await table.GetEntityIfExistsAsync<ImpedimentEntity>(partition, RowPrefix + id, cancellationToken: cancellationToken);
            if (!found.HasValue || !string.Equals(found.Value!.TenantId, tenantId, StringComparison.Ordinal))
            {
                return new ImpedimentUpdate(ImpedimentUpdateStatus.NotFound, null, "This impediment does not exist here.");
            }

            var current = ToDomain(found.Value);
            var result = change(current);
            if (result.IsRefused || result.Updated is null)
            {
                return new ImpedimentUpdate(
                    ImpedimentUpdateStatus.Refused,
                    await GetAsync(tenantId, scopeId, id, cancellationToken),
                    result.Refusal ?? "Nothing to change.");
            }

            var sequence = current.HistoryCount + (result.HistoryText is null ? 0 : 1);
            var updated = result.Updated with { Id = current.Id, TenantId = current.TenantId, ScopeId = current.ScopeId, HistoryCount = sequence };
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateReplace, ToEntity(updated, partition), found.Value.ETag),
            };
            if (result.HistoryText is { } what)
            {
                actions.Add(new(TableTransactionActionType.Add, ToHistoryEntity(partition, id, sequence, new ImpedimentHistoryEntry(time.GetUtcNow(), actor, what) { Event = result.Event })));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status is 412 or 409)
            {
                continue; // changed by someone else meanwhile: apply the change again to the fresh state
            }

            return new ImpedimentUpdate(ImpedimentUpdateStatus.Updated, await GetAsync(tenantId, scopeId, id, cancellationToken), null);
        }

        return new ImpedimentUpdate(
            ImpedimentUpdateStatus.Conflict,
            await GetAsync(tenantId, scopeId, id, cancellationToken),
            "Several people changed this impediment at the same moment and your change could not be saved. Please try again.");
    }

    public Task<ImpedimentList> ListAsync(string tenantId, string scopeId, ImpedimentQuery query, int max, CancellationToken cancellationToken)
    {
        var partition = PartitionKey(tenantId, scopeId);
        return QueryAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {RowPrefix} and RowKey lt {"i."}"), tenantId, query, max, cancellationToken);
    }

    public Task<ImpedimentList> ListForArtAsync(string tenantId, string artId, ImpedimentQuery query, int max, CancellationToken cancellationToken) =>
        QueryAsync(
            TableClient.CreateQueryFilter($"ArtId eq {artId} and TenantId eq {tenantId} and RowKey ge {RowPrefix} and RowKey lt {"i."}"), tenantId, query, max, cancellationToken);

    private async Task<ImpedimentList> QueryAsync(string filter, string tenantId, ImpedimentQuery query, int max, CancellationToken cancellationToken)
    {
        var matching = new List<Impediment>();
        await foreach (var row in table.QueryAsync<ImpedimentEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            var impediment = ToDomain(row);
            if (string.Equals(row.TenantId, tenantId, StringComparison.Ordinal) && query.Matches(impediment))
            {
                matching.Add(impediment);
            }
        }

        var oldestFirst = matching.OrderBy(i => i.RaisedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var skip = Math.Clamp(query.Skip, 0, oldestFirst.Count);
        return new ImpedimentList([.. oldestFirst.Skip(skip).Take(Math.Max(0, max))], oldestFirst.Count) { Skipped = skip };
    }

    /// <summary>The partition of a tenant's scope (team or chat); ids from Teams are encoded, never trusted as keys.</summary>
    public static string PartitionKey(string tenantId, string scopeId) => StorageKeys.Encode(tenantId + "|" + scopeId);

    public static string HistoryRowKey(string id, int sequence) =>
        HistoryPrefix + id + "-" + sequence.ToString("D6", CultureInfo.InvariantCulture);

    private static ImpedimentHistoryEntity ToHistoryEntity(string partition, string id, int sequence, ImpedimentHistoryEntry entry) => new()
    {
        PartitionKey = partition,
        RowKey = HistoryRowKey(id, sequence),
        At = entry.At,
        ById = entry.By.Id,
        ByName = entry.By.Name,
        What = entry.What,
        Event = entry.Event?.Kind.ToString(),
        Detail = entry.Event?.Detail,
    };

    private static ImpedimentEntity ToEntity(Impediment impediment, string partition) => new()
    {
        PartitionKey = partition,
        RowKey = RowPrefix + impediment.Id,
        Id = impediment.Id,
        TenantId = impediment.TenantId,
        ScopeId = impediment.ScopeId,
        ConversationId = impediment.ConversationId,
        TeamId = impediment.TeamId,
        TeamName = impediment.TeamName,
        ArtId = impediment.ArtId,
        Kind = impediment.Kind.ToString(),
        Title = impediment.Title,
        Description = impediment.Description,
        Severity = impediment.Severity.ToString(),
        Roam = impediment.Roam?.ToString(),
        OwnerId = impediment.Owner?.Id,
        OwnerName = impediment.Owner?.Name,
        RaisedById = impediment.RaisedBy.Id,
        RaisedByName = impediment.RaisedBy.Name,
        RaisedAt = impediment.RaisedAt,
        ResolvedAt = impediment.ResolvedAt,
        ResolutionNote = impediment.ResolutionNote,
        EscalatedAt = impediment.EscalatedAt,
        EscalatedById = impediment.EscalatedBy?.Id,
        EscalatedByName = impediment.EscalatedBy?.Name,
        SourceKind = impediment.Source.Kind.ToString(),
        SourceUrl = impediment.Source.Url,
        SourceReferenceId = impediment.Source.ReferenceId,
        SourceAuthorName = impediment.Source.AuthorName,
        ServiceUrl = impediment.ServiceUrl,
        PostedConversationId = impediment.PostedConversationId,
        ActivityId = impediment.ActivityId,
        Language = impediment.Locale?.Language,
        TimeZone = impediment.Locale?.TimeZoneId,
        HistoryCount = impediment.HistoryCount,
    };

    private static Impediment ToDomain(ImpedimentEntity entity) => new()
    {
        Id = entity.Id,
        TenantId = entity.TenantId,
        ScopeId = entity.ScopeId,
        ConversationId = entity.ConversationId,
        TeamId = entity.TeamId,
        TeamName = entity.TeamName,
        ArtId = entity.ArtId,
        Kind = Enum.TryParse<ImpedimentKind>(entity.Kind, out var kind) ? kind : ImpedimentKind.Impediment,
        Title = entity.Title,
        Description = entity.Description,
        Severity = Enum.TryParse<Severity>(entity.Severity, out var severity) ? severity : Severity.Medium,
        Roam = Enum.TryParse<RoamStatus>(entity.Roam, out var roam) ? roam : null,
        Owner = entity.OwnerId is { Length: > 0 } ownerId ? new Person(ownerId, entity.OwnerName) : null,
        RaisedBy = new Person(entity.RaisedById, entity.RaisedByName),
        RaisedAt = entity.RaisedAt,
        ResolvedAt = entity.ResolvedAt,
        ResolutionNote = entity.ResolutionNote,
        EscalatedAt = entity.EscalatedAt,
        EscalatedBy = entity.EscalatedById is { Length: > 0 } escalatedBy ? new Person(escalatedBy, entity.EscalatedByName) : null,
        Source = new ImpedimentSource(
            Enum.TryParse<ImpedimentSourceKind>(entity.SourceKind, out var source) ? source : ImpedimentSourceKind.Command,
            entity.SourceUrl, entity.SourceReferenceId, entity.SourceAuthorName),
        ServiceUrl = entity.ServiceUrl,
        PostedConversationId = entity.PostedConversationId,
        ActivityId = entity.ActivityId,
        Locale = entity.Language is { Length: > 0 } language ? new CardLocale(language, entity.TimeZone) : null,
        HistoryCount = entity.HistoryCount,
        Version = entity.ETag.ToString(),
    };
}
