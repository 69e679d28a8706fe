using ArtBot.BotFramework;
using ArtBot.BotFramework.Http;
using ArtBot.Domain.AzureDevOps;
using ArtBot.Features.Common;
using ArtBot.Hosting;
using ArtBot.Storage.AzureDevOps;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace ArtBot.Features.AzureDevOps;

/// <summary>
/// Registers the ART backlog's link to Azure DevOps Boards: its table, the REST client with the bot's identity, the
/// refresh (on demand and in the background) and the <c>backlog</c> command.
/// </summary>
public static class AzureDevOpsServices
{
    private static readonly HttpRetryOptions Retry = new() { MaxRetries = 2, MaxRetryAfter = TimeSpan.Zero };

    public static IServiceCollection AddAzureDevOps(this IServiceCollection services)
    {
        services.AddOptions<AzureDevOpsOptions>().BindConfiguration(AzureDevOpsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AzureDevOpsOptions>, AzureDevOpsOptionsValidation>();
        services.AddSingleton(new RequiredTable(BacklogLinkStore.TableName));
        services.AddSingleton<IBacklogLinkStore>(sp => new BacklogLinkStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(BacklogLinkStore.TableName)));
        // The bot's own credential (none in local development); Azure DevOps accepts Entra tokens of identities added to the organization.
        services.AddSingleton(sp => new AzureDevOpsIdentity(
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.IsLocalDevelopment ? null : sp.GetRequiredService<TokenCredential>()));
        // Every Retry-After goes back to the caller (MaxRetryAfter zero), which defers the organization for every instance.
        services.AddHttpClient(AzureDevOpsClient.HttpClientName, client => client.Timeout = Retry.CallBound())
            .AddOutgoingResilience(_ => Retry);
        services.AddSingleton<AzureDevOpsClient>();
        services.AddSingleton<BacklogRefresh>();
        services.AddSingleton<BacklogRefreshService>();
        services.AddHostedService(sp => sp.GetRequiredService<BacklogRefreshService>());
        services.AddBotFeature<AzureDevOpsCommands>();
        return services;
    }
}
