using System.Globalization;
using System.Text.Json;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Text;
using Azure.Data.Tables;
using Azure;

namespace ArtBot.Storage.Improvements;

/// <summary>
/// Workshops in the <c>workshops</c> table: PK workshop id; RK <c>meta</c>, <c>problem-{id}</c> per problem and
/// <c>dots-{participant}</c> per participant. A dot is one ETag-guarded replace of the participant's own row: nobody
/// waits for anybody else, and a participant's simultaneous clicks are checked against the allowance one at a time.
/// The whole state is a single-partition query. <c>workshopindex</c> lists the workshops of a conversation.
/// </summary>
public sealed class WorkshopStore(TableClient workshops, TableClient index) : IWorkshopStore
{
    public const string TableName = "workshops";
    public const string IndexTableName = "workshopindex";
    public const string MetaRowKey = "meta";
    public const string ProblemPrefix = "problem-";
    public const string DotsPrefix = "dots-";

    /// <summary>Attempts of a dot write when the participant's row changed meanwhile (their own other click).</summary>
    private const int MaxAttempts = 20;

    public async Task<bool> CreateAsync(Workshop workshop, CancellationToken cancellationToken)
    {
        var indexRowKey = IndexRowKey(workshop.CreatedAt, workshop.Id);
        var entity = new WorkshopEntity
        {
            PartitionKey = workshop.Id,
            TenantId = workshop.Scope.TenantId,
            ArtId = workshop.Scope.ArtId,
            ScopeConversationId = workshop.Scope.ConversationId,
            ConversationId = workshop.ConversationId,
            PostedConversationId = workshop.PostedConversationId,
            ServiceUrl = workshop.ServiceUrl,
            Pi = workshop.Pi,
            DotsPerPerson = workshop.DotsPerPerson,
            StarterId = workshop.StarterId,
            StarterName = workshop.StarterName,
            CreatedAt = workshop.CreatedAt,
            ActivityId = workshop.ActivityId,
            Language = workshop.Locale?.Language,
            TimeZone = workshop.Locale?.TimeZoneId,
            Review = JsonSerializer.Serialize([.. workshop.Review], ImprovementJsonContext.Default.ListReviewedItem),
            IndexRowKey = indexRowKey,
        };
        try
        {
            await workshops.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }

        await index.UpsertEntityAsync(new WorkshopIndexEntity
        {
            PartitionKey = IndexPartitionKey(workshop.Scope.TenantId, workshop.ConversationId),
            RowKey = indexRowKey,
            WorkshopId = workshop.Id,
            CreatedAt = workshop.CreatedAt,
        }, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    public async Task SetActivityIdAsync(string workshopId, string activityId, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(workshopId, MetaRowKey) { [nameof(WorkshopEntity.ActivityId)] = activityId };
        await workshops.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<Workshop?> GetAsync(string workshopId, CancellationToken cancellationToken)
    {
        var found = await workshops.GetEntityIfExistsAsync<WorkshopEntity>(workshopId, MetaRowKey, cancellationToken: cancellationToken);
        return found.HasValue ? ToDomain(found.Value!) : null;
    }

    public async Task<Workshop?> FindLatestAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartitionKey(tenantId, conversationId)}");
        await foreach (var row in index.QueryAsync<WorkshopIndexEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return await GetAsync(row.WorkshopId, cancellationToken);
        }

        return null;
    }

    public async Task<WorkshopState?> GetStateAsync(string workshopId, CancellationToken cancellationToken)
    {
        Workshop? workshop = null;
        var problems = new List<WorkshopProblem>();
        var participants = new List<ParticipantDots>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {workshopId}");
        await foreach (var row in workshops.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == MetaRowKey)
            {
                workshop = ToDomain(ReadMeta(row));
            }
            else if (row.RowKey.StartsWith(ProblemPrefix, StringComparison.Ordinal))
            {
                problems.Add(new WorkshopProblem(
                    row.RowKey[ProblemPrefix.Length..], row.GetString(nameof(ProblemEntity.Text)) ?? "",
                    row.GetString(nameof(ProblemEntity.AuthorName)), row.GetDateTimeOffset(nameof(ProblemEntity.AddedAt)) ?? DateTimeOffset.MinValue));
            }
            else if (row.RowKey.StartsWith(DotsPrefix, StringComparison.Ordinal))
            {
                participants.Add(new ParticipantDots(
                    row.GetString(nameof(ParticipantEntity.ParticipantId)) ?? "", row.GetString(nameof(ParticipantEntity.Name)),
                    SplitIds(row.GetString(nameof(ParticipantEntity.ProblemIds)))));
            }
        }

        return workshop is null ? null : new WorkshopState(workshop, [.. problems.OrderBy(p => p.AddedAt).ThenBy(p => p.Id, StringComparer.Ordinal)], participants);
    }

    public async Task AddProblemAsync(Workshop workshop, WorkshopProblem problem, CancellationToken cancellationToken)
    {
        var entity = new ProblemEntity
        {
            PartitionKey = workshop.Id,
            RowKey = ProblemPrefix + problem.Id,
            Text = problem.Text,
            AuthorName = problem.AuthorName,
            AddedAt = problem.AddedAt,
        };
        try
        {
            await workshops.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // A redelivery: the problem is there already.
        }
    }

    public Task<DotResult> SpendDotAsync(Workshop workshop, string participantId, string? participantName, string problemId, CancellationToken cancellationToken) =>
        ChangeDotsAsync(workshop, participantId, participantName, current => DotRules.Spend(current, problemId, workshop.DotsPerPerson), cancellationToken);

