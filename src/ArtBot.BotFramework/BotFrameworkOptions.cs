namespace ArtBot.BotFramework;

/// <summary>
/// The bot's identity and channel settings, under the standard Bot Framework configuration names
/// (so Azure guides and test rigs work unchanged). Bound from the configuration root.
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultTokenIssuer = "https://api.botframework.com";
    public const string DefaultLoginUrl = "https://login.microsoftonline.com";
    public const string DefaultOAuthScope = "https://api.botframework.com";
    public const string MultiTenantAuthority = "botframework.com";

    /// <summary><see cref="BotAppType.MultiTenant"/> (default), <see cref="BotAppType.SingleTenant"/> or <see cref="BotAppType.UserAssignedMSI"/>.</summary>
    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;

    /// <summary>The bot's Entra app id (or the managed identity's client id). Empty: local-development mode.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret (SingleTenant, MultiTenant). Must be empty for UserAssignedMSI.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The app's tenant (SingleTenant, UserAssignedMSI).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of the channel's signing keys. http is accepted only on loopback.</summary>
    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>The issuer channel tokens must carry.</summary>
    public string ToBotFromChannelTokenIssuer { get; set; } = DefaultTokenIssuer;

    /// <summary>Where outbound tokens come from (the Entra ID authority host).</summary>
    public string ToChannelFromBotLoginUrl { get; set; } = DefaultLoginUrl;

    /// <summary>The resource outbound tokens are for; <c>/.default</c> is appended.</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = DefaultOAuthScope;

    /// <summary>True when no app id is configured: inbound requests are not authenticated, outbound calls carry no token.</summary>
    public bool IsLocalDevelopment => string.IsNullOrWhiteSpace(MicrosoftAppId);
}

/// <summary>How the bot gets its outbound tokens.</summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
