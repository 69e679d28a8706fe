using System.Globalization;
using System.Text.Json;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Sync;
using Azure.Data.Tables;
using Azure;

namespace ArtBot.Storage.Sync;

/// <summary>
/// The <c>artsync</c> table: one partition per ART occurrence (<c>{tenant}|{art}|{yyyyMMdd}</c>) holding the teams'
/// answers (<c>answer|…</c>), the delivery claims (<c>prompt|…</c>, <c>reminder|…</c>, <c>summary|…</c>) and the
/// occurrence's <c>meta</c> row. A fan-out reads one partition to see what is left; each claim is an insert-if-absent
/// or an ETag-guarded take-over, so two instances never both hold a delivery.
/// </summary>
public sealed class SyncStore(TableClient table) : ISyncStore
{
    public const string TableName = "artsync";
    private const string MetaRow = "meta";
    private const string AnswerPrefix = "answer|";

    public async Task<IReadOnlyList<SyncDelivery>> GetDeliveriesAsync(OccurrenceKey occurrence, DeliveryKind kind, CancellationToken cancellationToken)
    {
        var prefix = KindPrefix(kind);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PartitionKey(occurrence)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        var deliveries = new List<SyncDelivery>();
        await foreach (var entity in table.QueryAsync<SyncDeliveryEntity>(filter, cancellationToken: cancellationToken))
        {
            deliveries.Add(ToDomain(occurrence, entity));
        }

        return deliveries;
    }

    public async Task<SyncDelivery?> GetDeliveryAsync(OccurrenceKey occurrence, DeliveryKind kind, string conversationId, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<SyncDeliveryEntity>(
            PartitionKey(occurrence), DeliveryRowKey(kind, conversationId), cancellationToken: cancellationToken);
        return found.HasValue ? ToDomain(occurrence, found.Value!) : null;
    }

    public async Task<SyncDelivery?> TryClaimAsync(
        OccurrenceKey occurrence, DeliveryKind kind, string conversationId, ClaimOwner owner, DateTimeOffset now, DateTimeOffset leaseUntil, int maxAttempts, CancellationToken cancellationToken)
    {
        var entity = new SyncDeliveryEntity
        {
            PartitionKey = PartitionKey(occurrence),
            RowKey = DeliveryRowKey(kind, conversationId),
            Kind = kind.ToString(),
            ConversationId = conversationId,
            State = nameof(DeliveryState.Claimed),
            Owner = owner.Instance,
            OwnerRun = owner.Run,
            LeaseUntil = leaseUntil,
            Attempts = 1,
            UpdatedAt = now,
        };
        try
        {
            var added = await table.AddEntityAsync(entity, cancellationToken);
            entity.ETag = added.Headers.ETag ?? default;
            return ToDomain(occurrence, entity);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
        }

        var existing = await GetDeliveryAsync(occurrence, kind, conversationId, cancellationToken);
        return existing is null ? null : await TryTakeOverAsync(existing, owner, now, leaseUntil, maxAttempts, cancellationToken);
    }

    public async Task<SyncDelivery?> TryTakeOverAsync(
        SyncDelivery existing, ClaimOwner owner, DateTimeOffset now, DateTimeOffset leaseUntil, int maxAttempts, CancellationToken cancellationToken)
    {
        if (!existing.IsClaimableBy(owner, now, maxAttempts))
        {
            return null;
        }

        var entity = ToEntity(existing with
        {
            State = DeliveryState.Claimed,
            Owner = owner.Instance,
            OwnerRun = owner.Run,
            LeaseUntil = leaseUntil,
            Attempts = existing.Attempts + 1,
            UpdatedAt = now,
            // SendingAt is kept: an interrupted send (set only while no outcome is recorded), for the new holder to decide.
        });
        try
        {
            var updated = await table.UpdateEntityAsync(entity, new ETag(existing.Version!), TableUpdateMode.Replace, cancellationToken);
            entity.ETag = updated.Headers.ETag ?? default;
            return ToDomain(existing.Occurrence, entity);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return null; // another instance took it over first, or it changed since it was read
        }
    }

