namespace ArtBot.Features.Room;

/// <summary>
/// The ART room tab's sign-in (<c>Room</c> section): Teams SSO tokens are Entra ID access tokens for the app's
/// <c>webApplicationInfo</c> resource. Defaults suit Entra ID; tests point <see cref="MetadataAddress"/> at a local issuer.
/// </summary>
public sealed class RoomOptions
{
    public const string Section = "Room";
    public const string Scope = "access_as_user";

    /// <summary>OpenID metadata of the multi-tenant authority (its issuer is a <c>{tenantid}</c> template).</summary>
    public string MetadataAddress { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// Accepted issuers, <c>{tenantid}</c> standing for the token's <c>tid</c>: Entra v2 tokens and, for apps whose
    /// manifest keeps v1 tokens, v1.
    /// </summary>
    public string[] IssuerTemplates { get; set; } = ["https://login.microsoftonline.com/{tenantid}/v2.0", "https://sts.windows.net/{tenantid}/"];

    /// <summary>
    /// The app registration Teams asks SSO tokens for (<c>webApplicationInfo.id</c>): the bot's own when it is an app
    /// registration (the default, <c>MicrosoftAppId</c>); a separate one when the bot is a managed identity, which
    /// cannot expose an API.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// Its Application ID URI (<c>webApplicationInfo.resource</c>: <c>api://{host}/botid-{appId}</c>, or
    /// <c>api://{host}/{clientId}</c>). v2 tokens carry the client id as audience, v1 tokens this URI; both are accepted.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>How long a membership answer from Teams is trusted (per user and conversation, per instance).</summary>
    public TimeSpan MembershipCacheTime { get; set; } = TimeSpan.FromMinutes(5);
}
