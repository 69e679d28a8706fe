using System.Globalization;
using ArtBot.Domain.Pulses;
using ArtBot.Storage.Votes;
using Azure;
using Azure.Data.Tables;

namespace ArtBot.Storage.Pulses;

/// <summary>
/// Pulses in the <c>pulses</c> table: one partition per ART and PI (so the PI's review is one query), a
/// <c>meta|{iteration}|{team}</c> row per pulse and an <c>answer|{iteration}|{team}|{hmac}</c> row per person, keyed as
/// anonymous vote ballots are (<see cref="VoterKeys"/>): the row holds the score and the word, never an id or a name.
/// An answer is one upsert of its own row, so a changed answer replaces the earlier one and voters never contend.
/// </summary>
public sealed class PulseStore(TableClient pulses) : IPulseStore
{
    public const string TableName = "pulses";
    public const string MetaPrefix = "meta|";
    public const string AnswerPrefix = "answer|";

    public async Task<bool> CreateAsync(Pulse pulse, CancellationToken cancellationToken)
    {
        var key = pulse.Key;
        var entity = new PulseEntity
        {
            PartitionKey = PartitionKey(key.TenantId, key.ArtId, key.Pi),
            RowKey = MetaPrefix + PulsePart(key),
            TenantId = key.TenantId,
            ArtId = key.ArtId,
            Pi = key.Pi,
            Iteration = key.Iteration,
            IterationEnd = pulse.IterationEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IsInspectAndAdapt = pulse.IsInspectAndAdapt,
            TeamConversationId = key.TeamConversationId,
            PostedConversationId = pulse.PostedConversationId,
            ServiceUrl = pulse.ServiceUrl,
            ActivityId = pulse.ActivityId,
            SourceActivityId = pulse.SourceActivityId,
            Language = pulse.Language,
            TimeZone = pulse.TimeZoneId,
            Salt = VoterKeys.NewSalt(),
            CreatedAt = pulse.CreatedAt,
        };
        try
        {
            await pulses.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    public async Task<Pulse?> GetAsync(PulseKey key, CancellationToken cancellationToken) =>
        await GetEntityAsync(key, cancellationToken) is { } entity ? ToDomain(entity) : null;

    public async Task SetActivityIdAsync(PulseKey key, string activityId, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(PartitionKey(key.TenantId, key.ArtId, key.Pi), MetaPrefix + PulsePart(key)) { [nameof(PulseEntity.ActivityId)] = activityId };
        await pulses.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<bool> AnswerAsync(PulseKey key, string voterId, PulseAnswer answer, CancellationToken cancellationToken)
    {
        if (await GetEntityAsync(key, cancellationToken) is not { Closed: false, Salt: { } salt })
        {
            return false;
        }

        await pulses.UpsertEntityAsync(new PulseAnswerEntity
        {
            PartitionKey = PartitionKey(key.TenantId, key.ArtId, key.Pi),
            RowKey = AnswerRowKey(key, salt, voterId),
            Score = answer.Score,
            Word = answer.Word,
        }, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    public async Task<PulseAnswer?> FindMineAsync(PulseKey key, string voterId, CancellationToken cancellationToken)
    {
        if (await GetEntityAsync(key, cancellationToken) is not { Closed: false, Salt: { } salt })
        {
            return null;
        }

        var found = await pulses.GetEntityIfExistsAsync<PulseAnswerEntity>(
            PartitionKey(key.TenantId, key.ArtId, key.Pi), AnswerRowKey(key, salt, voterId), cancellationToken: cancellationToken);
        return found.HasValue ? new PulseAnswer(found.Value!.Score, found.Value.Word) : null;
    }

    public async Task<PulseResults?> GetResultsAsync(PulseKey key, CancellationToken cancellationToken)
    {
        if (await GetEntityAsync(key, cancellationToken) is not { } entity)
        {
            return null;
        }

        var prefix = AnswerPrefix + PulsePart(key) + "|";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {entity.PartitionKey} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        var answers = new List<PulseAnswer>();
        await foreach (var row in pulses.QueryAsync<PulseAnswerEntity>(filter, cancellationToken: cancellationToken))
        {
            answers.Add(new PulseAnswer(row.Score, row.Word));
        }

        return new PulseResults(ToDomain(entity), answers);
    }

    public async Task<IReadOnlyList<PulseResults>> ListAsync(string tenantId, string artId, string pi, CancellationToken cancellationToken)
    {
        var metas = new List<PulseEntity>();
        var answers = new Dictionary<string, List<PulseAnswer>>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(tenantId, artId, pi)}");
        await foreach (var row in pulses.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith(MetaPrefix, StringComparison.Ordinal))
            {
                metas.Add(ReadMeta(row));
            }
            else if (row.RowKey.StartsWith(AnswerPrefix, StringComparison.Ordinal))
            {
                var part = row.RowKey[AnswerPrefix.Length..row.RowKey.LastIndexOf('|')];
                if (!answers.TryGetValue(part, out var list))
                {
                    answers[part] = list = [];
                }

                list.Add(new PulseAnswer(row.GetInt32(nameof(PulseAnswerEntity.Score)) ?? 0, row.GetString(nameof(PulseAnswerEntity.Word))));
            }
        }

        return [.. metas.Select(m => new PulseResults(ToDomain(m), answers.GetValueOrDefault(m.RowKey[MetaPrefix.Length..]) ?? []))
            .OrderBy(r => r.Pulse.Iteration).ThenBy(r => r.Pulse.TeamConversationId, StringComparer.Ordinal)];
    }

    public async Task CloseAsync(PulseKey key, CancellationToken cancellationToken)
    {
        while (await GetEntityAsync(key, cancellationToken) is { } entity && (!entity.Closed || entity.Salt is not null))
        {
            entity.Closed = true;
            entity.Salt = null; // no answer can be linked to a person any more, not even by hashing their id again
            try
            {
                await pulses.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // changed meanwhile (the card's activity id, a concurrent close): read again
            }
        }
    }

    public static string PartitionKey(string tenantId, string artId, string pi) =>
        StorageKeys.Encode(tenantId) + "|" + StorageKeys.Encode(artId) + "|" + StorageKeys.Encode(pi);

    private static string PulsePart(PulseKey key) =>
        key.Iteration.ToString("D2", CultureInfo.InvariantCulture) + "|" + StorageKeys.Encode(key.TeamConversationId);

    private static string AnswerRowKey(PulseKey key, string salt, string voterId) =>
        AnswerPrefix + PulsePart(key) + "|" + VoterKeys.AnonymousKey(salt, voterId);

    private async Task<PulseEntity?> GetEntityAsync(PulseKey key, CancellationToken cancellationToken)
    {
        var found = await pulses.GetEntityIfExistsAsync<PulseEntity>(
            PartitionKey(key.TenantId, key.ArtId, key.Pi), MetaPrefix + PulsePart(key), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    private static PulseEntity ReadMeta(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        ETag = row.ETag,
        TenantId = row.GetString(nameof(PulseEntity.TenantId)) ?? "",
        ArtId = row.GetString(nameof(PulseEntity.ArtId)) ?? "",
        Pi = row.GetString(nameof(PulseEntity.Pi)) ?? "",
        Iteration = row.GetInt32(nameof(PulseEntity.Iteration)) ?? 0,
        IterationEnd = row.GetString(nameof(PulseEntity.IterationEnd)) ?? "",
        IsInspectAndAdapt = row.GetBoolean(nameof(PulseEntity.IsInspectAndAdapt)) ?? false,
        TeamConversationId = row.GetString(nameof(PulseEntity.TeamConversationId)) ?? "",
        PostedConversationId = row.GetString(nameof(PulseEntity.PostedConversationId)) ?? "",
        ServiceUrl = row.GetString(nameof(PulseEntity.ServiceUrl)) ?? "",
        ActivityId = row.GetString(nameof(PulseEntity.ActivityId)),
        SourceActivityId = row.GetString(nameof(PulseEntity.SourceActivityId)),
        Language = row.GetString(nameof(PulseEntity.Language)),
        TimeZone = row.GetString(nameof(PulseEntity.TimeZone)),
        Salt = row.GetString(nameof(PulseEntity.Salt)),
        Closed = row.GetBoolean(nameof(PulseEntity.Closed)) ?? false,
        CreatedAt = row.GetDateTimeOffset(nameof(PulseEntity.CreatedAt)) ?? DateTimeOffset.MinValue,
    };

    private static Pulse ToDomain(PulseEntity entity) => new()
    {
        TenantId = entity.TenantId,
        ArtId = entity.ArtId,
        Pi = entity.Pi,
        Iteration = entity.Iteration,
        IterationEnd = DateOnly.ParseExact(entity.IterationEnd, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        IsInspectAndAdapt = entity.IsInspectAndAdapt,
        TeamConversationId = entity.TeamConversationId,
        PostedConversationId = entity.PostedConversationId,
        ServiceUrl = entity.ServiceUrl,
        ActivityId = entity.ActivityId,
        SourceActivityId = entity.SourceActivityId,
        Language = entity.Language,
        TimeZoneId = entity.TimeZone,
        IsClosed = entity.Closed,
        CreatedAt = entity.CreatedAt,
    };
}
