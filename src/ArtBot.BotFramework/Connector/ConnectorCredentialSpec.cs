using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace ArtBot.BotFramework.Connector;

/// <summary>
/// What credential the bot's app type calls for (teams-protocol.md §2): SingleTenant → client secret
/// against the app's tenant; MultiTenant → client secret against <c>botframework.com</c>;
/// UserAssignedMSI → managed identity by client id. Kept apart from the credential so it can be tested.
/// </summary>
internal sealed record ConnectorCredentialSpec(ConnectorCredentialKind Kind, string ClientId, string? TenantId, Uri? AuthorityHost)
{
    /// <summary>The spec for <paramref name="options"/>; throws when settings the app type needs are missing.</summary>
    public static ConnectorCredentialSpec From(BotFrameworkOptions options)
    {
        if (options.IsLocalDevelopment)
        {
            throw new InvalidOperationException("No MicrosoftAppId is configured: local development needs no credential.");
        }

        var appId = options.MicrosoftAppId!.Trim();
        switch (options.MicrosoftAppType)
        {
            case BotAppType.SingleTenant:
                Require(options.MicrosoftAppTenantId, "MicrosoftAppTenantId", "SingleTenant");
                Require(options.MicrosoftAppPassword, "MicrosoftAppPassword", "SingleTenant");
                return new(ConnectorCredentialKind.ClientSecret, appId, options.MicrosoftAppTenantId!.Trim(), LoginAuthority(options));
            case BotAppType.MultiTenant:
                Require(options.MicrosoftAppPassword, "MicrosoftAppPassword", "MultiTenant");
                return new(ConnectorCredentialKind.ClientSecret, appId, BotFrameworkOptions.MultiTenantAuthority, LoginAuthority(options));
            case BotAppType.UserAssignedMSI:
                if (!string.IsNullOrEmpty(options.MicrosoftAppPassword))
                {
                    throw new InvalidOperationException("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI.");
                }

                return new(ConnectorCredentialKind.UserAssignedManagedIdentity, appId, options.MicrosoftAppTenantId, null);
            default:
                throw new InvalidOperationException($"Unknown MicrosoftAppType '{options.MicrosoftAppType}'.");
        }
    }

    /// <summary>The token scope: <c>{ToChannelFromBotOAuthScope}/.default</c>.</summary>
    public static string Scope(BotFrameworkOptions options) => options.ToChannelFromBotOAuthScope.TrimEnd('/') + "/.default";

    /// <summary>
    /// The Azure.Identity credential for this spec; <paramref name="secret"/> is the app password. With <paramref name="http"/>
    /// (the token endpoint's client, which carries the outgoing resilience pipeline) the credential sends through it and
    /// does not retry on its own: one retry layer.
    /// </summary>
    public TokenCredential CreateCredential(string? secret, HttpClient? http = null) => Kind switch
    {
        ConnectorCredentialKind.ClientSecret => new ClientSecretCredential(
            TenantId, ClientId, secret, Through(new ClientSecretCredentialOptions { AuthorityHost = AuthorityHost }, http)),
        ConnectorCredentialKind.UserAssignedManagedIdentity => new ManagedIdentityCredential(
            Through(new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(ClientId)), http)),
        _ => throw new InvalidOperationException($"Unknown credential kind '{Kind}'."),
    };

    private static T Through<T>(T options, HttpClient? http)
        where T : TokenCredentialOptions
    {
        if (http is not null)
        {
            options.Transport = new HttpClientTransport(http);
            options.Retry.MaxRetries = 0;
        }

        return options;
    }

    private static Uri LoginAuthority(BotFrameworkOptions options) =>
        Uri.TryCreate(options.ToChannelFromBotLoginUrl, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException("ToChannelFromBotLoginUrl must be an absolute URL.");

    private static void Require(string? value, string name, string appType)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"{name} is required when MicrosoftAppType is {appType}.");
        }
    }
}
