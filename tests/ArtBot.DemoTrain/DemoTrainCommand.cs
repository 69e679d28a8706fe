using System.Diagnostics;
using System.Globalization;
using ArtBot.Storage;
using Azure;
using Microsoft.Extensions.Configuration;

namespace ArtBot.DemoTrain;

/// <summary>
/// Seeds the demo train into the bot's storage: <c>Storage:ConnectionString</c>, read like the bot reads it (environment
/// variable <c>Storage__ConnectionString</c> or <c>--Storage:ConnectionString=...</c>), Azurite's default when unset.
/// Only local storage (Azurite) unless <c>--allow-remote-storage true</c>: made-up people have no place in a real tenant.
/// </summary>
public static class DemoTrainCommand
{
    public static async Task<int> Main(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args, new Dictionary<string, string>
            {
                ["--service-url"] = "Demo:ServiceUrl",
                ["--comet-service-url"] = "Demo:CometServiceUrl",
                ["--allow-remote-storage"] = "Demo:AllowRemoteStorage",
            })
            .Build();
        var connection = configuration["Storage:ConnectionString"] is { Length: > 0 } configured ? configured : "UseDevelopmentStorage=true";
        if (!DemoStorage.IsLocal(connection) && !configuration.GetValue<bool>("Demo:AllowRemoteStorage"))
        {
            Console.Error.WriteLine("[demo] Storage:ConnectionString is not local storage (Azurite); pass --allow-remote-storage true to seed it anyway.");
            return 2;
        }

        var defaults = new DemoTrainOptions();
        var options = defaults with
        {
            ServiceUrl = configuration["Demo:ServiceUrl"] ?? defaults.ServiceUrl,
            CometServiceUrl = configuration["Demo:CometServiceUrl"] ?? defaults.CometServiceUrl,
        };
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var tables = DemoStorage.Client(connection);
        var clock = Stopwatch.StartNew();
        try
        {
            await DemoStorage.WaitUntilReachableAsync(tables, TimeSpan.FromSeconds(30), TimeProvider.System, stop.Token);
            var result = await new DemoTrainSeeder(tables, TimeProvider.System, options).SeedAsync(stop.Token);
            var pis = result.Art.CurrentPi;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[demo] {result.Art.Name} {(result.Created ? "seeded" : "found seeded, checked")} in {clock.Elapsed.TotalSeconds:0.0} s: {result.Teams} teams, {result.People} people, " +
                $"{result.Pis} PIs (the current one {pis?.Name}, {pis?.Start:yyyy-MM-dd} to {pis?.End:yyyy-MM-dd}), {result.Votes} votes with {result.Ballots} ballots, " +
                $"{result.CheckIns} check-ins, {result.Impediments} impediments and risks, {result.Objectives} objectives, {result.Dependencies} dependencies, " +
                $"{result.Improvements} improvement items."));
            return 0;
        }
        catch (Exception exception) when (exception is DemoTrainConflictException or StorageUnavailableException or RequestFailedException or TimeoutException)
        {
            Console.Error.WriteLine($"[demo] not seeded: {exception.Message}");
            return 1;
        }
    }
}
