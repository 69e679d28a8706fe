namespace ArtBot.Features.AzureDevOps;

/// <summary>Reading the ART backlog from Azure DevOps Boards (configuration section <c>AzureDevOps</c>).</summary>
public sealed class AzureDevOpsOptions
{
    public const string Section = "AzureDevOps";
    public const string DefaultBaseUrl = "https://dev.azure.com";
    /// <summary>Azure DevOps' resource id in Entra ID, with <c>/.default</c>: the organization's access applies.</summary>
    public const string DefaultScope = "499b84ac-1321-427f-aa17-267ca6975798/.default";
    public const string ApiVersion = "7.1";

    /// <summary>Where organizations are called: <c>{BaseUrl}/{organization}/…</c>. https, or http on a loopback address (tests).</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public string Scope { get; set; } = DefaultScope;

    /// <summary>Off: no background refresh in this instance (<c>backlog refresh</c> still works).</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>How often each instance looks for links due for a refresh.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The background refresh of a link, at most this often (at least 15 minutes).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh holds its link before another instance may take it (a crashed instance's claim).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The most Features one query reads (WIQL <c>$top</c>).</summary>
    public int MaxFeatures { get; set; } = 500;

    /// <summary>
    /// The field holding "risk reduction | opportunity enablement" for WSJF, when the organization's process has one (it is
    /// not a standard field: e.g. <c>Custom.RROEValue</c>). Empty: WSJF is read only where ArtBot is told the field.
    /// </summary>
    public string? RiskReductionField { get; set; }
}
