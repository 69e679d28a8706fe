using System.Globalization;
using ArtBot.Domain.Votes;
using ArtBot.Storage.Tables;
using Azure;

namespace ArtBot.Storage.Votes;

/// <summary>
/// Votes in the <c>votes</c> table (PK vote id; RK <c>meta</c> for the vote, one row per voter for ballots) and
/// the per-conversation history in <c>voteindex</c>. A ballot is one unconditional upsert of the voter's own row,
/// so voters never contend with each other and a redelivered ballot counts once.
/// </summary>
public sealed class VoteStore(TableClient votes, TableClient index) : IVoteStore
{
    public const string TableName = "votes";
    public const string IndexTableName = "voteindex";
    public const string MetaRowKey = "meta";
    public const string ConcernPrefix = "concern-";

    // Salts never change while a vote is open, so one read per vote per instance is enough.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _salts = new(StringComparer.Ordinal);

    public async Task<bool> CreateAsync(Vote vote, CancellationToken cancellationToken)
    {
        var indexRowKey = IndexRowKey(vote.CreatedAt, vote.Id);
        var entity = new VoteEntity
        {
            PartitionKey = vote.Id,
            TenantId = vote.TenantId,
            ConversationId = vote.ConversationId,
            PostedConversationId = vote.PostedConversationId,
            ServiceUrl = vote.ServiceUrl,
            Question = vote.Question,
            Anonymous = vote.Anonymous,
            Salt = vote.Anonymous ? VoterKeys.NewSalt() : null,
            CreatorId = vote.CreatorId,
            CreatorName = vote.CreatorName,
            CreatedAt = vote.CreatedAt,
            ActivityId = vote.ActivityId,
            Round = vote.Round,
            PreviousVoteId = vote.PreviousVoteId,
            IndexRowKey = indexRowKey,
        };
        try
        {
            await votes.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }

        await index.UpsertEntityAsync(new VoteIndexEntity
        {
            PartitionKey = IndexPartitionKey(vote.TenantId, vote.ConversationId),
            RowKey = indexRowKey,
            VoteId = vote.Id,
            Question = vote.Question,
            Anonymous = vote.Anonymous,
            CreatedAt = vote.CreatedAt,
        }, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    public async Task SetActivityIdAsync(string voteId, string activityId, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(voteId, MetaRowKey) { [nameof(VoteEntity.ActivityId)] = activityId };
        await votes.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<Vote?> GetAsync(string voteId, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(voteId, cancellationToken);
        return entity is null ? null : ToDomain(entity);
    }

    public async Task CastAsync(Vote vote, string voterId, string? voterName, int value, CancellationToken cancellationToken)
    {
        if (!VoteScale.IsValid(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A vote is 1 to 5.");
        }

        var ballot = new BallotEntity
        {
            PartitionKey = vote.Id,
            RowKey = await BallotRowKeyAsync(vote, voterId, cancellationToken),
            Value = value,
            VoterName = vote.Anonymous ? null : voterName,
        };
        await votes.UpsertEntityAsync(ballot, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<int?> GetBallotAsync(Vote vote, string voterId, CancellationToken cancellationToken)
    {
        var found = await votes.GetEntityIfExistsAsync<BallotEntity>(
            vote.Id, await BallotRowKeyAsync(vote, voterId, cancellationToken), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.Value : null;
    }

    public async Task<IReadOnlyList<Ballot>> GetBallotsAsync(string voteId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {voteId} and RowKey ge {VoterKeys.BallotPrefix} and RowKey lt {"ballot."}");
        var ballots = new List<Ballot>();
        await foreach (var entity in votes.QueryAsync<BallotEntity>(filter, cancellationToken: cancellationToken))
        {
            ballots.Add(new Ballot(entity.Value, entity.VoterName));
        }

        return ballots;
    }

    public async Task AddConcernAsync(Vote vote, string concernId, string text, string? authorName, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(vote.Id, ConcernPrefix + concernId) { ["Text"] = text };
        if (!vote.Anonymous && authorName is not null)
        {
            entity["AuthorName"] = authorName;
        }

        await votes.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<VoteConcern>> GetConcernsAsync(string voteId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {voteId} and RowKey ge {ConcernPrefix} and RowKey lt {"concern."}");
        var concerns = new List<VoteConcern>();
        await foreach (var entity in votes.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            concerns.Add(new VoteConcern(entity.GetString("Text") ?? "", entity.GetString("AuthorName")));
        }

        return concerns;
    }

    public async Task<bool> CloseAsync(Vote vote, DateTimeOffset closedAt, VoteTally finalTally, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entity = await GetEntityAsync(vote.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Vote {vote.Id} does not exist.");
            if (entity.ClosedAt is not null)
            {
                return false;
            }

            entity.ClosedAt = closedAt;
            entity.Salt = null; // no ballot can be linked to a voter any more, not even by recomputing the hash
            try
            {
                await votes.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                continue; // changed meanwhile (activity id, a concurrent close): read again
            }

            var patch = new TableEntity(IndexPartitionKey(entity.TenantId, entity.ConversationId), entity.IndexRowKey)
            {
                [nameof(VoteIndexEntity.ClosedAt)] = closedAt,
                [nameof(VoteIndexEntity.FinalCount)] = finalTally.Count,
                [nameof(VoteIndexEntity.FinalAverage)] = finalTally.Average,
                [nameof(VoteIndexEntity.FinalDistribution)] = string.Join(',', finalTally.Distribution),
            };
            await index.UpsertEntityAsync(patch, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
    }

    public async Task<IReadOnlyList<VoteSummary>> ListAsync(string tenantId, string conversationId, int max, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartitionKey(tenantId, conversationId)}");
        var list = new List<VoteSummary>();
        await foreach (var row in index.QueryAsync<VoteIndexEntity>(filter, maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
        {
            list.Add(new VoteSummary(row.VoteId, row.Question, row.Anonymous, row.CreatedAt, row.ClosedAt, FinalTally(row)));
            if (list.Count >= max)
            {
                break;
            }
        }

        return list;
    }

    /// <summary>Newest first: the row key starts with the inverted creation time.</summary>
    public static string IndexRowKey(DateTimeOffset createdAt, string voteId) =>
        (DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + voteId;

    public static string IndexPartitionKey(string tenantId, string conversationId) =>
        StorageKeys.Encode(tenantId + "|" + conversationId);

    private async Task<string> BallotRowKeyAsync(Vote vote, string voterId, CancellationToken cancellationToken)
    {
        if (!vote.Anonymous)
        {
            return VoterKeys.RowKey(null, voterId);
        }

        if (_salts.TryGetValue(vote.Id, out var cached))
        {
            return VoterKeys.RowKey(cached, voterId);
        }

        var entity = await GetEntityAsync(vote.Id, cancellationToken);
        var salt = entity?.Salt ?? throw new InvalidOperationException($"Vote {vote.Id} is closed or unknown; its ballots cannot be changed.");
        return VoterKeys.RowKey(salt, voterId);
    }

    private async Task<VoteEntity?> GetEntityAsync(string voteId, CancellationToken cancellationToken)
    {
        var found = await votes.GetEntityIfExistsAsync<VoteEntity>(voteId, MetaRowKey, cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return null;
        }

        var entity = found.Value!;
        if (entity.Salt is { } salt)
        {
            _salts.TryAdd(voteId, salt);
        }
        else
        {
            _salts.TryRemove(voteId, out _);
        }

        return entity;
    }

    private static VoteTally? FinalTally(VoteIndexEntity row)
    {
        if (row.FinalCount is not { } count || row.FinalAverage is not { } average)
        {
            return null;
        }

        var distribution = (row.FinalDistribution ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToArray();
        return new VoteTally(count, average, distribution.Length == VoteScale.Max ? distribution : [0, 0, 0, 0, 0]);
    }

    private static Vote ToDomain(VoteEntity entity) => new()
    {
        Id = entity.PartitionKey,
        TenantId = entity.TenantId,
        ConversationId = entity.ConversationId,
        PostedConversationId = entity.PostedConversationId,
        ServiceUrl = entity.ServiceUrl,
        Question = entity.Question,
        Anonymous = entity.Anonymous,
        CreatorId = entity.CreatorId,
        CreatorName = entity.CreatorName,
        CreatedAt = entity.CreatedAt,
        ClosedAt = entity.ClosedAt,
        ActivityId = entity.ActivityId,
        Round = entity.Round,
        PreviousVoteId = entity.PreviousVoteId,
    };
}
