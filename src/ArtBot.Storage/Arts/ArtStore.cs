using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using Azure.Data.Tables;
using Azure;

namespace ArtBot.Storage.Arts;

/// <summary>
/// ARTs and their team channels in the <c>arts</c> table (one partition per tenant), and the conversation-to-ART
/// index in <c>artconversations</c>. A conversation is claimed by inserting its index row, so two ARTs can never
/// hold the same channel, even when set up at the same moment.
/// </summary>
public sealed class ArtStore(TableClient arts, TableClient conversations, TimeProvider? time = null) : IArtStore
{
    /// <summary>A claim whose ART row is missing this long after it was made was left by a set-up that stopped midway.</summary>
    public static readonly TimeSpan AbandonedClaimAge = TimeSpan.FromMinutes(2);

    public const string TableName = "arts";
    public const string ConversationsTableName = "artconversations";
    private const string HomeRole = "home";
    private const string TeamRole = "team";

    public async Task<bool> CreateAsync(Art art, CancellationToken cancellationToken)
    {
        if (!await ClaimConversationAsync(art.TenantId, art.HomeConversationId, art.Id, HomeRole, cancellationToken))
        {
            return false;
        }

        await arts.AddEntityAsync(ToEntity(art), cancellationToken);
        return true;
    }

    public async Task<Art?> GetAsync(string tenantId, string artId, CancellationToken cancellationToken)
    {
        var found = await arts.GetEntityIfExistsAsync<ArtEntity>(StorageKeys.Encode(tenantId), ArtRowKey(artId), cancellationToken: cancellationToken);
        return found.HasValue ? ToDomain(found.Value!) : null;
    }

