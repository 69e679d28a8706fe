using ArtBot.Domain.Conversations;
using Azure.Data.Tables;
using Azure;

namespace ArtBot.Storage.Conversations;

/// <summary>Installed conversations in the <c>conversations</c> table.</summary>
public sealed class ConversationStore(TableClient table) : IConversationStore
{
    public const string TableName = "conversations";

    public async Task<bool> InstallAsync(InstalledConversation conversation, CancellationToken cancellationToken)
    {
        var entity = ToEntity(conversation);
        var existing = await table.GetEntityIfExistsAsync<ConversationEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
        if (!existing.HasValue)
        {
            try
            {
                await table.AddEntityAsync(entity, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                return false; // installed by a concurrent delivery of the same event
            }
        }

        var current = existing.Value!;
        if (!current.Removed)
        {
            entity.InstalledAt = current.InstalledAt;
            await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace, cancellationToken);
            return false;
        }

        try
        {
            await table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return false; // re-installed by a concurrent delivery
        }
    }

    public async Task MarkRemovedAsync(string tenantId, string conversationId, DateTimeOffset removedAt, CancellationToken cancellationToken)
    {
        var patch = new TableEntity(StorageKeys.Encode(tenantId), StorageKeys.Encode(conversationId))
        {
            [nameof(ConversationEntity.Removed)] = true,
            [nameof(ConversationEntity.RemovedAt)] = removedAt,
        };
        await MergeIfExistsAsync(patch, cancellationToken);
    }

    public async Task RefreshServiceUrlAsync(string tenantId, string conversationId, string serviceUrl, CancellationToken cancellationToken)
    {
        // Read first: most conversations are stored with this URL already (no write), and one the bot was not installed in
        // (a team's other channels) is not written at all, without a 404 thrown and caught for it.
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(
            StorageKeys.Encode(tenantId), StorageKeys.Encode(conversationId), [nameof(ConversationEntity.ServiceUrl)], cancellationToken);
        if (!stored.HasValue || stored.Value!.GetString(nameof(ConversationEntity.ServiceUrl)) == serviceUrl)
        {
            return;
        }

        var patch = new TableEntity(StorageKeys.Encode(tenantId), StorageKeys.Encode(conversationId))
        {
            [nameof(ConversationEntity.ServiceUrl)] = serviceUrl,
        };
        await MergeIfExistsAsync(patch, cancellationToken);
    }

    public async Task<InstalledConversation?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<ConversationEntity>(
            StorageKeys.Encode(tenantId), StorageKeys.Encode(conversationId), cancellationToken: cancellationToken);
        return found.HasValue ? ToDomain(found.Value!) : null;
    }

    private async Task MergeIfExistsAsync(TableEntity patch, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Not installed here (e.g. the bot was added before this store existed): nothing to update.
        }
    }

    private static ConversationEntity ToEntity(InstalledConversation conversation) => new()
    {
        PartitionKey = StorageKeys.Encode(conversation.TenantId),
        RowKey = StorageKeys.Encode(conversation.ConversationId),
        TenantId = conversation.TenantId,
        ConversationId = conversation.ConversationId,
        ServiceUrl = conversation.ServiceUrl,
        ConversationType = conversation.ConversationType,
        ConversationName = conversation.ConversationName,
        TeamId = conversation.TeamId,
        TeamName = conversation.TeamName,
        TeamAadGroupId = conversation.TeamAadGroupId,
        ChannelId = conversation.ChannelId,
        ChannelName = conversation.ChannelName,
        InstalledBy = conversation.InstalledBy,
        BotId = conversation.BotId,
        Removed = false,
        InstalledAt = conversation.InstalledAt,
    };

    private static InstalledConversation ToDomain(ConversationEntity entity) => new()
    {
        TenantId = entity.TenantId,
        ConversationId = entity.ConversationId,
        ServiceUrl = entity.ServiceUrl,
        ConversationType = entity.ConversationType,
        ConversationName = entity.ConversationName,
        TeamId = entity.TeamId,
        TeamName = entity.TeamName,
        TeamAadGroupId = entity.TeamAadGroupId,
        ChannelId = entity.ChannelId,
        ChannelName = entity.ChannelName,
        InstalledBy = entity.InstalledBy,
        BotId = entity.BotId,
        Removed = entity.Removed,
        InstalledAt = entity.InstalledAt,
        RemovedAt = entity.RemovedAt,
    };
}
