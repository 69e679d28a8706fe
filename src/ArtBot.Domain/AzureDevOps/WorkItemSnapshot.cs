namespace ArtBot.Domain.AzureDevOps;

/// <summary>
/// A work item as read from Azure DevOps: the fields a feature takes from it (numbers as Azure DevOps stores them:
/// decimals, absent when empty) and its web address.
/// </summary>
public sealed record WorkItemSnapshot(
    int Id,
    int Revision,
    string Title,
    string? DescriptionHtml,
    string? State,
    double? BusinessValue,
    double? TimeCriticality,
    double? RiskReduction,
    double? Effort,
    Uri Url);
