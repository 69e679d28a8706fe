using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ArtBot.BotFramework.Auth;

public static class BotAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BotTokenValidator"/> (singleton), its named HttpClient, <see cref="TimeProvider.System"/>
    /// (unless one is registered) and a start-up check of the metadata URL. Binding <see cref="BotFrameworkOptions"/>
    /// stays with the host.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Before any IdentityModel object exists in the process (other JwtBearer schemes of the host create token
        // handlers as soon as their options are read, and IdentityModel keeps the switch value it sees first).
        BotTokenValidator.UseBlockingRefresh();
        services.AddHttpClient(BotTokenValidator.HttpClientName, client =>
        {
            // Per request (IdentityModel's retriever passes no token, and tries a 503 or 408 once more); the metadata
            // and key documents are a few kilobytes.
            client.Timeout = TimeSpan.FromSeconds(15);
            client.MaxResponseContentBufferSize = 512 * 1024;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BotTokenValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotAuthenticationOptionsValidator>());
        services.AddOptions<BotFrameworkOptions>().ValidateOnStart();
        return services;
    }
}

/// <summary>Fails start-up when a production configuration points at a metadata URL the validator would refuse.</summary>
internal sealed class BotAuthenticationOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        if (options.IsLocalDevelopment)
        {
            return ValidateOptionsResult.Success;
        }

        var problem = MetadataUrlPolicy.Check(options.ToBotFromChannelOpenIdMetadataUrl, nameof(BotFrameworkOptions.ToBotFromChannelOpenIdMetadataUrl));
        if (problem is null && string.IsNullOrWhiteSpace(options.ToBotFromChannelTokenIssuer))
        {
            problem = $"{nameof(BotFrameworkOptions.ToBotFromChannelTokenIssuer)} is empty.";
        }

        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}