    public Task<DotResult> TakeBackDotAsync(Workshop workshop, string participantId, string problemId, CancellationToken cancellationToken) =>
        ChangeDotsAsync(workshop, participantId, null, current => DotRules.TakeBack(current, problemId), cancellationToken);

    public async Task<bool> CloseAsync(Workshop workshop, DateTimeOffset closedAt, string? closedByName, IReadOnlyList<string> selectedProblemIds, CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = await workshops.GetEntityIfExistsAsync<WorkshopEntity>(workshop.Id, MetaRowKey, cancellationToken: cancellationToken);
            var entity = found.HasValue ? found.Value! : throw new InvalidOperationException($"Workshop {workshop.Id} does not exist.");
            if (entity.ClosedAt is not null)
            {
                return false;
            }

            entity.ClosedAt = closedAt;
            entity.ClosedByName = closedByName;
            entity.Selected = string.Join(',', selectedProblemIds);
            try
            {
                await workshops.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // Changed meanwhile (activity id set, a concurrent close): read again.
            }
        }
    }

    /// <summary>Newest first: the row key starts with the inverted creation time.</summary>
    public static string IndexRowKey(DateTimeOffset createdAt, string workshopId) =>
        (DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + workshopId;

    public static string IndexPartitionKey(string tenantId, string conversationId) => StorageKeys.Encode(tenantId + "|" + conversationId);

    public static string DotsRowKey(string participantId) => DotsPrefix + StorageKeys.Encode(participantId);

    private async Task<DotResult> ChangeDotsAsync(
        Workshop workshop, string participantId, string? participantName, Func<ParticipantDots, DotResult> change, CancellationToken cancellationToken)
    {
        var rowKey = DotsRowKey(participantId);
        for (var attempt = 1; ; attempt++)
        {
            var found = await workshops.GetEntityIfExistsAsync<ParticipantEntity>(workshop.Id, rowKey, cancellationToken: cancellationToken);
            var current = found.HasValue
                ? new ParticipantDots(participantId, found.Value!.Name, SplitIds(found.Value.ProblemIds))
                : new ParticipantDots(participantId, participantName, []);
            var result = change(current);
            if (result.Outcome != DotOutcome.Changed)
            {
                return result;
            }

            var entity = new ParticipantEntity
            {
                PartitionKey = workshop.Id,
                RowKey = rowKey,
                ParticipantId = participantId,
                Name = participantName ?? current.Name,
                ProblemIds = string.Join(',', result.Dots.ProblemIds),
            };
            try
            {
                if (found.HasValue)
                {
                    await workshops.UpdateEntityAsync(entity, found.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await workshops.AddEntityAsync(entity, cancellationToken);
                }

                return result;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412 or 404 && attempt < MaxAttempts)
            {
                // The participant's other click won the race: read their row again and re-check the allowance.
            }
        }
    }

    private static string[] SplitIds(string? ids) => (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static WorkshopEntity ReadMeta(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        TenantId = row.GetString(nameof(WorkshopEntity.TenantId)) ?? "",
        ArtId = row.GetString(nameof(WorkshopEntity.ArtId)),
        ScopeConversationId = row.GetString(nameof(WorkshopEntity.ScopeConversationId)) ?? "",
        ConversationId = row.GetString(nameof(WorkshopEntity.ConversationId)) ?? "",
        PostedConversationId = row.GetString(nameof(WorkshopEntity.PostedConversationId)) ?? "",
        ServiceUrl = row.GetString(nameof(WorkshopEntity.ServiceUrl)) ?? "",
        Pi = row.GetString(nameof(WorkshopEntity.Pi)),
        DotsPerPerson = row.GetInt32(nameof(WorkshopEntity.DotsPerPerson)) ?? DotRules.DefaultDots,
        StarterId = row.GetString(nameof(WorkshopEntity.StarterId)) ?? "",
        StarterName = row.GetString(nameof(WorkshopEntity.StarterName)),
        CreatedAt = row.GetDateTimeOffset(nameof(WorkshopEntity.CreatedAt)) ?? DateTimeOffset.MinValue,
        ClosedAt = row.GetDateTimeOffset(nameof(WorkshopEntity.ClosedAt)),
        ClosedByName = row.GetString(nameof(WorkshopEntity.ClosedByName)),
        ActivityId = row.GetString(nameof(WorkshopEntity.ActivityId)),
        Language = row.GetString(nameof(WorkshopEntity.Language)),
        TimeZone = row.GetString(nameof(WorkshopEntity.TimeZone)),
        Review = row.GetString(nameof(WorkshopEntity.Review)) ?? "[]",
        Selected = row.GetString(nameof(WorkshopEntity.Selected)) ?? "",
    };

    private static Workshop ToDomain(WorkshopEntity entity) => new()
    {
        Id = entity.PartitionKey,
        Scope = new ImprovementScope(entity.TenantId, entity.ArtId, entity.ScopeConversationId),
        ConversationId = entity.ConversationId,
        PostedConversationId = entity.PostedConversationId,
        ServiceUrl = entity.ServiceUrl,
        Pi = entity.Pi,
        DotsPerPerson = entity.DotsPerPerson,
        StarterId = entity.StarterId,
        StarterName = entity.StarterName,
        CreatedAt = entity.CreatedAt,
        ClosedAt = entity.ClosedAt,
        ClosedByName = entity.ClosedByName,
        ActivityId = entity.ActivityId,
        Locale = entity.Language is { Length: > 0 } language ? new CardLocale(language, entity.TimeZone) : null,
        Review = JsonSerializer.Deserialize(entity.Review, ImprovementJsonContext.Default.ListReviewedItem) ?? [],
        SelectedProblemIds = SplitIds(entity.Selected),
    };
}
