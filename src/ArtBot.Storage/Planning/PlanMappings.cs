using System.Globalization;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using Azure.Data.Tables;

namespace ArtBot.Storage.Planning;

/// <summary>The objective and dependency stores over one <c>planning</c> table, and their row mappings.</summary>
public static class PlanMappings
{
    public const string TableName = "planning";

    public static IPlanStore<PiObjective> Objectives(TableClient table) =>
        new PlanStore<PiObjective, ObjectiveEntity>(table, "objective", ToEntity, ToDomain);

    public static IPlanStore<Dependency> Dependencies(TableClient table) =>
        new PlanStore<Dependency, DependencyEntity>(table, "dependency", ToEntity, ToDomain);

    private static ObjectiveEntity ToEntity(PiObjective o) => new()
    {
        TenantId = o.TenantId,
        ArtId = o.ArtId,
        TeamConversationId = o.TeamConversationId,
        TeamName = o.TeamName,
        Pi = o.Pi,
        PiStart = Date(o.PiStart),
        Text = o.Text,
        Committed = o.Committed,
        PlannedValue = o.PlannedValue,
        ActualValue = o.ActualValue,
        CreatedById = o.CreatedBy.Id,
        CreatedByName = o.CreatedBy.Name,
        CreatedAt = o.CreatedAt,
        UpdatedAt = o.UpdatedAt,
    };

    private static PiObjective ToDomain(ObjectiveEntity e) => new()
    {
        Id = e.RowKey[(e.RowKey.IndexOf('-', StringComparison.Ordinal) + 1)..],
        TenantId = e.TenantId,
        ArtId = e.ArtId,
        TeamConversationId = e.TeamConversationId,
        TeamName = e.TeamName,
        Pi = e.Pi,
        PiStart = Date(e.PiStart),
        Text = e.Text,
        Committed = e.Committed,
        PlannedValue = e.PlannedValue,
        ActualValue = e.ActualValue,
        CreatedBy = new Person(e.CreatedById, e.CreatedByName),
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.UpdatedAt,
        Version = e.ETag.ToString(),
    };

    private static DependencyEntity ToEntity(Dependency d) => new()
    {
        TenantId = d.TenantId,
        ArtId = d.ArtId,
        Pi = d.Pi,
        PiStart = Date(d.PiStart),
        Text = d.Text,
        RequesterConversationId = d.RequesterConversationId,
        RequesterTeamName = d.RequesterTeamName,
        ProviderConversationId = d.ProviderConversationId,
        ProviderTeamName = d.ProviderTeamName,
        NeededBy = d.NeededBy,
        CommittedIteration = d.CommittedIteration,
        ObjectiveId = d.ObjectiveId,
        Status = d.Status.ToString(),
        DeclineReason = d.DeclineReason,
        RiskId = d.RiskId,
        RequestedById = d.RequestedBy.Id,
        RequestedByName = d.RequestedBy.Name,
        CreatedAt = d.CreatedAt,
        UpdatedAt = d.UpdatedAt,
    };

    private static Dependency ToDomain(DependencyEntity e) => new()
    {
        Id = e.RowKey[(e.RowKey.IndexOf('-', StringComparison.Ordinal) + 1)..],
        TenantId = e.TenantId,
        ArtId = e.ArtId,
        Pi = e.Pi,
        PiStart = Date(e.PiStart),
        Text = e.Text,
        RequesterConversationId = e.RequesterConversationId,
        RequesterTeamName = e.RequesterTeamName,
        ProviderConversationId = e.ProviderConversationId,
        ProviderTeamName = e.ProviderTeamName,
        NeededBy = e.NeededBy,
        CommittedIteration = e.CommittedIteration,
        ObjectiveId = e.ObjectiveId,
        Status = Enum.TryParse<DependencyStatus>(e.Status, out var status) ? status : DependencyStatus.Requested,
        DeclineReason = e.DeclineReason,
        RiskId = e.RiskId,
        RequestedBy = new Person(e.RequestedById, e.RequestedByName),
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.UpdatedAt,
        Version = e.ETag.ToString(),
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : DateOnly.MinValue;
}
