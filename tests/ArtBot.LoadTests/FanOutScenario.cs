using System.Diagnostics;
using System.Globalization;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Sync;
using ArtBot.Storage;
using ArtBot.Storage.Arts;
using ArtBot.Storage.Sync;
using Azure.Data.Tables;
using ArtBot.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ArtBot.LoadTests;

/// <summary>
/// The fan-out benchmark (issue 4): an ART with N team channels (default 1,000), an RTE types <c>sync now</c>, and the
/// scheduler posts every check-in prompt through the connector client to a connector that enforces Teams' limits and
/// throttles 10% of sends at random. Runs: uninterrupted, with the bot host stopped (gracefully) when half the channels
/// have their prompt and a new host started on the same storage, and with the bot as a process of its own SIGKILLed at
/// half and restarted (<c>--kill-runs N</c> repeats that one; <c>--killed-only</c> skips the other runs). <c>--instances 1,2,3</c>
/// runs every one of them with that many bot processes on one storage, all schedulers on (App Service scale-out), the
/// interrupted one being the instance that received <c>sync now</c>. Reports the time to deliver all, messages per second
/// against the 50/s tenant ceiling, over-limit 429s, duplicates and losses (both must be 0), and the bot processes' costs
/// per delivered message (<see cref="CostBudgets"/>; a smoke run fails over budget).
/// </summary>
public static class FanOutScenario
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string RteAad = "rte-aad";
    private const double TargetSeconds = 23.5;

    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var channels = smoke ? 100 : 1000;
        var index = Array.IndexOf(args, "--channels");
        if (index >= 0 && index + 1 < args.Length)
        {
            channels = int.Parse(args[index + 1], CultureInfo.InvariantCulture);
        }

        // --set Key=Value (repeatable): bot settings, e.g. --set Sync:FanOutConcurrency=128
        var overrides = args.Select((a, i) => (a, i)).Where(x => x.a == "--set" && x.i + 1 < args.Length)
            .Select(x => args[x.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)(kv.Length > 1 ? kv[1] : null));

        Console.WriteLine($"Fan-out: {channels} team channels, connector limits 7/s and 60/30 s per conversation, 50/s per tenant, 10% of sends answered 429 + Retry-After: 1; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        await using var azurite = await Azurite.StartAsync().ConfigureAwait(false);
        await using var connector = await TeamsLimitedConnector.StartAsync().ConfigureAwait(false);
        var tokens = new TestTokenIssuer();
        await using var metadata = await OpenIdMetadataServer.StartAsync(tokens).ConfigureAwait(false);
        // Every run starts the bot as a process, as deployed.
        var bot = await BotProcess.PrepareAsync().ConfigureAwait(false);
        Console.WriteLine($"Bot process: {bot}");
        var context = new RunContext(azurite.ConnectionString, connector, tokens, metadata, channels, overrides, bot);

        // --instances 1,2,3: the runs with that many bot processes (default 1; the smoke run 1 and 2).
        var instancesIndex = Array.IndexOf(args, "--instances");
        var instanceCounts = instancesIndex >= 0 && instancesIndex + 1 < args.Length
            ? args[instancesIndex + 1].Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray()
            : smoke ? [1, 2] : [1];

        // --kill-runs N: how many killed runs (each a fresh ART on the same storage and connector).
        var killIndex = Array.IndexOf(args, "--kill-runs");
        var killRuns = killIndex >= 0 && killIndex + 1 < args.Length ? int.Parse(args[killIndex + 1], CultureInfo.InvariantCulture) : 1;
        var results = new List<RunResult>();
        foreach (var instances in instanceCounts)
        {
            if (!args.Contains("--killed-only"))
            {
                results.Add(await RunProcessAsync(context, instances, "uninterrupted", Interruption.None).ConfigureAwait(false));
                results.Add(await RunProcessAsync(context, instances, "one process stopped at 50% (SIGTERM), restarted", Interruption.Stop).ConfigureAwait(false));
            }

            for (var run = 1; run <= killRuns; run++)
            {
                results.Add(await RunProcessAsync(context, instances, $"one process killed at 50% (SIGKILL), restarted, run {run}", Interruption.Kill).ConfigureAwait(false));
            }
        }

        string F(double v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine("| Instances | Run | Delivered | Time to deliver all (s) | Messages/s (vs 50/s ceiling) | Requests/s incl. 429s | Peak requests in 1 s | 429 random / over limit (% of sends) | Duplicates | Losses | Restart |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Instances} | {r.Label} | {r.Delivered} of {channels} | {F(r.Seconds, "0.00")} | {F(r.Delivered / r.Seconds)} ({F(100 * r.Delivered / r.Seconds / 50, "0")}%) | {F(r.Requests / r.Seconds)} | {r.PeakPerSecond} | {r.RandomThrottled} / {r.LimitThrottled} ({F(100.0 * r.LimitThrottled / Math.Max(1, r.Requests), "0.0")}%) | {r.Duplicates} | {r.Lost} | {r.Restart} |");
        }

        // A kill between a post reaching the connector and its row recording it leaves the new process to search the channel
        // (Graph); only a send the search could not decide is repeated by the rule (SyncDelivery.ResendsInterruptedSend) and
        // may double: reported as is, and a failure only beyond those.
        var ok = results.All(r => r.Lost == 0 && (r.Killed ? r.Duplicates <= r.Repeated : r.Duplicates == 0));
        var zero = results.All(r => r.Duplicates == 0 && r.Lost == 0);
        var fast = results.All(r => r.Seconds <= TargetSeconds);
        var withinLimits = results.All(r => r.LimitThrottled <= 0.01 * r.Requests);
        Console.WriteLine();
        if (results.Any(r => r.Killed))
        {
            var killedRuns = results.Where(r => r.Killed).ToList();
            Console.WriteLine($"Killed runs: {killedRuns.Sum(r => r.Found)} interrupted sends found in their channel with Graph and not repeated, {killedRuns.Sum(r => r.Repeated)} repeated undecided, {killedRuns.Sum(r => r.Duplicates)} duplicates, {killedRuns.Sum(r => r.Lost)} losses. "
                + $"Managed-identity tokens issued: {string.Join(", ", context.Connector.TokenRequests.Select(t => $"{t.Value} for {t.Key}"))}; Graph requests: {context.Connector.GraphRequests}.");
        }

        Console.WriteLine($"No loss, and no duplicate beyond a repeated interrupted send: {(ok ? "met" : "NOT met")}. Zero duplicates and zero losses in every run: {(zero ? "met" : "NOT met")}."
            + $" Over-limit 429s at most 1% of requests in every run: {(withinLimits ? "met" : "NOT met")}."
            + (channels == 1000 ? $" All 1,000 delivered within {F(TargetSeconds, "0.0")} s in every run: {(fast ? "met" : "NOT met")}." : ""));

        // Costs of the uninterrupted runs (every instance's process, warm-up excluded), per delivered message.
        var measured = results.Where(r => r.Costs is not null).ToList();
        var withinBudget = CostBudgets.For("fanout").Check("delivered message", measured.Aggregate(BotCosts.Zero, (sum, r) => sum + r.Costs!), measured.Sum(r => r.Delivered));
        return ok && (withinBudget || !smoke) ? 0 : 1;
    }

    /// <summary>
    /// <paramref name="instances"/> bot processes (<see cref="BotProcess.PrepareAsync"/>, as deployed: UserAssignedMSI, Graph
    /// on, schedulers on, each its own <c>Sync:InstanceId</c>) on one storage, each warmed up with an untimed fan-out, then
    /// timed: uninterrupted, or the process that received <c>sync now</c> stopped (SIGTERM: graceful shutdown, as in a
    /// deployment or scale-in) or SIGKILLed once half the channels have their prompt, and a new process started under its
    /// instance id, as a container restarted in place. An in-process host with its scheduler off seeds the ART and reads the
    /// claim rows.
    /// </summary>
    private static async Task<RunResult> RunProcessAsync(RunContext context, int instances, string label, Interruption interruption)
    {
        var observer = await FanOutHost.StartAsync(context.Storage, context.Metadata, context.Overrides).ConfigureAwait(false);
        var run = Guid.NewGuid().ToString("N")[..6];
        Dictionary<string, string?> SettingsOf(int instance)
        {
            // As deployed: a user-assigned managed identity (tokens from the stand-in's App Service identity endpoint) for
            // the connector and Graph, channel tokens checked, Graph on (the search for an interrupted send's post).
            var settings = new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "UserAssignedMSI",
                ["MicrosoftAppId"] = FanOutHost.AppId,
                ["MicrosoftAppTenantId"] = TenantId,
                ["ToBotFromChannelOpenIdMetadataUrl"] = context.Metadata.MetadataUrl,
                ["IDENTITY_ENDPOINT"] = context.Connector.IdentityEndpoint,
                ["IDENTITY_HEADER"] = ManagedIdentityStandIn.Header,
                ["Graph:BaseUrl"] = context.Connector.GraphBaseUrl,
                ["Storage:ConnectionString"] = context.Storage,
                ["Sync:InstanceId"] = $"fanout-bot-{run}-{instance}",
                ["Sync:TickInterval"] = "00:00:05",
            };
            foreach (var (key, value) in context.Overrides)
            {
                settings[key] = value;
            }

            return settings;
        }

        string Token() => context.Tokens.CreateToken(TestTokenKind.Valid, FanOutHost.AppId, context.Connector.ServiceUrl);
        var bots = new List<BotProcess>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                bots.Add(await BotProcess.StartAsync(context.Bot, SettingsOf(i)).ConfigureAwait(false)); // one by one: each is disposed below, also when a later one fails
            }

            // Untimed warm-up of every process (a bot that has been running is warm; a restarted one is not): each is asked
            // for the same warm-up fan-out, so each takes part of it.
            var (warmArt, warmTeams) = await SeedAsync(observer.Services, context.Connector.ServiceUrl, Math.Min(50, context.Channels)).ConfigureAwait(false);
            var warmStart = Stopwatch.GetTimestamp();
            foreach (var bot in bots)
            {
                if (await bot.CommandAsync(context.Connector.ServiceUrl, warmArt.HomeConversationId, "sync now", RteAad, TenantId, Token()).ConfigureAwait(false) != 200)
                {
                    throw new InvalidOperationException("sync now (warm-up) failed");
                }
            }

            await MeasureAsync(context, instances, "warm-up of the processes", warmArt, warmTeams.Select(t => t.ConversationId).ToHashSet(StringComparer.Ordinal),
                (warmStart, context.Connector.RandomThrottled, context.Connector.LimitThrottled), observer.Services.GetRequiredService<ISyncStore>(), "").ConfigureAwait(false);

            var (art, teams) = await SeedAsync(observer.Services, context.Connector.ServiceUrl, context.Channels).ConfigureAwait(false);
            var ids = teams.Select(t => t.ConversationId).ToHashSet(StringComparer.Ordinal);
            var store = observer.Services.GetRequiredService<ISyncStore>();
            var key = OccurrenceKey.Of(art, SyncCalendar.Next(art, DateTimeOffset.UtcNow)!);

            var random0 = context.Connector.RandomThrottled;
            var limit0 = context.Connector.LimitThrottled;
            var costs0 = await BotCosts.SumAsync(bots).ConfigureAwait(false);
            var start = Stopwatch.GetTimestamp();
            var status = await bots[0].CommandAsync(context.Connector.ServiceUrl, art.HomeConversationId, "sync now", RteAad, TenantId, Token()).ConfigureAwait(false);
            if (status != 200)
            {
                throw new InvalidOperationException($"sync now answered {status}");
            }

            if (interruption == Interruption.None)
            {
                var measured = await MeasureAsync(context, instances, label, art, ids, (start, random0, limit0), store, "-").ConfigureAwait(false);
                return measured with { Costs = await BotCosts.SumAsync(bots).ConfigureAwait(false) - costs0 };
            }

            await WaitForAsync(() => Delivered(context.Connector, ids) >= ids.Count / 2, TimeSpan.FromSeconds(120)).ConfigureAwait(false);
            var pid = bots[0].Id;
            var stopping = Stopwatch.GetTimestamp();
            if (interruption == Interruption.Kill)
            {
                bots[0].Kill();
            }
            else
            {
                await bots[0].StopAsync().ConfigureAwait(false);
            }

            var stopped = Stopwatch.GetTimestamp();
            var atStop = Delivered(context.Connector, ids);
            var overLimitAtStop = context.Connector.LimitThrottled - limit0;
            var acceptedAtStop = context.Connector.Accepted.Keys.ToHashSet(StringComparer.Ordinal);
            await bots[0].DisposeAsync().ConfigureAwait(false);

            // Restarted at once, as an orchestrator would; the claims left are read meanwhile (one query of the claimed rows
            // only, answered long before the new process reaches storage).
            var left = context.ClaimsLeftAsync(key);
            bots[0] = await BotProcess.StartAsync(context.Bot, SettingsOf(0)).ConfigureAwait(false);
            var claims = await left.ConfigureAwait(false);
            var held = claims.Count(c => c.Owner == SettingsOf(0)["Sync:InstanceId"]);
            var midSend = claims.Count(c => c.SendingAt is not null);
            var unrecorded = claims.Count(c => acceptedAtStop.Contains(c.ConversationId));
            var ready = Stopwatch.GetTimestamp();
            var result = await MeasureAsync(context, instances, label, art, ids, (start, random0, limit0), store, "").ConfigureAwait(false);
            var found = bots.Sum(b => b.Log.Count(l => l.Contains("is in the channel", StringComparison.Ordinal)));
            var notThere = bots.Sum(b => b.Log.Count(l => l.Contains("is not in the channel; sent", StringComparison.Ordinal)));
            var resent = bots.Sum(b => b.Log.Count(l => l.Contains("sent again, so the channel may get it twice", StringComparison.Ordinal)));
            var firstAfter = context.Connector.ArrivalsSince(ready).FirstOrDefault(ready);
            var how = interruption == Interruption.Kill ? "killed" : $"stopped (shutdown took {Stopwatch.GetElapsedTime(stopping, stopped).TotalSeconds:0.0} s)";
            var restart = $"process {pid} {how} at {atStop} delivered, leaving {held} claims ({midSend} mid-send, {unrecorded} already accepted by the connector); "
                + $"new process ready {Stopwatch.GetElapsedTime(stopped, ready).TotalSeconds:0.0} s after, the next send {Stopwatch.GetElapsedTime(stopped, firstAfter).TotalSeconds:0.0} s after; "
                + $"interrupted sends searched for with Graph: {found} found in the channel (recorded), {notThere} not there (sent), {resent} undecided and sent again; "
                + $"over-limit 429s before / after {overLimitAtStop} / {result.LimitThrottled - overLimitAtStop}";
            return result with { Restart = restart, Repeated = resent, Found = found, Killed = interruption == Interruption.Kill };
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync().ConfigureAwait(false);
            }

            await observer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Waits for every channel's prompt and every delivery row to be final; counts duplicates and losses at the connector.</summary>
    private static async Task<RunResult> MeasureAsync(
        RunContext context, int instances, string label, Art art, HashSet<string> ids, (long Start, long Random0, long Limit0) baseline, ISyncStore store, string restart)
    {
        var (start, random0, limit0) = baseline;
        await WaitForAsync(() => Delivered(context.Connector, ids) >= ids.Count, TimeSpan.FromSeconds(180)).ConfigureAwait(false);
        var last = ids.Max(id => context.Connector.AcceptedAt.TryGetValue(id, out var at) ? at : 0);
        var first = ids.Min(id => context.Connector.AcceptedAt.TryGetValue(id, out var at) ? at : long.MaxValue);
        var sorted = ids.Select(id => context.Connector.AcceptedAt.GetValueOrDefault(id)).Order().ToArray();
        string At(double share) => ((sorted[Math.Max(0, (int)Math.Ceiling(sorted.Length * share) - 1)] - start) / (double)Stopwatch.Frequency).ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine($"{instances} instance(s), {label}: first delivery after {(first - start) / (double)Stopwatch.Frequency:0.00} s; 50% {At(0.5)} s, 90% {At(0.9)} s, 95% {At(0.95)} s, 99% {At(0.99)} s, all {At(1)} s");
        // Where the tail comes from: every prompt had been tried once by then; the last one delivered was tried first at that
        // time and answered 429 (Retry-After: 1 s) so many times before it was accepted.
        var connector = context.Connector;
        var lastId = ids.MaxBy(id => connector.AcceptedAt.GetValueOrDefault(id))!;
        double Since(long at) => (at - start) / (double)Stopwatch.Frequency;
        Console.WriteLine(
            $"  every prompt tried once by {Since(ids.Max(id => connector.FirstAttemptAt.GetValueOrDefault(id))):0.00} s; the last delivered tried first at " +
            $"{Since(connector.FirstAttemptAt.GetValueOrDefault(lastId)):0.00} s and answered 429 {connector.ThrottledPosts.GetValueOrDefault(lastId)} time(s) before it was accepted");
        var seconds = (last - start) / (double)Stopwatch.Frequency;

        // Every delivery row final: nothing is still claimed that could post again.
        var occurrence = SyncCalendar.Next(art, DateTimeOffset.UtcNow)!;
        await WaitForAsync(async () =>
        {
            var rows = await store.GetDeliveriesAsync(OccurrenceKey.Of(art, occurrence), DeliveryKind.Prompt, default).ConfigureAwait(false);
            return rows.Count == ids.Count && rows.All(r => r.IsFinal);
        }, TimeSpan.FromSeconds(60)).ConfigureAwait(false);

        // Remove the run's ART, so later runs' ticks neither scan its team rows nor re-read its finished deliveries: every
        // run measures one ART of N channels, as a store holding only it would.
        await context.RemoveArtAsync(art).ConfigureAwait(false);

        var arrivals = context.Connector.ArrivalsSince(start).Where(t => t <= last).ToArray();
        var duplicates = ids.Sum(id => Math.Max(0, context.Connector.Accepted.GetValueOrDefault(id) - 1));
        var lost = ids.Count(id => context.Connector.Accepted.GetValueOrDefault(id) == 0);
        return new RunResult(instances, label, ids.Count - lost, seconds, arrivals.Length, TeamsLimitedConnector.PeakPerSecond(arrivals),
            context.Connector.RandomThrottled - random0, context.Connector.LimitThrottled - limit0, duplicates, lost, restart);
    }

    /// <summary>An ART (the sync three days from now, so only <c>sync now</c> makes it due) and its team channels.</summary>
    private static async Task<(Art Art, IReadOnlyList<ArtTeam> Teams)> SeedAsync(IServiceProvider services, string serviceUrl, int channels)
    {
        var arts = services.GetRequiredService<IArtStore>();
        var rte = new Person(RteAad, "Rita RTE");
        var home = TeamsPayloads.NewConversationId("channel");
        var art = new Art
        {
            Id = "fan-" + Guid.NewGuid().ToString("N")[..12],
            TenantId = TenantId,
            Name = "Fan-out ART",
            HomeConversationId = home,
            ServiceUrl = serviceUrl,
            SummaryConversationId = home,
            Sync = new SyncSchedule(DateTimeOffset.UtcNow.AddDays(3).DayOfWeek, new TimeOnly(10, 0), "Europe/Berlin"),
            Rtes = [rte],
            CreatedBy = rte,
        };
        if (!await arts.CreateAsync(art, default).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The ART was not created.");
        }

        var teams = Enumerable.Range(1, channels).Select(i => new ArtTeam
        {
            TenantId = TenantId,
            ArtId = art.Id,
            ConversationId = TeamsPayloads.NewConversationId("channel"),
            TeamName = $"Team {i:0000}",
            ServiceUrl = serviceUrl,
            AadGroupId = $"group-{i:0000}",
        }).ToList();
        await Parallel.ForEachAsync(teams, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (team, token) =>
            await arts.JoinAsync(team, token).ConfigureAwait(false)).ConfigureAwait(false);
        return (art, teams);
    }

    private static int Delivered(TeamsLimitedConnector connector, HashSet<string> ids) => ids.Count(connector.Accepted.ContainsKey);

    private static Task WaitForAsync(Func<bool> condition, TimeSpan timeout) => WaitForAsync(() => Task.FromResult(condition()), timeout);

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!await condition().ConfigureAwait(false))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("The fan-out did not finish in time.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    private sealed record RunContext(
        string Storage, TeamsLimitedConnector Connector, TestTokenIssuer Tokens, OpenIdMetadataServer Metadata, int Channels,
        IReadOnlyDictionary<string, string?> Overrides, string Bot)
    {
        /// <summary>The prompt deliveries of <paramref name="key"/> still claimed (a server-side filter: the benchmark's read stays small).</summary>
        public async Task<IReadOnlyList<SyncDeliveryEntity>> ClaimsLeftAsync(OccurrenceKey key)
        {
            var table = new TableServiceClient(Storage).GetTableClient(SyncStore.TableName);
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {SyncStore.PartitionKey(key)} and Kind eq {nameof(DeliveryKind.Prompt)} and State eq {nameof(DeliveryState.Claimed)}");
            var claims = new List<SyncDeliveryEntity>();
            await foreach (var entity in table.QueryAsync<SyncDeliveryEntity>(filter).ConfigureAwait(false))
            {
                claims.Add(entity);
            }

            return claims;
        }

        /// <summary>Deletes an ART's row, its team rows and the conversation index rows of its channels (batches of 100).</summary>
        public async Task RemoveArtAsync(Art art)
        {
            var service = new TableServiceClient(Storage);
            var arts = service.GetTableClient(ArtStore.TableName);
            var conversations = service.GetTableClient(ArtStore.ConversationsTableName);
            var partition = StorageKeys.Encode(art.TenantId);
            var prefix = ArtStore.TeamRowKeyPrefix(art.Id);
            var teams = new List<ArtTeamEntity>();
            await foreach (var team in arts.QueryAsync<ArtTeamEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "."}")).ConfigureAwait(false))
            {
                teams.Add(team);
            }

            foreach (var chunk in teams.Chunk(100))
            {
                await arts.SubmitTransactionAsync(chunk.Select(t => new TableTransactionAction(
                    TableTransactionActionType.Delete, t))).ConfigureAwait(false);
                await conversations.SubmitTransactionAsync(chunk.Select(t => new TableTransactionAction(
                    TableTransactionActionType.Delete,
                    new ArtConversationEntity { PartitionKey = partition, RowKey = StorageKeys.Encode(t.ConversationId) }))).ConfigureAwait(false);
            }

            await conversations.DeleteEntityAsync(partition, StorageKeys.Encode(art.HomeConversationId)).ConfigureAwait(false);
            await arts.DeleteEntityAsync(partition, ArtStore.ArtRowKey(art.Id)).ConfigureAwait(false);
        }
    }

    private enum Interruption
    {
        None,
        Stop,
        Kill,
    }

    private sealed record RunResult(
        int Instances, string Label, int Delivered, double Seconds, int Requests, int PeakPerSecond, long RandomThrottled, long LimitThrottled, int Duplicates, int Lost, string Restart)
    {
        /// <summary>Killed runs: interrupted sends the new process repeated without knowing (each a possible duplicate, no more).</summary>
        public int Repeated { get; init; }

        /// <summary>Killed runs: interrupted sends the new process found in their channel with Graph (recorded, not repeated).</summary>
        public int Found { get; init; }

        public bool Killed { get; init; }

        /// <summary>Uninterrupted runs: what the bot processes spent during the run.</summary>
        public BotCosts? Costs { get; init; }
    }
}
