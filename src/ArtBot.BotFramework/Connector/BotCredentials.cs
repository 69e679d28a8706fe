using Azure.Core;

namespace ArtBot.BotFramework.Connector;

/// <summary>The bot's own Entra ID credential, as its app type calls for (shared by the connector, storage and Graph).</summary>
public static class BotCredentials
{
    /// <summary>
    /// SingleTenant: client secret against the app's tenant; MultiTenant: client secret against botframework.com;
    /// UserAssignedMSI: the managed identity by client id. Null in local-development mode (no app id).
    /// </summary>
    public static TokenCredential? Create(BotFrameworkOptions options) =>
        options.IsLocalDevelopment ? null : ConnectorCredentialSpec.From(options).CreateCredential(options.MicrosoftAppPassword);
}
