namespace ArtBot.EndToEnd;

/// <summary>Someone signed in to Teams: their tenant, Entra object id, name and sign-in name.</summary>
public sealed record TeamsUser(string TenantId, string ObjectId, string Name, string UserPrincipalName)
{
    /// <summary>Their Teams user id as the Bot Connector names them (opaque in Teams; derived here).</summary>
    public string TeamsId => "29:" + ObjectId;
}
