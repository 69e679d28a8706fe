using System.Security.Claims;

namespace ArtBot.BotFramework.Auth;

/// <summary>The outcome of authenticating one inbound channel request.</summary>
/// <param name="Succeeded">True when the request may be processed.</param>
/// <param name="FailureReason">Short, fixed text (see <see cref="BotAuthenticationFailures"/>); safe to return and to log, never contains the token.</param>
/// <param name="Identity">The validated token's claims, or an empty anonymous identity in local-development mode.</param>
/// <param name="IsAnonymous">True when the request was accepted without a token (local-development mode only).</param>
public sealed record BotAuthenticationResult(bool Succeeded, string? FailureReason, ClaimsIdentity? Identity, bool IsAnonymous)
{
    /// <summary>The authentication type of the identity given to unauthenticated local-development requests.</summary>
    public const string AnonymousAuthenticationType = "anonymous";

    /// <summary>The authentication type of identities built from a validated channel token.</summary>
    public const string ChannelAuthenticationType = "BotFrameworkChannel";

    public static BotAuthenticationResult Success(ClaimsIdentity identity) => new(true, null, identity, false);

    public static BotAuthenticationResult Anonymous() =>
        new(true, null, new ClaimsIdentity(authenticationType: AnonymousAuthenticationType), true);

    public static BotAuthenticationResult Failure(string reason) => new(false, reason, null, false);
}
