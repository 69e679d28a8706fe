using ArtBot.Tests.Shared;

namespace ArtBot.LoadTests;

/// <summary>
/// The ART room's sign-in as in Azure, for the benchmarks that call its pages' APIs: the bot configured with its
/// managed identity (tokens from the connector stand-in's endpoint) and Teams SSO checked against a local Entra-like
/// issuer's metadata; a token per person of the seeded tenant.
/// </summary>
public sealed class RoomSignIn : IAsyncDisposable
{
    public const string AppId = StormHost.AppId;
    private const string Template = "https://login.microsoftonline.com/{tenantid}/v2.0";

    private readonly TestTokenIssuer _tokens;
    private readonly OpenIdMetadataServer _metadata;
    private readonly string _tenantId;

    private RoomSignIn(TestTokenIssuer tokens, OpenIdMetadataServer metadata, string tenantId) => (_tokens, _metadata, _tenantId) = (tokens, metadata, tenantId);

    public static async Task<RoomSignIn> StartAsync(string tenantId)
    {
        var tokens = new TestTokenIssuer();
        return new RoomSignIn(tokens, await OpenIdMetadataServer.StartAsync(tokens.PublishedKeys, Template).ConfigureAwait(false), tenantId);
    }

    /// <summary>The bot's settings in production mode (scheduler and Graph off: the benchmark drives every request).</summary>
    public Dictionary<string, string?> BotSettings(FastConnector connector, string storage) => new()
    {
        ["MicrosoftAppType"] = "UserAssignedMSI",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppTenantId"] = _tenantId,
        ["IDENTITY_ENDPOINT"] = connector.IdentityEndpoint,
        ["IDENTITY_HEADER"] = ManagedIdentityStandIn.Header,
        ["Graph:Enabled"] = "false",
        ["Sync:SchedulerEnabled"] = "false",
        ["Storage:ConnectionString"] = storage,
        ["Room:MetadataAddress"] = _metadata.MetadataUrl,
    };

    /// <summary>A Teams SSO token of <paramref name="objectId"/> (named <paramref name="name"/> when given), as the tab sends it.</summary>
    public string Token(string objectId, string? name = null) => _tokens.CreateToken(AppId, null!, o =>
    {
        o.Issuer = Template.Replace("{tenantid}", _tenantId, StringComparison.Ordinal);
        o.ExtraClaims["tid"] = _tenantId;
        o.ExtraClaims["oid"] = objectId;
        if (name is not null)
        {
            o.ExtraClaims["name"] = name;
        }

        o.ExtraClaims["scp"] = "access_as_user";
    });

    public ValueTask DisposeAsync() => _metadata.DisposeAsync();
}
