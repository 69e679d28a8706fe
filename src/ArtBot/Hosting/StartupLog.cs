using ArtBot.BotFramework;
using ArtBot.Features.People;
using Microsoft.Extensions.Options;

namespace ArtBot.Hosting;

/// <summary>Says at start-up how the bot is configured; loudly when it accepts unauthenticated requests.</summary>
public sealed partial class StartupLog(IOptions<BotFrameworkOptions> bot, IOptions<StorageOptions> storage, IOptions<GraphOptions> graph, ILogger<StartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = bot.Value;
        if (options.IsLocalDevelopment)
        {
            LogLocalDevelopment();
        }
        else
        {
            LogProduction(options.MicrosoftAppType, options.MicrosoftAppId!, options.ToBotFromChannelTokenIssuer);
        }

        var how = string.IsNullOrWhiteSpace(storage.Value.TableEndpoint)
            ? "connection string" + (storage.Value.ConnectionString == StorageOptions.DevelopmentStorage ? " (Azurite / development storage)" : string.Empty)
            : "Entra ID at " + storage.Value.TableEndpoint;
        LogStorage(how);

        if (graph.Value.IsEnabled)
        {
            LogPeopleFromGraph(graph.Value.BaseUrl);
        }
        else
        {
            LogPeopleFromConnector(options.IsLocalDevelopment ? "no MicrosoftAppId"
                : options.MicrosoftAppType == BotAppType.MultiTenant ? "a MultiTenant bot has no token for the customer's tenant"
                : "Graph:Enabled is false");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "*** LOCAL DEVELOPMENT MODE: no MicrosoftAppId is configured. /api/messages accepts UNAUTHENTICATED requests and outbound calls carry no token. Never run like this in production. ***")]
    private partial void LogLocalDevelopment();

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {AppType} app {AppId}: channel tokens from issuer {Issuer} are required on /api/messages")]
    private partial void LogProduction(BotAppType appType, string appId, string issuer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Table Storage through {How}")]
    private partial void LogStorage(string how);

    [LoggerMessage(Level = LogLevel.Information, Message = "People directory: Microsoft Graph at {BaseUrl} (team rosters from Microsoft 365 groups; reminders skip people whose automatic replies are on)")]
    private partial void LogPeopleFromGraph(string baseUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "People directory: the Bot Connector's channel rosters; Microsoft Graph is off ({Why}), so the out-of-office rule is off")]
    private partial void LogPeopleFromConnector(string why);
}
