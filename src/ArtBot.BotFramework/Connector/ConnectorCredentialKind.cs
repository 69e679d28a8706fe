namespace ArtBot.BotFramework.Connector;

/// <summary>Which Azure.Identity credential the connector token comes from.</summary>
internal enum ConnectorCredentialKind
{
    ClientSecret,
    UserAssignedManagedIdentity,
}
