using System.Globalization;
using ArtBot.Domain.Meetings;
using Azure;
using Azure.Data.Tables;

namespace ArtBot.Storage.Meetings;

/// <summary>Meetings in the <c>meetings</c> table, one partition per meeting (see <see cref="MeetingEntity"/>).</summary>
public sealed class MeetingStore(TableClient table) : IMeetingStore
{
    public const string TableName = "meetings";
    private const string MeetingRowKey = "meeting";
    private const string VotePrefix = "vote-";
    private const string PresencePrefix = "in-";

    public async Task<Meeting?> GetAsync(string tenantId, string meetingId, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<MeetingEntity>(Partition(tenantId, meetingId), MeetingRowKey, cancellationToken: cancellationToken);
        return found.HasValue ? ToDomain(found.Value!) : null;
    }

    public async Task<Meeting> SaveAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = await table.GetEntityIfExistsAsync<MeetingEntity>(Partition(meeting.TenantId, meeting.MeetingId), MeetingRowKey, cancellationToken: cancellationToken);
            var entity = found.HasValue ? found.Value! : new MeetingEntity
            {
                PartitionKey = Partition(meeting.TenantId, meeting.MeetingId),
                RowKey = MeetingRowKey,
                TenantId = meeting.TenantId,
                MeetingId = meeting.MeetingId,
                ArtId = meeting.ArtId,
                TeamConversationId = meeting.TeamConversationId,
                TeamName = meeting.TeamName,
            };
            var unchanged = found.HasValue && entity.ChatId == meeting.ChatId && entity.ServiceUrl == meeting.ServiceUrl
                && (meeting.Title is null || entity.Title == meeting.Title) && (meeting.ScheduledEnd is null || entity.ScheduledEnd == meeting.ScheduledEnd);
            if (unchanged)
            {
                return ToDomain(entity); // most sightings change nothing: no write
            }

            entity.ChatId = meeting.ChatId;
            entity.ServiceUrl = meeting.ServiceUrl;
            entity.Title = meeting.Title ?? entity.Title;
            entity.ScheduledEnd = meeting.ScheduledEnd ?? entity.ScheduledEnd;
            try
            {
                var response = found.HasValue
                    ? await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken)
                    : await table.AddEntityAsync(entity, cancellationToken);
                entity.ETag = response.Headers.ETag ?? default;
                return ToDomain(entity);
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // stored or changed by another delivery meanwhile: read again
            }
        }
    }

    public async Task<Meeting?> LinkAsync(Meeting meeting, string artId, string? teamConversationId, string? teamName, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(Partition(meeting.TenantId, meeting.MeetingId), MeetingRowKey)
        {
            [nameof(MeetingEntity.ArtId)] = artId,
            [nameof(MeetingEntity.TeamConversationId)] = teamConversationId,
            [nameof(MeetingEntity.TeamName)] = teamName,
        };
        try
        {
            var response = await table.UpdateEntityAsync(patch, meeting.Version is { } version ? new ETag(version) : ETag.All, TableUpdateMode.Merge, cancellationToken);
            return meeting with { ArtId = artId, TeamConversationId = teamConversationId, TeamName = teamName, Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return null;
        }
    }

    public async Task AddVoteAsync(string tenantId, string meetingId, string voteId, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(new TableEntity(Partition(tenantId, meetingId), VoteRowKey(createdAt, voteId)) { ["VoteId"] = voteId }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<string>> ListVoteIdsAsync(string tenantId, string meetingId, int max, CancellationToken cancellationToken)
    {
        var partition = Partition(tenantId, meetingId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {VotePrefix} and RowKey lt {VotePrefix + "~"}");
        var ids = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: max, select: ["VoteId"], cancellationToken: cancellationToken))
        {
            if (row.GetString("VoteId") is { Length: > 0 } id)
            {
                ids.Add(id);
            }

            if (ids.Count >= max)
            {
                break;
            }
        }

        return ids;
    }

    public async Task<bool> MarkEndedAsync(string tenantId, string meetingId, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = await table.GetEntityIfExistsAsync<MeetingEntity>(Partition(tenantId, meetingId), MeetingRowKey, cancellationToken: cancellationToken);
            if (!found.HasValue || found.Value!.EndedAt is not null)
            {
                return false;
            }

            var entity = found.Value;
            entity.EndedAt = endedAt;
            try
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // changed meanwhile (a link, another end event): read again
            }
        }
    }

    public async Task SetPresenceAsync(string tenantId, string meetingId, IReadOnlyCollection<(string UserId, bool InMeeting)> changes, CancellationToken cancellationToken)
    {
        var partition = Partition(tenantId, meetingId);
        var actions = changes.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity(partition, PresencePrefix + StorageKeys.Encode(c.UserId)) { ["InMeeting"] = c.InMeeting })).ToList();
        foreach (var batch in actions.Chunk(100))
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    public async Task<int?> CountPresentAsync(string tenantId, string meetingId, CancellationToken cancellationToken)
    {
        var partition = Partition(tenantId, meetingId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {PresencePrefix} and RowKey lt {PresencePrefix + "~"}");
        int? present = null;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["InMeeting"], cancellationToken: cancellationToken))
        {
            present = (present ?? 0) + (row.GetBoolean("InMeeting") == true ? 1 : 0);
        }

        return present;
    }

    private static string Partition(string tenantId, string meetingId) => StorageKeys.Encode(tenantId + "|" + meetingId);

    private static string VoteRowKey(DateTimeOffset createdAt, string voteId) =>
        VotePrefix + (DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + voteId;

    private static Meeting ToDomain(MeetingEntity entity) => new()
    {
        TenantId = entity.TenantId,
        MeetingId = entity.MeetingId,
        ChatId = entity.ChatId,
        ServiceUrl = entity.ServiceUrl,
        Title = entity.Title,
        ArtId = entity.ArtId,
        TeamConversationId = entity.TeamConversationId,
        TeamName = entity.TeamName,
        ScheduledEnd = entity.ScheduledEnd,
        EndedAt = entity.EndedAt,
        Version = entity.ETag.ToString(),
    };
}