    public async Task<Art?> UpdateAsync(Art art, CancellationToken cancellationToken)
    {
        if (art.Version is null)
        {
            throw new ArgumentException("Only an ART read from the store can be updated.", nameof(art));
        }

        try
        {
            var response = await arts.UpdateEntityAsync(ToEntity(art), new ETag(art.Version), TableUpdateMode.Replace, cancellationToken);
            return art with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<JoinResult> JoinAsync(ArtTeam team, CancellationToken cancellationToken)
    {
        var result = JoinResult.Joined;
        if (!await ClaimConversationAsync(team.TenantId, team.ConversationId, team.ArtId, TeamRole, cancellationToken))
        {
            var owner = await GetClaimAsync(team.TenantId, team.ConversationId, cancellationToken);
            if (owner is null || owner.ArtId != team.ArtId || owner.Role != TeamRole)
            {
                return JoinResult.OtherArt;
            }

            result = JoinResult.AlreadyJoined;
        }

        await arts.UpsertEntityAsync(ToEntity(team), TableUpdateMode.Replace, cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<ArtTeam>> GetTeamsAsync(string tenantId, string artId, CancellationToken cancellationToken)
    {
        var prefix = TeamRowKeyPrefix(artId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {StorageKeys.Encode(tenantId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "."}");
        var teams = new List<ArtTeam>();
        await foreach (var entity in arts.QueryAsync<ArtTeamEntity>(filter, cancellationToken: cancellationToken))
        {
            teams.Add(ToDomain(entity));
        }

        return teams;
    }

    public async Task<ArtMembership?> FindByConversationAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var claim = await GetClaimAsync(tenantId, conversationId, cancellationToken);
        if (claim is null || await GetAsync(tenantId, claim.ArtId, cancellationToken) is not { } art)
        {
            return null;
        }

        if (claim.Role != TeamRole)
        {
            return new ArtMembership(art, null);
        }

        var team = await arts.GetEntityIfExistsAsync<ArtTeamEntity>(
            StorageKeys.Encode(tenantId), TeamRowKey(claim.ArtId, conversationId), cancellationToken: cancellationToken);
        return new ArtMembership(art, team.HasValue ? ToDomain(team.Value!) : null);
    }

    public async Task<IReadOnlyList<Art>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {StorageKeys.Encode(tenantId)} and RowKey ge {"art-"} and RowKey lt {"art."}");
        var list = new List<Art>();
        await foreach (var entity in arts.QueryAsync<ArtEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(ToDomain(entity));
        }

        return list;
    }

    public async IAsyncEnumerable<Art> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey ge {"art-"} and RowKey lt {"art."}");
        await foreach (var entity in arts.QueryAsync<ArtEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToDomain(entity);
        }
    }

    public async Task SetTeamUnreachableAsync(string tenantId, string artId, string conversationId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = await arts.GetEntityIfExistsAsync<ArtTeamEntity>(
                StorageKeys.Encode(tenantId), TeamRowKey(artId, conversationId), cancellationToken: cancellationToken);
            if (!found.HasValue || found.Value!.UnreachableSince == since)
            {
                return; // the team left meanwhile, or nothing to change
            }

            var team = found.Value;
            team.UnreachableSince = since; // a Merge cannot remove a property, so the row is replaced
            try
            {
                await arts.UpdateEntityAsync(team, team.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 412 or 404)
            {
                // Changed meanwhile (re-joined, renamed): read again.
            }
        }
    }

    public static string ArtRowKey(string artId) => "art-" + artId;

    public static string TeamRowKeyPrefix(string artId) => "team-" + artId + "-";

    public static string TeamRowKey(string artId, string conversationId) => TeamRowKeyPrefix(artId) + StorageKeys.Encode(conversationId);

    /// <summary>Inserts the conversation's index row; false when another claim exists (and its ART is real).</summary>
    private async Task<bool> ClaimConversationAsync(string tenantId, string conversationId, string artId, string role, CancellationToken cancellationToken)
    {
        var claim = new ArtConversationEntity
        {
            PartitionKey = StorageKeys.Encode(tenantId),
            RowKey = StorageKeys.Encode(conversationId),
            ArtId = artId,
            Role = role,
        };
        try
        {
            await conversations.AddEntityAsync(claim, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
        }

        // A claim left behind by a set-up that stopped before storing its ART may be taken over, but only once it is
        // clearly abandoned: a fresh claim without its ART row is a set-up still in progress.
        var existing = await GetClaimAsync(tenantId, conversationId, cancellationToken);
        var now = (time ?? TimeProvider.System).GetUtcNow();
        if (existing is null || existing.ArtId == artId || existing.Timestamp is not { } claimedAt || now - claimedAt < AbandonedClaimAge
            || await GetAsync(tenantId, existing.ArtId, cancellationToken) is not null)
        {
            return false;
        }

        try
        {
            await conversations.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return false;
        }
    }

    private async Task<ArtConversationEntity?> GetClaimAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var found = await conversations.GetEntityIfExistsAsync<ArtConversationEntity>(
            StorageKeys.Encode(tenantId), StorageKeys.Encode(conversationId), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    private static ArtEntity ToEntity(Art art) => new()
    {
        PartitionKey = StorageKeys.Encode(art.TenantId),
        RowKey = ArtRowKey(art.Id),
        ArtId = art.Id,
        TenantId = art.TenantId,
        Name = art.Name,
        HomeConversationId = art.HomeConversationId,
        ServiceUrl = art.ServiceUrl,
        SummaryConversationId = art.SummaryConversationId,
        PiName = art.CurrentPi?.Name,
        PiStart = art.CurrentPi?.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PiEnd = art.CurrentPi?.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        SyncDay = (int)art.Sync.Day,
        SyncTime = art.Sync.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
        TimeZoneId = art.Sync.TimeZoneId,
        PromptLeadMinutes = (int)art.Sync.PromptLead.TotalMinutes,
        ReminderLeadMinutes = (int)art.Sync.ReminderLead.TotalMinutes,
        RemindersOn = art.Sync.RemindersOn,
        NameNonResponders = art.NameNonResponders,
        Language = art.Language,
        Rtes = JsonSerializer.Serialize([.. art.Rtes], ArtJsonContext.Default.ListPerson),
        BusinessOwners = JsonSerializer.Serialize([.. art.BusinessOwners], ArtJsonContext.Default.ListPerson),
        ProductManagers = art.ProductManagers.Count > 0 ? JsonSerializer.Serialize([.. art.ProductManagers], ArtJsonContext.Default.ListPerson) : null,
        IterationWeeks = art.Cadence.Weeks,
        IpIteration = art.Cadence.LastIsIp,
        DemoTime = art.Demo.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
        DemoPromptLeadMinutes = (int)art.Demo.PromptLead.TotalMinutes,
        DemoAgendaLeadMinutes = (int)art.Demo.AgendaLead.TotalMinutes,
        ObjectivesReopenedFor = art.ObjectivesReopenedFor,
        SkippedDates = string.Join(',', art.SkippedDates.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        CreatedById = art.CreatedBy.Id,
        CreatedByName = art.CreatedBy.Name,
        CreatedAt = art.CreatedAt,
    };

    private static Art ToDomain(ArtEntity entity) => new()
    {
        Id = entity.ArtId,
        TenantId = entity.TenantId,
        Name = entity.Name,
        HomeConversationId = entity.HomeConversationId,
        ServiceUrl = entity.ServiceUrl,
        SummaryConversationId = entity.SummaryConversationId,
        CurrentPi = entity is { PiName: { } name, PiStart: { } start, PiEnd: { } end }
            ? new ProgramIncrement(name, ParseDate(start), ParseDate(end))
            : null,
        Sync = new SyncSchedule((DayOfWeek)entity.SyncDay, TimeOnly.ParseExact(entity.SyncTime, "HH:mm", CultureInfo.InvariantCulture), entity.TimeZoneId)
        {
            PromptLead = TimeSpan.FromMinutes(entity.PromptLeadMinutes),
            ReminderLead = TimeSpan.FromMinutes(entity.ReminderLeadMinutes),
            RemindersOn = entity.RemindersOn,
        },
        NameNonResponders = entity.NameNonResponders,
        Language = entity.Language is { Length: > 0 } language ? language : null,
        Rtes = JsonSerializer.Deserialize(entity.Rtes, ArtJsonContext.Default.ListPerson) ?? [],
        BusinessOwners = entity.BusinessOwners is { } owners ? JsonSerializer.Deserialize(owners, ArtJsonContext.Default.ListPerson) ?? [] : [],
        ProductManagers = entity.ProductManagers is { } managers ? JsonSerializer.Deserialize(managers, ArtJsonContext.Default.ListPerson) ?? [] : [],
        Cadence = new IterationCadence(entity.IterationWeeks ?? IterationCadence.Default.Weeks, entity.IpIteration ?? IterationCadence.Default.LastIsIp),
        Demo = DemoOf(entity),
        ObjectivesReopenedFor = entity.ObjectivesReopenedFor,
        SkippedDates = [.. entity.SkippedDates.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseDate)],
        CreatedBy = new Person(entity.CreatedById, entity.CreatedByName),
        CreatedAt = entity.CreatedAt,
        Version = entity.ETag.ToString(),
    };

    private static DemoSchedule DemoOf(ArtEntity entity) =>
        new(entity.DemoTime is { } time && TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : DemoSchedule.Default.Time)
        {
            PromptLead = entity.DemoPromptLeadMinutes is { } prompt ? TimeSpan.FromMinutes(prompt) : DemoSchedule.Default.PromptLead,
            AgendaLead = entity.DemoAgendaLeadMinutes is { } agenda ? TimeSpan.FromMinutes(agenda) : DemoSchedule.Default.AgendaLead,
        };

    private static ArtTeamEntity ToEntity(ArtTeam team) => new()
    {
        PartitionKey = StorageKeys.Encode(team.TenantId),
        RowKey = TeamRowKey(team.ArtId, team.ConversationId),
        TenantId = team.TenantId,
        ArtId = team.ArtId,
        ConversationId = team.ConversationId,
        TeamName = team.TeamName,
        ServiceUrl = team.ServiceUrl,
        TeamsTeamId = team.TeamsTeamId,
        AadGroupId = team.AadGroupId,
        JoinedById = team.JoinedBy?.Id,
        JoinedByName = team.JoinedBy?.Name,
        JoinedAt = team.JoinedAt,
        UnreachableSince = team.UnreachableSince,
    };

    private static ArtTeam ToDomain(ArtTeamEntity entity) => new()
    {
        TenantId = entity.TenantId,
        ArtId = entity.ArtId,
        ConversationId = entity.ConversationId,
        TeamName = entity.TeamName,
        ServiceUrl = entity.ServiceUrl,
        TeamsTeamId = entity.TeamsTeamId,
        AadGroupId = entity.AadGroupId,
        JoinedBy = entity.JoinedById is { } id ? new Person(id, entity.JoinedByName) : null,
        JoinedAt = entity.JoinedAt,
        UnreachableSince = entity.UnreachableSince,
    };

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
