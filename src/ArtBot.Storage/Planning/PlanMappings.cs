using System.Globalization;
using System.Text.Json;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using Azure.Data.Tables;

namespace ArtBot.Storage.Planning;

/// <summary>The planning stores (objectives, dependencies, features, milestones, capacities) over one <c>planning</c> table, and their row mappings.</summary>
public static class PlanMappings
{
    public const string TableName = "planning";

    public static IPlanStore<PiObjective> Objectives(TableClient table) =>
        new PlanStore<PiObjective, ObjectiveEntity>(table, "objective", ToEntity, ToDomain);

    public static IPlanStore<Dependency> Dependencies(TableClient table) =>
        new PlanStore<Dependency, DependencyEntity>(table, "dependency", ToEntity, ToDomain);

    public static IPlanStore<Feature> Features(TableClient table) =>
        new PlanStore<Feature, FeatureEntity>(table, "feature", ToEntity, ToDomain);

    public static IPlanStore<Milestone> Milestones(TableClient table) =>
        new PlanStore<Milestone, MilestoneEntity>(table, "milestone", ToEntity, ToDomain);

    public static IPlanStore<TeamCapacity> Capacities(TableClient table) =>
        new PlanStore<TeamCapacity, CapacityEntity>(table, "capacity", ToEntity, ToDomain);

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
        FeatureIds = o.FeatureIds.Count > 0 ? JsonSerializer.Serialize([.. o.FeatureIds], PlanJsonContext.Default.ListString) : null,
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
        FeatureIds = e.FeatureIds is { } ids ? JsonSerializer.Deserialize(ids, PlanJsonContext.Default.ListString) ?? [] : [],
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
        RequesterFeatureId = d.RequesterFeatureId,
        ProviderFeatureId = d.ProviderFeatureId,
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
        RequesterFeatureId = e.RequesterFeatureId,
        ProviderFeatureId = e.ProviderFeatureId,
        Status = Enum.TryParse<DependencyStatus>(e.Status, out var status) ? status : DependencyStatus.Requested,
        DeclineReason = e.DeclineReason,
        RiskId = e.RiskId,
        RequestedBy = new Person(e.RequestedById, e.RequestedByName),
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.UpdatedAt,
        Version = e.ETag.ToString(),
    };

    private static FeatureEntity ToEntity(Feature f) => new()
    {
        TenantId = f.TenantId,
        ArtId = f.ArtId,
        Pi = f.Pi,
        PiStart = Date(f.PiStart),
        Title = f.Title,
        Description = f.Description,
        BusinessValue = f.BusinessValue,
        Wsjf = f.Wsjf is { } w ? string.Create(CultureInfo.InvariantCulture, $"{w.BusinessValue},{w.TimeCriticality},{w.RiskReduction},{w.JobSize}") : null,
        State = f.State.ToString(),
        Parts = JsonSerializer.Serialize([.. f.Parts], PlanJsonContext.Default.ListFeaturePart),
        SourceSystem = f.Source?.System,
        SourceId = f.Source?.WorkItemId,
        SourceRevision = f.Source?.Revision,
        SourceUrl = f.Source?.Url.ToString(),
        SourceReadAt = f.Source?.ReadAt,
        CreatedById = f.CreatedBy.Id,
        CreatedByName = f.CreatedBy.Name,
        CreatedAt = f.CreatedAt,
        UpdatedAt = f.UpdatedAt,
    };

    private static Feature ToDomain(FeatureEntity e) => new()
    {
        Id = IdOf(e.RowKey),
        TenantId = e.TenantId,
        ArtId = e.ArtId,
        Pi = e.Pi,
        PiStart = Date(e.PiStart),
        Title = e.Title,
        Description = e.Description,
        BusinessValue = e.BusinessValue,
        Wsjf = WsjfOf(e.Wsjf),
        State = Enum.TryParse<FeatureState>(e.State, out var state) ? state : FeatureState.Backlog,
        Parts = JsonSerializer.Deserialize(e.Parts, PlanJsonContext.Default.ListFeaturePart) ?? [],
        Source = e is { SourceSystem: { } system, SourceId: { } id, SourceUrl: { } url } && Uri.TryCreate(url, UriKind.Absolute, out var address)
            ? new FeatureSource(system, id, e.SourceRevision ?? 0, address, e.SourceReadAt ?? e.UpdatedAt)
            : null,
        CreatedBy = new Person(e.CreatedById, e.CreatedByName),
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.UpdatedAt,
        Version = e.ETag.ToString(),
    };

    private static MilestoneEntity ToEntity(Milestone m) => new()
    {
        TenantId = m.TenantId,
        ArtId = m.ArtId,
        Pi = m.Pi,
        PiStart = Date(m.PiStart),
        Date = Date(m.Date),
        Title = m.Title,
        Kind = m.Kind.ToString(),
        Removed = m.Removed,
        CreatedById = m.CreatedBy.Id,
        CreatedByName = m.CreatedBy.Name,
        CreatedAt = m.CreatedAt,
        UpdatedAt = m.UpdatedAt,
    };

    private static Milestone ToDomain(MilestoneEntity e) => new()
    {
        Id = IdOf(e.RowKey),
        TenantId = e.TenantId,
        ArtId = e.ArtId,
        Pi = e.Pi,
        PiStart = Date(e.PiStart),
        Date = Date(e.Date),
        Title = e.Title,
        Kind = Enum.TryParse<MilestoneKind>(e.Kind, out var kind) ? kind : MilestoneKind.Release,
        Removed = e.Removed,
        CreatedBy = new Person(e.CreatedById, e.CreatedByName),
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.UpdatedAt,
        Version = e.ETag.ToString(),
    };

    private static CapacityEntity ToEntity(TeamCapacity c) => new()
    {
        TenantId = c.TenantId,
        ArtId = c.ArtId,
        Pi = c.Pi,
        PiStart = Date(c.PiStart),
        TeamConversationId = c.TeamConversationId,
        TeamName = c.TeamName,
        PerIteration = JsonSerializer.Serialize([.. c.PerIteration], PlanJsonContext.Default.ListNullableInt32),
        CreatedById = c.CreatedBy.Id,
        CreatedByName = c.CreatedBy.Name,
        CreatedAt = c.CreatedAt,
        UpdatedAt = c.UpdatedAt,
    };

    private static TeamCapacity ToDomain(CapacityEntity e) => new()
    {
        Id = IdOf(e.RowKey),
        TenantId = e.TenantId,
        ArtId = e.ArtId,
        Pi = e.Pi,
        PiStart = Date(e.PiStart),
        TeamConversationId = e.TeamConversationId,
        TeamName = e.TeamName,
        PerIteration = JsonSerializer.Deserialize(e.PerIteration, PlanJsonContext.Default.ListNullableInt32) ?? [],
        CreatedBy = new Person(e.CreatedById, e.CreatedByName),
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.UpdatedAt,
        Version = e.ETag.ToString(),
    };

    private static string IdOf(string rowKey) => rowKey[(rowKey.IndexOf('-', StringComparison.Ordinal) + 1)..];

    private static Wsjf? WsjfOf(string? text)
    {
        var parts = text?.Split(',');
        return parts is { Length: 4 } && parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? new Wsjf(Int(parts[0]), Int(parts[1]), Int(parts[2]), Int(parts[3]))
            : null;

        static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : DateOnly.MinValue;
}
