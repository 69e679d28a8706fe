namespace ArtBot.Tests.Shared;

/// <summary>
/// A local stand-in for Entra ID's multi-tenant authority as Teams SSO uses it: OpenID metadata whose issuer is the
/// <c>{tenantid}</c> template, its keys, and the access tokens <c>authentication.getAuthToken</c> hands a tab (v2: issuer
/// of the user's tenant, audience the app's client id, <c>scp access_as_user</c>, <c>tid</c>, <c>oid</c>, <c>azp</c> Teams).
/// </summary>
public sealed class TeamsSsoIssuer : IAsyncDisposable
{
    public const string Template = "https://login.microsoftonline.com/{tenantid}/v2.0";
    public const string Scope = "access_as_user";

    /// <summary>Teams web's client id, the authorized party of the SSO tokens it asks for.</summary>
    public const string TeamsWebClientId = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346";

    private readonly TestTokenIssuer _keys;

    private TeamsSsoIssuer(TestTokenIssuer keys, OpenIdMetadataServer metadata, string clientId, string resource)
    {
        _keys = keys;
        Metadata = metadata;
        ClientId = clientId;
        Resource = resource;
    }

    public OpenIdMetadataServer Metadata { get; }

    /// <summary>The app registration SSO tokens are for (<c>webApplicationInfo.id</c>): their audience.</summary>
    public string ClientId { get; }

    /// <summary>Its Application ID URI (<c>webApplicationInfo.resource</c>).</summary>
    public string Resource { get; }

    /// <summary>The clock tokens are minted on.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The bot's settings that point the ART room's sign-in at this issuer.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Room:MetadataAddress"] = Metadata.MetadataUrl,
        ["Room:ClientId"] = ClientId,
        ["Room:Audience"] = Resource,
    };

    /// <summary>
    /// Starts the metadata server for tokens to <paramref name="clientId"/>, whose Application ID URI is
    /// <paramref name="resource"/> (<c>api://{host}/botid-{appId}</c>, or <c>api://{host}/{clientId}</c> for an app
    /// registration of its own).
    /// </summary>
    public static async Task<TeamsSsoIssuer> StartAsync(string clientId, string resource)
    {
        var keys = new TestTokenIssuer();
        var metadata = await OpenIdMetadataServer.StartAsync(keys.PublishedKeys, Template).ConfigureAwait(false);
        return new TeamsSsoIssuer(keys, metadata, clientId, resource);
    }

    /// <summary>A valid token for a user of <paramref name="tenant"/>; <paramref name="change"/> makes it wrong in one way.</summary>
    public string Token(string tenant, string objectId, string name, string? userPrincipalName = null, Action<TestTokenOptions>? change = null) =>
        _keys.CreateToken(ClientId, null!, o =>
        {
            var now = Clock.GetUtcNow();
            o.Issuer = Template.Replace("{tenantid}", tenant, StringComparison.Ordinal);
            o.IssuedAt = o.NotBefore = now.AddMinutes(-1);
            o.Expires = now.AddHours(1);
            o.ExtraClaims["tid"] = tenant;
            o.ExtraClaims["oid"] = objectId;
            o.ExtraClaims["name"] = name;
            o.ExtraClaims["preferred_username"] = userPrincipalName ?? objectId;
            o.ExtraClaims["scp"] = Scope;
            o.ExtraClaims["azp"] = TeamsWebClientId;
            o.ExtraClaims["ver"] = "2.0";
            change?.Invoke(o);
        });

    public ValueTask DisposeAsync() => Metadata.DisposeAsync();
}
