using Azure.Core;

namespace ArtBot.Features.AzureDevOps;

/// <summary>
/// The bot's own identity toward Azure DevOps (its app registration or managed identity, the credential every outbound
/// call uses); null in local development, where the bot has none. No personal access token is ever used.
/// </summary>
public sealed class AzureDevOpsIdentity(TokenCredential? credential)
{
    public TokenCredential? Credential { get; } = credential;
}
