using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ArtBot.Domain.Improvements;
using Azure.Data.Tables;
using Azure;

namespace ArtBot.Storage.Improvements;

/// <summary>
/// Improvement items in the <c>improvements</c> table: one partition per scope (an ART, or a conversation without
/// one), RK <c>item-{id}</c> per item and <c>hist-{id}-{ticks}-{n}</c> per change. An update replaces the item with
/// its ETag and appends its history rows in the same transaction: a change is stored with its history or not at
/// all, and a change made from a stale copy is refused, never silently overwriting another.
/// </summary>
public sealed class ImprovementStore(TableClient improvements) : IImprovementStore
{
    public const string TableName = "improvements";
    public const string ItemPrefix = "item-";
    public const string HistoryPrefix = "hist-";
    public const string CarryPrefix = "carry-";

    public async Task<bool> CreateAsync(ImprovementItem item, ImprovementChange created, CancellationToken cancellationToken)
    {
        var entity = ToEntity(item);
        return await improvements.AddWithHistoryAsync(entity, History(entity.PartitionKey, item.Id, created, 0), cancellationToken);
    }

    public async Task<ImprovementItem?> GetAsync(ImprovementScope scope, string itemId, CancellationToken cancellationToken)
    {
        var found = await improvements.GetEntityIfExistsAsync<ImprovementEntity>(PartitionKey(scope), ItemPrefix + itemId, cancellationToken: cancellationToken);
        return found.HasValue ? ToDomain(found.Value!) : null;
    }

    public async Task<IReadOnlyList<ImprovementItem>> ListAsync(ImprovementScope scope, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(scope)} and RowKey ge {ItemPrefix} and RowKey lt {"item."}");
        var items = new List<ImprovementItem>();
        await foreach (var entity in improvements.QueryAsync<ImprovementEntity>(filter, cancellationToken: cancellationToken))
        {
            items.Add(ToDomain(entity));
        }

        return [.. items.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    public async Task<ImprovementItem?> UpdateAsync(ImprovementItem item, IReadOnlyList<ImprovementChange> changes, CancellationToken cancellationToken)
    {
        if (item.Version is not { Length: > 0 } version)
        {
            throw new ArgumentException("Only an item read from the store (with its version) can be updated.", nameof(item));
        }

        var entity = ToEntity(item);
        var (stored, etag) = await improvements.ReplaceWithHistoryAsync(
            entity, version, changes.Select((change, n) => History(entity.PartitionKey, item.Id, change, n)), cancellationToken);
        return !stored ? null
            : etag is { } tag ? item with { Version = tag.ToString() }
            : await GetAsync(item.Scope, item.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<ImprovementChange>> GetHistoryAsync(ImprovementScope scope, string itemId, CancellationToken cancellationToken)
    {
        var prefix = HistoryPrefix + itemId + "-";
        var end = HistoryPrefix + itemId + ".";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(scope)} and RowKey ge {prefix} and RowKey lt {end}");
        var changes = new List<ImprovementChange>();
        await foreach (var row in improvements.QueryAsync<ImprovementHistoryEntity>(filter, cancellationToken: cancellationToken))
        {
            changes.Add(new ImprovementChange(row.At, row.ById, row.ByName, row.Field, row.From, row.To));
        }

        return changes;
    }

    public async Task<bool> TryClaimCarryOverAsync(ImprovementScope scope, string pi, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var marker = new TableEntity(PartitionKey(scope), CarryPrefix + Hash(pi)) { ["Pi"] = pi, ["ClaimedAt"] = at };
        try
        {
            await improvements.AddEntityAsync(marker, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    public static string PartitionKey(ImprovementScope scope) => StorageKeys.Encode(scope.Key);

    /// <summary>PI names are people's text: never a key themselves, only their hash.</summary>
    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static ImprovementHistoryEntity History(string partitionKey, string itemId, ImprovementChange change, int n) => new()
    {
        PartitionKey = partitionKey,
        RowKey = HistoryTransactions.HistoryKey(HistoryPrefix, itemId, change.At, n),
        At = change.At,
        ById = change.ById,
        ByName = change.ByName,
        Field = change.Field,
        From = change.From,
        To = change.To,
    };

    private static ImprovementEntity ToEntity(ImprovementItem item) => new()
    {
        PartitionKey = PartitionKey(item.Scope),
        RowKey = ItemPrefix + item.Id,
        TenantId = item.Scope.TenantId,
        ArtId = item.Scope.ArtId,
        ConversationId = item.Scope.ConversationId,
        Title = item.Title,
        Problem = item.Problem,
        Whys = JsonSerializer.Serialize([.. item.Whys], ImprovementJsonContext.Default.ListString),
        OwnerId = item.OwnerId,
        OwnerName = item.OwnerName,
        OwnerTeamsId = item.OwnerTeamsId,
        TargetPi = item.TargetPi,
        SourcePi = item.SourcePi,
        CarriedFromPi = item.CarriedFromPi,
        ExpectedOutcome = item.ExpectedOutcome,
        Status = item.Status.ToString(),
        ImpedimentIds = string.Join(',', item.ImpedimentIds),
        WorkshopId = item.WorkshopId,
        Dots = item.Dots,
        CreatedAt = item.CreatedAt,
        UpdatedAt = item.UpdatedAt,
    };

    private static ImprovementItem ToDomain(ImprovementEntity entity) => new()
    {
        Id = entity.RowKey[ItemPrefix.Length..],
        Scope = new ImprovementScope(entity.TenantId, entity.ArtId, entity.ConversationId),
        Title = entity.Title,
        Problem = entity.Problem,
        Whys = JsonSerializer.Deserialize(entity.Whys, ImprovementJsonContext.Default.ListString) ?? [],
        OwnerId = entity.OwnerId,
        OwnerName = entity.OwnerName,
        OwnerTeamsId = entity.OwnerTeamsId,
        TargetPi = entity.TargetPi,
        SourcePi = entity.SourcePi,
        CarriedFromPi = entity.CarriedFromPi,
        ExpectedOutcome = entity.ExpectedOutcome,
        Status = Enum.TryParse<ImprovementStatus>(entity.Status, out var status) ? status : ImprovementStatus.Proposed,
        ImpedimentIds = entity.ImpedimentIds.Split(',', StringSplitOptions.RemoveEmptyEntries),
        WorkshopId = entity.WorkshopId,
        Dots = entity.Dots,
        CreatedAt = entity.CreatedAt,
        UpdatedAt = entity.UpdatedAt,
        Version = entity.ETag.ToString(),
    };
}