    public async Task<bool> CompleteAsync(
        SyncDelivery claim, DeliveryState state, string? activityId, string? failure, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        var entity = new SyncDeliveryEntity
        {
            PartitionKey = PartitionKey(claim.Occurrence),
            RowKey = DeliveryRowKey(claim.Kind, claim.ConversationId),
            Kind = claim.Kind.ToString(),
            ConversationId = claim.ConversationId,
            State = state.ToString(),
            Owner = claim.Owner,
            OwnerRun = claim.OwnerRun,
            LeaseUntil = retryAt ?? now,
            ActivityId = activityId ?? claim.ActivityId,
            Attempts = claim.Attempts,
            LastError = failure,
            UpdatedAt = now,
        };
        try
        {
            await table.UpdateEntityAsync(entity, new ETag(claim.Version!), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<SyncDelivery?> MarkSendingAsync(SyncDelivery claim, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entity = ToEntity(claim);
        entity.SendingAt = at;
        try
        {
            var updated = await table.UpdateEntityAsync(entity, new ETag(claim.Version!), TableUpdateMode.Replace, cancellationToken);
            return claim with { SendingAt = at, Version = (updated.Headers.ETag ?? default).ToString() };
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task ReleaseAsync(SyncDelivery claim, CancellationToken cancellationToken)
    {
        try
        {
            if (claim.Attempts <= 1 && claim.ActivityId is null && claim.SendingAt is null)
            {
                await table.DeleteEntityAsync(PartitionKey(claim.Occurrence), DeliveryRowKey(claim.Kind, claim.ConversationId), new ETag(claim.Version!), cancellationToken);
                return;
            }

            var entity = new SyncDeliveryEntity
            {
                PartitionKey = PartitionKey(claim.Occurrence),
                RowKey = DeliveryRowKey(claim.Kind, claim.ConversationId),
                Kind = claim.Kind.ToString(),
                ConversationId = claim.ConversationId,
                State = nameof(DeliveryState.Failed),
                LeaseUntil = DateTimeOffset.MinValue.AddYears(1),
                SendingAt = claim.SendingAt,
                ActivityId = claim.ActivityId,
                Attempts = claim.Attempts - 1,
                LastError = claim.LastError,
                UpdatedAt = claim.UpdatedAt,
            };
            await table.UpdateEntityAsync(entity, new ETag(claim.Version!), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            // Taken over meanwhile: nothing to give back.
        }
    }

    public async Task<IReadOnlyList<CheckInAnswer>> GetAnswersAsync(OccurrenceKey occurrence, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PartitionKey(occurrence)} and RowKey ge {AnswerPrefix} and RowKey lt {"answer}"}");
        var answers = new List<CheckInAnswer>();
        await foreach (var entity in table.QueryAsync<CheckInAnswerEntity>(filter, cancellationToken: cancellationToken))
        {
            answers.Add(ToDomain(occurrence, entity));
        }

        return answers;
    }

    public async Task<CheckInAnswer?> GetAnswerAsync(OccurrenceKey occurrence, string teamConversationId, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<CheckInAnswerEntity>(
            PartitionKey(occurrence), AnswerPrefix + StorageKeys.Encode(teamConversationId), cancellationToken: cancellationToken);
        return found.HasValue ? ToDomain(occurrence, found.Value!) : null;
    }

    public async Task<CheckInAnswer?> SaveAnswerAsync(CheckInAnswer answer, CancellationToken cancellationToken)
    {
        var entity = ToEntity(answer);
        try
        {
            var response = answer.Version is null
                ? await table.AddEntityAsync(entity, cancellationToken)
                : await table.UpdateEntityAsync(entity, new ETag(answer.Version), TableUpdateMode.Replace, cancellationToken);
            return answer with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412 or 404)
        {
            return null;
        }
    }

    public async Task RequestPromptsAsync(OccurrenceKey occurrence, DateTimeOffset requestedAt, string requestedBy, CancellationToken cancellationToken)
    {
        var entity = new SyncOccurrenceEntity
        {
            PartitionKey = PartitionKey(occurrence),
            RowKey = MetaRow,
            PromptsRequestedAt = requestedAt,
            PromptsRequestedBy = requestedBy,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<DateTimeOffset?> GetPromptsRequestedAsync(OccurrenceKey occurrence, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<SyncOccurrenceEntity>(PartitionKey(occurrence), MetaRow, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.PromptsRequestedAt : null;
    }

    public static string PartitionKey(OccurrenceKey occurrence) =>
        StorageKeys.Encode(occurrence.TenantId) + "|" + StorageKeys.Encode(occurrence.ArtId) + "|"
        + occurrence.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string DeliveryRowKey(DeliveryKind kind, string conversationId) => KindPrefix(kind) + StorageKeys.Encode(conversationId);

    private static string KindPrefix(DeliveryKind kind) => kind.ToString().ToLowerInvariant() + "|";

    private static SyncDelivery ToDomain(OccurrenceKey occurrence, SyncDeliveryEntity entity) => new()
    {
        Occurrence = occurrence,
        Kind = Enum.Parse<DeliveryKind>(entity.Kind),
        ConversationId = entity.ConversationId,
        State = Enum.Parse<DeliveryState>(entity.State),
        Owner = entity.Owner,
        OwnerRun = entity.OwnerRun,
        SendingAt = entity.SendingAt,
        LeaseUntil = entity.LeaseUntil,
        ActivityId = entity.ActivityId,
        Attempts = entity.Attempts,
        LastError = entity.LastError,
        UpdatedAt = entity.UpdatedAt,
        Version = entity.ETag.ToString(),
    };

    private static SyncDeliveryEntity ToEntity(SyncDelivery delivery) => new()
    {
        PartitionKey = PartitionKey(delivery.Occurrence),
        RowKey = DeliveryRowKey(delivery.Kind, delivery.ConversationId),
        Kind = delivery.Kind.ToString(),
        ConversationId = delivery.ConversationId,
        State = delivery.State.ToString(),
        Owner = delivery.Owner,
        OwnerRun = delivery.OwnerRun,
        SendingAt = delivery.SendingAt,
        LeaseUntil = delivery.LeaseUntil,
        ActivityId = delivery.ActivityId,
        Attempts = delivery.Attempts,
        LastError = delivery.LastError,
        UpdatedAt = delivery.UpdatedAt,
    };

    private static CheckInAnswerEntity ToEntity(CheckInAnswer answer) => new()
    {
        PartitionKey = PartitionKey(answer.Occurrence),
        RowKey = AnswerPrefix + StorageKeys.Encode(answer.TeamConversationId),
        TenantId = answer.Occurrence.TenantId,
        ArtId = answer.Occurrence.ArtId,
        Date = answer.Occurrence.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TeamConversationId = answer.TeamConversationId,
        TeamName = answer.TeamName,
        Status = answer.Status.ToString(),
        Progress = answer.Progress,
        Blockers = Serialize(answer.Blockers),
        Dependencies = Serialize(answer.Dependencies),
        Milestones = answer.Milestones,
        AnsweredById = answer.AnsweredBy.Id,
        AnsweredByName = answer.AnsweredBy.Name,
        AnsweredAt = answer.AnsweredAt,
        Revision = answer.Revision,
    };

    private static CheckInAnswer ToDomain(OccurrenceKey occurrence, CheckInAnswerEntity entity) => new()
    {
        Occurrence = occurrence,
        TeamConversationId = entity.TeamConversationId,
        TeamName = entity.TeamName,
        Status = Enum.TryParse<ObjectiveStatus>(entity.Status, out var status) ? status : ObjectiveStatus.AtRisk,
        Progress = entity.Progress,
        Blockers = Deserialize(entity.Blockers),
        Dependencies = Deserialize(entity.Dependencies),
        Milestones = entity.Milestones,
        AnsweredBy = new Person(entity.AnsweredById, entity.AnsweredByName),
        AnsweredAt = entity.AnsweredAt,
        Revision = entity.Revision,
        Version = entity.ETag.ToString(),
    };

    private static string Serialize(IReadOnlyList<CheckInItem> items) =>
        JsonSerializer.Serialize(items.Select(i => new StoredCheckInItem(i.Text, i.NeedsHelp, i.ImpedimentId, i.DependencyId)).ToList(), SyncJsonContext.Default.ListStoredCheckInItem);

    private static List<CheckInItem> Deserialize(string json) =>
        (JsonSerializer.Deserialize(json, SyncJsonContext.Default.ListStoredCheckInItem) ?? [])
            .Select(i => new CheckInItem(i.Text, i.NeedsHelp) { ImpedimentId = i.ImpedimentId, DependencyId = i.DependencyId }).ToList();
}
