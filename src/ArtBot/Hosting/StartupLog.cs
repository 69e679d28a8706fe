using ArtBot.BotFramework;
using Microsoft.Extensions.Options;

namespace ArtBot.Hosting;

/// <summary>Says at start-up how the bot is configured; loudly when it accepts unauthenticated requests.</summary>
public sealed partial class StartupLog(IOptions<BotFrameworkOptions> bot, IOptions<StorageOptions> storage, ILogger<StartupLog> logger) : IHostedService
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
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "*** LOCAL DEVELOPMENT MODE: no MicrosoftAppId is configured. /api/messages accepts UNAUTHENTICATED requests and outbound calls carry no token. Never run like this in production. ***")]
    private partial void LogLocalDevelopment();

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {AppType} app {AppId}: channel tokens from issuer {Issuer} are required on /api/messages")]
    private partial void LogProduction(BotAppType appType, string appId, string issuer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Table Storage through {How}")]
    private partial void LogStorage(string how);
}
