using ArtBot.Domain.Arts;
using ArtBot.Domain.Pulses;
using ArtBot.Features.Common;
using ArtBot.Hosting;
using ArtBot.Storage.Pulses;
using Azure.Data.Tables;

namespace ArtBot.Features.Pulses;

/// <summary>Registers the team satisfaction pulse: its table, store, shared card, command and card action.</summary>
public static class PulseServices
{
    public static IServiceCollection AddPulses(this IServiceCollection services)
    {
        services.AddSingleton(new RequiredTable(PulseStore.TableName));
        services.AddSingleton<IPulseStore>(sp => new PulseStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(PulseStore.TableName)));
        services.AddSingleton<SharedPulseCardUpdater>();
        services.AddSingleton<PulseClosing>();
        services.AddSingleton<IPiChangeListener>(sp => sp.GetRequiredService<PulseClosing>());
        services.AddBotFeature<PulseCommands>();
        services.AddBotFeature<PulseActions>();
        return services;
    }
}
