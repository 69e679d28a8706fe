using Azure.Core;

namespace ArtBot.BotFramework.Connector;

/// <summary>The bot's own Entra ID credential, as its app type calls for (shared by the connector, storage and Graph).</summary>
public static class BotCredentials
{
    /// <summary>The token endpoint's HttpClient (registered by <see cref="ConnectorServiceCollectionExtensions.AddBotConnector"/> with the outgoing resilience pipeline).</summary>
    public const string HttpClientName = "BotIdentity";

    /// <summary>
    /// SingleTenant: client secret against the app's tenant; MultiTenant: client secret against botframework.com;
    /// UserAssignedMSI: the managed identity by client id. Null in local-development mode (no app id). With
    /// <paramref name="http"/> (the <see cref="HttpClientName"/> client) its token requests go through the outgoing
    /// resilience pipeline and the credential's own retries are off.
    /// </summary>
    public static TokenCredential? Create(BotFrameworkOptions options, HttpClient? http = null) =>
        options.IsLocalDevelopment ? null : ConnectorCredentialSpec.From(options).CreateCredential(options.MicrosoftAppPassword, http);
}
