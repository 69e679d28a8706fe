using System.Globalization;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

namespace ArtBot.Domain.AzureDevOps;

/// <summary>
/// How a work item becomes a feature of the ART backlog, and how a later read changes it: Azure DevOps owns the title,
/// description, business value, WSJF inputs and state; ArtBot owns the teams' parts (iterations, points), which an
/// import never touches. A field Azure DevOps leaves empty keeps what ArtBot has. Every change is a history entry by
/// <see cref="By"/>.
/// </summary>
public static class WorkItemImport
{
    public const string SourceSystem = "azure-devops";
    public const string TitleField = "title";
    public const string DescriptionField = "description";
    public const string BusinessValueField = "businessValue";
    public const string WsjfField = "wsjf";
    public const string StateField = "state";

    /// <summary>Who changes features read from Azure DevOps, in their history.</summary>
    public static readonly Person By = new("azure-devops", "Azure DevOps");

    /// <summary>The feature's id: one per organization and work item, so reading it again updates it.</summary>
    public static string FeatureId(string tenantId, string artId, string organization, int workItemId) =>
        PlanIds.Feature(tenantId, artId, "ado:" + organization.ToLowerInvariant() + ":" + workItemId.ToString(CultureInfo.InvariantCulture));

    /// <summary>A new feature of <paramref name="pi"/> from <paramref name="item"/>.</summary>
    public static Feature Create(WorkItemSnapshot item, string tenantId, string artId, ProgramIncrement pi, string organization, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(pi);
        return new Feature
        {
            Id = FeatureId(tenantId, artId, organization, item.Id),
            TenantId = tenantId,
            ArtId = artId,
            Pi = pi.Name,
            PiStart = pi.Start,
            Title = TitleOf(item),
            Description = DescriptionOf(item),
            BusinessValue = BusinessValueOf(item),
            Wsjf = WsjfOf(item),
            State = StateOf(item.State, FeatureState.Backlog),
            Source = SourceOf(item, now),
            CreatedBy = By,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// <paramref name="current"/> as <paramref name="item"/> has it now, with one history entry per changed field; null
    /// when nothing changed and the work item's revision is the one already read (nothing to write).
    /// </summary>
    public static (Feature Feature, IReadOnlyList<PlanChange> Changes)? Update(Feature current, WorkItemSnapshot item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(item);
        var updated = current with
        {
            Title = TitleOf(item),
            Description = DescriptionOf(item) ?? current.Description,
            BusinessValue = BusinessValueOf(item) ?? current.BusinessValue,
            Wsjf = WsjfOf(item) ?? current.Wsjf,
            State = StateOf(item.State, current.State == FeatureState.Removed ? FeatureState.Backlog : current.State),
            Source = SourceOf(item, now),
            UpdatedAt = now,
        };
        var changes = new List<PlanChange>();
        void Compare(string field, string? from, string? to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add(new PlanChange(now, By, field, from, to));
            }
        }

        Compare(TitleField, current.Title, updated.Title);
        Compare(DescriptionField, current.Description, updated.Description);
        Compare(BusinessValueField, Number(current.BusinessValue), Number(updated.BusinessValue));
        Compare(WsjfField, Text(current.Wsjf), Text(updated.Wsjf));
        Compare(StateField, current.State.ToString(), updated.State.ToString());
        return changes.Count == 0 && current.Source?.Revision == item.Revision ? null : (updated, changes);
    }

    /// <summary>A feature whose work item left the query (or is gone): removed, kept with its history; null when it is already.</summary>
    public static (Feature Feature, PlanChange Change)? Remove(Feature current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.State == FeatureState.Removed
            ? null
            : (current with { State = FeatureState.Removed, UpdatedAt = now },
                new PlanChange(now, By, StateField, current.State.ToString(), nameof(FeatureState.Removed)));
    }

    /// <summary>
    /// The feature state an Azure DevOps state stands for, across the Agile, Scrum, CMMI and Basic processes; a state
    /// that says the work has not started keeps ArtBot's own (backlog or planned).
    /// </summary>
    public static FeatureState StateOf(string? state, FeatureState current) => state?.Trim().ToUpperInvariant() switch
    {
        "REMOVED" => FeatureState.Removed,
        "CLOSED" or "DONE" or "RESOLVED" or "COMPLETED" => FeatureState.Done,
        "ACTIVE" or "IN PROGRESS" or "COMMITTED" or "DOING" => FeatureState.InProgress,
        _ => current is FeatureState.Backlog or FeatureState.Planned ? current : FeatureState.Backlog,
    };

    private static string TitleOf(WorkItemSnapshot item) => Shorten(PlainText.OneLine(item.Title), Feature.MaxTitle) is { Length: > 0 } title
        ? title
        : "#" + item.Id.ToString(CultureInfo.InvariantCulture);

    private static string? DescriptionOf(WorkItemSnapshot item) =>
        Shorten(PlainText.FromHtml(item.DescriptionHtml), Feature.MaxDescription) is { Length: > 0 } text ? text : null;

    /// <summary>ArtBot's business value is 1 to 10: a value outside (Azure DevOps allows any number) is not taken.</summary>
    private static int? BusinessValueOf(WorkItemSnapshot item) =>
        Whole(item.BusinessValue) is { } value && value is >= 1 and <= 10 ? value : null;

    /// <summary>All four inputs, each on SAFe's scale, or none.</summary>
    private static Wsjf? WsjfOf(WorkItemSnapshot item) =>
        Whole(item.BusinessValue) is { } bv && Whole(item.TimeCriticality) is { } tc && Whole(item.RiskReduction) is { } rr && Whole(item.Effort) is { } size
        && new Wsjf(bv, tc, rr, size) is { IsValid: true } wsjf
            ? wsjf
            : null;

    private static FeatureSource SourceOf(WorkItemSnapshot item, DateTimeOffset now) =>
        new(SourceSystem, item.Id.ToString(CultureInfo.InvariantCulture), item.Revision, item.Url, now);

    private static int? Whole(double? value) =>
        value is { } v && double.IsFinite(v) && Math.Abs(v - Math.Round(v)) < 1e-9 && Math.Abs(v) < int.MaxValue ? (int)Math.Round(v) : null;

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "\u2026";

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Text(Wsjf? wsjf) =>
        wsjf is { } w ? string.Create(CultureInfo.InvariantCulture, $"{w.BusinessValue}+{w.TimeCriticality}+{w.RiskReduction}/{w.JobSize}") : null;
}
