using System.Collections.Concurrent;
using System.Globalization;
using ArtBot.Domain.Text;
using ArtBot.Domain.Votes;
using Azure.Data.Tables;
using Azure;

namespace ArtBot.Storage.Votes;

/// <summary>
/// Votes in the <c>votes</c> table (PK vote id; RK <c>meta</c> for the vote, one row per voter for ballots, one per
/// concern), the per-conversation history in <c>voteindex</c> and due deadlines in <c>votedue</c>. A ballot is one
/// unconditional upsert of the voter's own row, so voters never contend with each other and a redelivered ballot
/// counts once; the ballots of a burst go to storage together (<see cref="BallotWriter"/>). Everything about one vote is
/// one partition, so <see cref="ReadStateAsync"/> is a single query.
/// </summary>
public sealed class VoteStore(TableClient votes, TableClient index, TableClient due) : IVoteStore
{
    public const string TableName = "votes";
    public const string IndexTableName = "voteindex";
    public const string DueTableName = "votedue";
    public const string MetaRowKey = "meta";
    public const string ConcernPrefix = "concern-";
    /// <summary>Row key prefix of a voter's claimed concern prompt (keyed like the ballot).</summary>
    public const string PromptPrefix = "prompt-";
    public const string DuePartitionKey = "due";

    // Salts never change while a vote is open, so one read per vote per instance is enough.
    private readonly ConcurrentDictionary<string, string> _salts = new(StringComparer.Ordinal);

