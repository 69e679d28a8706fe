using ArtBot.BotFramework;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ArtBot.Features.Room;

/// <summary>
/// Teams SSO for the ART room: JwtBearer over the multi-tenant authority's metadata, audience the app's resource (or
/// app id), issuer the user's own tenant (the token's <c>tid</c> in the issuer template), scope <c>access_as_user</c>.
/// </summary>
public static partial class RoomAuthentication
{
    public const string Scheme = "RoomSso";
    public const string Policy = "RoomUser";
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public static IServiceCollection AddRoomAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<RoomOptions>, IOptions<BotFrameworkOptions>, TimeProvider>((jwt, room, bot, time) =>
        {
            var appId = bot.Value.MicrosoftAppId;
            jwt.MetadataAddress = room.Value.MetadataAddress;
            jwt.RequireHttpsMetadata = !Uri.TryCreate(room.Value.MetadataAddress, UriKind.Absolute, out var metadata) || !metadata.IsLoopback;
            jwt.MapInboundClaims = false;
            jwt.TimeProvider = time;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudiences = [.. new[] { string.IsNullOrWhiteSpace(room.Value.ClientId) ? appId : room.Value.ClientId, room.Value.Audience }.Where(a => !string.IsNullOrWhiteSpace(a))!],
                IssuerValidator = (issuer, token, _) => IsUsersTenantIssuer(issuer, (token as Microsoft.IdentityModel.JsonWebTokens.JsonWebToken)?.GetPayloadValue<string>("tid"), room.Value.IssuerTemplates)
                    ? issuer
                    : throw new SecurityTokenInvalidIssuerException("The token is not from the user's own tenant.") { InvalidIssuer = issuer },
                ClockSkew = Skew,
                RequireExpirationTime = true,

                // Lifetime on the host's TimeProvider (IdentityModel 8 reads the system clock; the tests move time).
                LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires, time.GetUtcNow().UtcDateTime),
            };
            jwt.Events = new JwtBearerEvents
            {
                // Why a token was refused: IdentityModel's messages hide personal data (ShowPII is off), the token is never logged.
                OnAuthenticationFailed = failed =>
                {
                    var logger = failed.HttpContext.RequestServices.GetRequiredService<ILogger<RoomAccess>>();
                    LogRefused(logger, failed.Exception);
                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.FindFirst("scp")?.Value.Split(' ').Contains(RoomOptions.Scope) == true
                && RoomUser.From(context.User) is not null));
        return services;
    }

    /// <summary>Not before its start and not after its expiry (both required), give or take <see cref="Skew"/>.</summary>
    public static bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, DateTime now) =>
        expires is { } end && now - Skew < end && (notBefore is not { } start || start < now + Skew);

    [LoggerMessage(Level = LogLevel.Information, Message = "ART room: a token was refused")]
    private static partial void LogRefused(ILogger logger, Exception exception);

    /// <summary>
    /// Entra's multi-tenant metadata names the issuer as a template; a token is from its user's own tenant when the
    /// template with the token's <c>tid</c> is exactly its issuer. (Hand-written: eight lines, where the library's
    /// validator fetches Entra's own metadata documents, which a local issuer in tests cannot serve.)
    /// </summary>
    public static bool IsUsersTenantIssuer(string issuer, string? tenantId, IEnumerable<string> templates) =>
        tenantId is { Length: > 0 } && Guid.TryParse(tenantId, out _)
        && templates.Any(t => string.Equals(t.Replace("{tenantid}", tenantId, StringComparison.OrdinalIgnoreCase), issuer, StringComparison.Ordinal));
}
