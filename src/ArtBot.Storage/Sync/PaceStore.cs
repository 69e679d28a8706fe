using ArtBot.Domain.Sync;
using Azure;
using Azure.Data.Tables;

namespace ArtBot.Storage.Sync;

/// <summary>
/// The tenants' send schedules (<see cref="TenantPace"/>), one row per tenant in the <c>pacing</c> table, changed only
/// with the ETag it was read with, so two instances never reserve the same slots.
/// </summary>
public sealed class PaceStore(TableClient table) : IPaceStore
{
    public const string TableName = "pacing";
    private const string RowKey = "pace";

    public async Task<TenantPace?> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<PaceEntity>(StorageKeys.Encode(tenantId), RowKey, cancellationToken: cancellationToken);
        return found.HasValue ? new TenantPace(tenantId, found.Value!.NextSlot, found.Value.Rate, found.Value.ETag.ToString()) : null;
    }

    public async Task<bool> TrySaveAsync(TenantPace pace, CancellationToken cancellationToken)
    {
        var entity = new PaceEntity { PartitionKey = StorageKeys.Encode(pace.TenantId), RowKey = RowKey, NextSlot = pace.NextSlot, Rate = pace.Rate };
        try
        {
            if (pace.Version is null)
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(entity, new ETag(pace.Version), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412 or 404)
        {
            return false; // another instance reserved slots (or created the row) since it was read
        }
    }
}