    private readonly BallotWriter _ballots = new(votes);

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
            HideResults = vote.HideResults,
            Salt = vote.Anonymous ? VoterKeys.NewSalt() : null,
            CreatorId = vote.CreatorId,
            CreatorChannelId = vote.CreatorChannelId,
            CreatorName = vote.CreatorName,
            CreatedAt = vote.CreatedAt,
            Language = vote.Locale?.Language,
            TimeZone = vote.Locale?.TimeZoneId,
            DurationMinutes = vote.DurationMinutes,
            Deadline = vote.Deadline,
            ActivityId = vote.ActivityId,
            Round = vote.Round,
            PreviousVoteId = vote.PreviousVoteId,
            ArtId = vote.ArtId,
            PiName = vote.PiName,
            Scope = vote.Scope.ToString(),
            TeamName = vote.TeamName,
            Commitment = vote.Commitment,
            MeetingId = vote.MeetingId,
            IndexRowKey = indexRowKey,
        };

        // The deadline row goes first: a vote never exists without it (a crash in between leaves a harmless row
        // that the sweep removes because its vote does not exist).
        if (vote.Deadline is { } deadline)
        {
            await due.UpsertEntityAsync(new DueVoteEntity { RowKey = DueRowKey(deadline, vote.Id), VoteId = vote.Id, Deadline = deadline }, TableUpdateMode.Replace, cancellationToken);
        }

        try
        {
            await votes.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }

        foreach (var partition in IndexPartitions(vote.TenantId, vote.ConversationId, vote.ArtId))
        {
            await index.UpsertEntityAsync(new VoteIndexEntity
            {
                PartitionKey = partition,
                RowKey = indexRowKey,
                VoteId = vote.Id,
                Question = vote.Question,
                Anonymous = vote.Anonymous,
                HideResults = vote.HideResults,
                Round = vote.Round,
                CreatedAt = vote.CreatedAt,
                ConversationId = vote.ConversationId,
                PiName = vote.PiName,
                Scope = vote.Scope.ToString(),
                TeamName = vote.TeamName,
            }, TableUpdateMode.Replace, cancellationToken);
        }

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

    public async Task<string> CastAsync(Vote vote, string voterId, string? voterName, string? channelUserId, int value, CancellationToken cancellationToken)
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
            VoterId = vote.Anonymous ? null : voterId,
            ChannelUserId = vote.Anonymous ? null : channelUserId,
        };
        var etag = await _ballots.WriteAsync(ballot, cancellationToken);
        return BallotReceipts.Of(ballot.RowKey, etag);
    }

    public async Task<int?> GetBallotAsync(Vote vote, string voterId, CancellationToken cancellationToken)
    {
        string rowKey;
        try
        {
            rowKey = await BallotRowKeyAsync(vote, voterId, cancellationToken);
        }
        catch (VoteClosedException)
        {
            return null; // a closed anonymous vote cannot link anybody to a ballot any more
        }

        var found = await votes.GetEntityIfExistsAsync<BallotEntity>(vote.Id, rowKey, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.Value : null;
    }

    public async Task<VoteState?> ReadStateAsync(string voteId, CancellationToken cancellationToken)
    {
        var (meta, state) = await ReadPartitionAsync(voteId, cancellationToken);
        return meta is null ? null : state;
    }

    public async Task<bool> ClaimConcernPromptAsync(Vote vote, string voterId, CancellationToken cancellationToken)
    {
        var ballotKey = await BallotRowKeyAsync(vote, voterId, cancellationToken);
        try
        {
            await votes.AddEntityAsync(new TableEntity(vote.Id, PromptPrefix + ballotKey[VoterKeys.BallotPrefix.Length..]), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false; // prompted already (another ballot of the same voter, maybe on another instance)
        }
    }

    public async Task MarkConcernRaisedAsync(string voteId, string concernId, string riskId, CancellationToken cancellationToken) =>
        await votes.UpdateEntityAsync(
            new TableEntity(voteId, ConcernPrefix + concernId) { [nameof(VoteConcern.RiskId)] = riskId }, ETag.All, TableUpdateMode.Merge, cancellationToken);

    public async Task AddConcernAsync(Vote vote, string concernId, string text, string? authorName, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(vote.Id, ConcernPrefix + concernId) { ["Text"] = text };
        if (!vote.Anonymous && authorName is not null)
        {
            entity["AuthorName"] = authorName;
        }

        await votes.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> BeginCloseAsync(string voteId, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entity = await GetEntityAsync(voteId, cancellationToken)
                ?? throw new InvalidOperationException($"Vote {voteId} does not exist.");
            if (entity.ClosedAt is not null)
            {
                return false;
            }

            entity.ClosedAt = closedAt;
            entity.Salt = null; // no ballot can be linked to a voter any more, not even by recomputing the hash
            try
            {
                await votes.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                _salts.TryRemove(voteId, out _);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // changed meanwhile (activity id, a concurrent close): read again
            }
        }
    }

    public async Task<VoteState> FinishCloseAsync(string voteId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (meta, state) = await ReadPartitionAsync(voteId, cancellationToken);
            if (meta is null || state is null)
            {
                throw new InvalidOperationException($"Vote {voteId} does not exist.");
            }

            if (meta.ClosedAt is not { } closedAt)
            {
                throw new InvalidOperationException($"Vote {voteId} is not closed; call BeginCloseAsync first.");
            }

            if (state.Final is not null)
            {
                return state;
            }

            // Every ballot whose write completed before the close was marked is in this read (see VoteService).
            var tally = VoteTally.From(state.Ballots.Select(b => b.Value));
            var counted = state.Ballots.Select(b => b.Receipt!).ToList();
            var patch = new TableEntity(voteId, MetaRowKey)
            {
                [nameof(VoteEntity.FinalCount)] = tally.Count,
                [nameof(VoteEntity.FinalAverage)] = tally.Average,
                [nameof(VoteEntity.FinalDistribution)] = string.Join(',', tally.Distribution),
                [nameof(VoteEntity.FinalCounted)] = BallotReceipts.Join(counted),
            };
            try
            {
                await votes.UpdateEntityAsync(patch, meta.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                continue; // someone else froze it first (or the activity id changed): read again
            }

            foreach (var partition in IndexPartitions(meta.TenantId, meta.ConversationId, meta.ArtId))
            {
                await index.UpsertEntityAsync(new TableEntity(partition, meta.IndexRowKey)
                {
                    [nameof(VoteIndexEntity.ClosedAt)] = closedAt,
                    [nameof(VoteIndexEntity.FinalCount)] = tally.Count,
                    [nameof(VoteIndexEntity.FinalAverage)] = tally.Average,
                    [nameof(VoteIndexEntity.FinalDistribution)] = string.Join(',', tally.Distribution),
                }, TableUpdateMode.Merge, cancellationToken);
            }
            return state with { Final = new VoteFinal(tally, BallotReceipts.Split(BallotReceipts.Join(counted))) };
        }
    }

    public Task<IReadOnlyList<VoteSummary>> ListAsync(string tenantId, string conversationId, int max, CancellationToken cancellationToken) =>
        ListIndexAsync(IndexPartitionKey(tenantId, conversationId), max, cancellationToken);

    public Task<IReadOnlyList<VoteSummary>> ListForArtAsync(string tenantId, string artId, int max, CancellationToken cancellationToken) =>
        ListIndexAsync(ArtIndexPartitionKey(tenantId, artId), max, cancellationToken);

    /// <summary>A vote is listed in its conversation's partition and, in an ART, in the ART's (the PI roll-up).</summary>
    private static IEnumerable<string> IndexPartitions(string tenantId, string conversationId, string? artId) =>
        artId is null ? [IndexPartitionKey(tenantId, conversationId)] : [IndexPartitionKey(tenantId, conversationId), ArtIndexPartitionKey(tenantId, artId)];

    public static string ArtIndexPartitionKey(string tenantId, string artId) => StorageKeys.Encode(tenantId + "|art|" + artId);

    private async Task<IReadOnlyList<VoteSummary>> ListIndexAsync(string partition, int max, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var list = new List<VoteSummary>();
        await foreach (var row in index.QueryAsync<VoteIndexEntity>(filter, maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
        {
            list.Add(new VoteSummary(row.VoteId, row.Question, row.Anonymous, row.CreatedAt, row.ClosedAt, FinalTally(row.FinalCount, row.FinalAverage, row.FinalDistribution))
            {
                Round = row.Round,
                HideResults = row.HideResults,
                PiName = row.PiName,
                Scope = row.Scope == nameof(VoteScope.Art) ? VoteScope.Art : VoteScope.Team,
                TeamName = row.TeamName,
                ConversationId = row.ConversationId,
            });
            if (list.Count >= max)
            {
                break;
            }
        }

        return list;
    }

    public async Task<IReadOnlyList<DueVote>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var upTo = DueRowKey(now, "~"); // '~' sorts after every hex digit: all rows due at or before now
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DuePartitionKey} and RowKey lt {upTo}");
        var list = new List<DueVote>();
        await foreach (var row in due.QueryAsync<DueVoteEntity>(filter, maxPerPage: Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken))
        {
            list.Add(new DueVote(row.VoteId, row.Deadline));
            if (list.Count >= max)
            {
                break;
            }
        }

        return list;
    }

    public async Task RemoveDueAsync(DueVote dueVote, CancellationToken cancellationToken) =>
        await due.DeleteEntityAsync(DuePartitionKey, DueRowKey(dueVote.Deadline, dueVote.VoteId), cancellationToken: cancellationToken);

    /// <summary>Newest first: the row key starts with the inverted creation time.</summary>
    public static string IndexRowKey(DateTimeOffset createdAt, string voteId) =>
        (DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + voteId;

    /// <summary>Oldest deadline first.</summary>
    public static string DueRowKey(DateTimeOffset deadline, string voteId) =>
        deadline.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + voteId;

    public static string IndexPartitionKey(string tenantId, string conversationId) =>
        StorageKeys.Encode(tenantId + "|" + conversationId);

    private async Task<(VoteEntity? Meta, VoteState? State)> ReadPartitionAsync(string voteId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {voteId}");
        VoteEntity? meta = null;
        var ballots = new List<Ballot>();
        var concerns = new List<VoteConcern>();
        await foreach (var row in votes.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == MetaRowKey)
            {
                meta = ToMetaEntity(row);
            }
            else if (row.RowKey.StartsWith(VoterKeys.BallotPrefix, StringComparison.Ordinal) && row.GetInt32(nameof(BallotEntity.Value)) is { } value)
            {
                ballots.Add(new Ballot(value, row.GetString(nameof(BallotEntity.VoterName)))
                {
                    VoterId = row.GetString(nameof(BallotEntity.VoterId)),
                    ChannelUserId = row.GetString(nameof(BallotEntity.ChannelUserId)),
                    CastAt = row.Timestamp,
                    Receipt = BallotReceipts.Of(row.RowKey, row.ETag.ToString()),
                });
            }
            else if (row.RowKey.StartsWith(ConcernPrefix, StringComparison.Ordinal))
            {
                concerns.Add(new VoteConcern(row.GetString("Text") ?? "", row.GetString("AuthorName"))
                {
                    Id = row.RowKey[ConcernPrefix.Length..],
                    RiskId = row.GetString(nameof(VoteConcern.RiskId)),
                });
            }
        }

        if (meta is null)
        {
            return (null, null);
        }

        RememberSalt(voteId, meta.Salt);
        var final = FinalTally(meta.FinalCount, meta.FinalAverage, meta.FinalDistribution) is { } tally
            ? new VoteFinal(tally, BallotReceipts.Split(meta.FinalCounted))
            : null;
        return (meta, new VoteState(ToDomain(meta), ballots, concerns, final));
    }

    private static VoteEntity ToMetaEntity(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        ETag = row.ETag,
        Timestamp = row.Timestamp,
        TenantId = row.GetString(nameof(VoteEntity.TenantId)) ?? "",
        ConversationId = row.GetString(nameof(VoteEntity.ConversationId)) ?? "",
        PostedConversationId = row.GetString(nameof(VoteEntity.PostedConversationId)) ?? "",
        ServiceUrl = row.GetString(nameof(VoteEntity.ServiceUrl)) ?? "",
        Question = row.GetString(nameof(VoteEntity.Question)) ?? "",
        Anonymous = row.GetBoolean(nameof(VoteEntity.Anonymous)) ?? false,
        HideResults = row.GetBoolean(nameof(VoteEntity.HideResults)) ?? false,
        Salt = row.GetString(nameof(VoteEntity.Salt)),
        CreatorId = row.GetString(nameof(VoteEntity.CreatorId)) ?? "",
        CreatorChannelId = row.GetString(nameof(VoteEntity.CreatorChannelId)),
        CreatorName = row.GetString(nameof(VoteEntity.CreatorName)),
        CreatedAt = row.GetDateTimeOffset(nameof(VoteEntity.CreatedAt)) ?? default,
        Language = row.GetString(nameof(VoteEntity.Language)),
        TimeZone = row.GetString(nameof(VoteEntity.TimeZone)),
        DurationMinutes = row.GetInt32(nameof(VoteEntity.DurationMinutes)),
        Deadline = row.GetDateTimeOffset(nameof(VoteEntity.Deadline)),
        ClosedAt = row.GetDateTimeOffset(nameof(VoteEntity.ClosedAt)),
        ActivityId = row.GetString(nameof(VoteEntity.ActivityId)),
        Round = row.GetInt32(nameof(VoteEntity.Round)) ?? 1,
        PreviousVoteId = row.GetString(nameof(VoteEntity.PreviousVoteId)),
        ArtId = row.GetString(nameof(VoteEntity.ArtId)),
        PiName = row.GetString(nameof(VoteEntity.PiName)),
        Scope = row.GetString(nameof(VoteEntity.Scope)) ?? nameof(VoteScope.Team),
        TeamName = row.GetString(nameof(VoteEntity.TeamName)),
        Commitment = row.GetString(nameof(VoteEntity.Commitment)),
        MeetingId = row.GetString(nameof(VoteEntity.MeetingId)),
        IndexRowKey = row.GetString(nameof(VoteEntity.IndexRowKey)) ?? "",
        FinalCount = row.GetInt32(nameof(VoteEntity.FinalCount)),
        FinalAverage = row.GetDouble(nameof(VoteEntity.FinalAverage)),
        FinalDistribution = row.GetString(nameof(VoteEntity.FinalDistribution)),
        FinalCounted = row.GetString(nameof(VoteEntity.FinalCounted)),
    };

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
        var salt = entity?.Salt ?? throw new VoteClosedException(vote.Id);
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
        RememberSalt(voteId, entity.Salt);
        return entity;
    }

    private void RememberSalt(string voteId, string? salt)
    {
        if (salt is not null)
        {
            _salts.TryAdd(voteId, salt);
        }
        else
        {
            _salts.TryRemove(voteId, out _);
        }
    }

    private static VoteTally? FinalTally(int? finalCount, double? finalAverage, string? finalDistribution)
    {
        if (finalCount is not { } count || finalAverage is not { } average)
        {
            return null;
        }

        var distribution = (finalDistribution ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
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
        HideResults = entity.HideResults,
        CreatorId = entity.CreatorId,
        CreatorChannelId = entity.CreatorChannelId,
        CreatorName = entity.CreatorName,
        CreatedAt = entity.CreatedAt,
        DurationMinutes = entity.DurationMinutes,
        Deadline = entity.Deadline,
        ClosedAt = entity.ClosedAt,
        ActivityId = entity.ActivityId,
        Round = entity.Round,
        PreviousVoteId = entity.PreviousVoteId,
        ArtId = entity.ArtId,
        PiName = entity.PiName,
        Scope = entity.Scope == nameof(VoteScope.Art) ? VoteScope.Art : VoteScope.Team,
        TeamName = entity.TeamName,
        Commitment = entity.Commitment,
        MeetingId = entity.MeetingId,
        Locale = entity.Language is { Length: > 0 } language ? new CardLocale(language, entity.TimeZone) : null,
    };
}
