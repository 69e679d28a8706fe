using ArtBot.BotFramework;

namespace ArtBot.Features.People;

/// <summary>Microsoft Graph for team rosters and out-of-office (configuration section <c>Graph</c>).</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";
    public const string DefaultScope = "https://graph.microsoft.com/.default";

    /// <summary>
    /// Use Graph (true) or the Bot Connector's channel rosters without out-of-office (false). Unset: see
    /// <see cref="OnByDefault"/>. Resolved at start-up.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The Graph endpoint, version included. https, or http on a loopback address (tests, fakes).</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The app-only token scope (the national cloud's Graph resource + <c>/.default</c>).</summary>
    public string Scope { get; set; } = DefaultScope;

    /// <summary>How long a team roster and a person's automatic-replies setting are kept before being read again.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest Retry-After Graph is waited for, for a whole request and for a throttled batch item; a request asked to
    /// wait longer fails (the directory falls back), an item counts as not away for now.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// On when the bot has an app identity (<c>MicrosoftAppId</c>) that can hold Graph application permissions in the
    /// customer's tenant: SingleTenant or UserAssignedMSI. Off in local development, and for MultiTenant bots, whose
    /// credential gets its tokens from the botframework.com tenant (no use for the customer's groups and mailboxes).
    /// </summary>
    public static bool OnByDefault(BotFrameworkOptions bot) =>
        !bot.IsLocalDevelopment && bot.MicrosoftAppType != BotAppType.MultiTenant;

    /// <summary>True once <see cref="Enabled"/> is resolved to on.</summary>
    public bool IsEnabled => Enabled == true;
}
