using System.Globalization;

namespace ArtBot.LoadTests;

/// <summary>
/// The vote storm benchmark (issues 3 and 24). <c>--smoke</c>: 3 rounds of 25 voters after 10 warm-up rounds, exits non-zero if a ballot is lost,
/// the card is not exact or a cost is over its budget (<see cref="CostBudgets"/>). Default: 5 rounds of 125 voters
/// (<c>--rounds N</c>, e.g. 40 for the steady state), on <c>--instances N</c> bot processes (1) with the ballots spread over
/// them at random, plus the raw upsert baseline of the same Azurite.
/// </summary>
public static class VoteStormProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var voters = smoke ? 25 : 125;
        var rounds = Option(args, "--rounds", smoke ? 3 : 5);
        var instances = Option(args, "--instances", 1);
        // A smoke round of 25 voters takes the ballots' transaction path (BallotWriter) about twice, so it warms up longer:
        // with 3 rounds its methods were still being compiled at tier 1 during the measured rounds.
        var warmupRounds = Option(args, "--warmup", smoke ? 10 : 3);
        var baselineUpserts = smoke ? 300 : 2000;
        const int BaselineConcurrency = 16;

        await using var host = await StormHost.StartAsync(instances).ConfigureAwait(false);
        Console.WriteLine($"Vote storm: {rounds} round(s) of {voters} voters on {instances} instance(s); bot {host.BotPath} (processes of their own), {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        // Untimed warm-up on its own vote (connection pools, signing keys fetched once, hot paths compiled at tier 1): a
        // deployed bot has been running, so the rounds measure it warm. --warmup N rounds (3; smoke 10).
        var warmup = new VoteStorm(host, voters);
        var warmVote = await warmup.StartVoteAsync("Warm-up").ConfigureAwait(false);
        for (var round = 0; round < warmupRounds; round++)
        {
            await warmup.RunRoundAsync(warmVote, round, record: false).ConfigureAwait(false);
        }

        var storm = new VoteStorm(host, voters);
        var voteId = await storm.StartVoteAsync("PI confidence").ConfigureAwait(false);
        var results = new List<RoundResult>();
        var costsBefore = await host.CostsAsync().ConfigureAwait(false);
        var generatorBefore = Environment.CpuUsage.TotalTime;
        for (var round = 0; round < rounds; round++)
        {
            results.Add(await storm.RunRoundAsync(voteId, round).ConfigureAwait(false));
        }

        var generator = (Environment.CpuUsage.TotalTime - generatorBefore).TotalMilliseconds; // this process: the load generator and the checks between rounds
        var costs = await host.CostsAsync().ConfigureAwait(false) - costsBefore; // the rounds, their shared-card updates included
        var direct = await UpsertBaseline.MeasureAsync(host.Azurite.ConnectionString, baselineUpserts, BaselineConcurrency).ConfigureAwait(false);
        var peakMb = host.PeakWorkingSetBytes / (1024.0 * 1024.0);

        var ballots = results.Sum(r => r.Ballots);
        var seconds = results.Sum(r => r.Elapsed.TotalSeconds);
        var rate = ballots / seconds;
        var latencies = new Latencies(storm.LatenciesMs);
        var lost = results.Sum(r => r.Lost);
        var failed = results.Sum(r => r.Failed);
        var opsPerBallot = (double)results.Sum(r => r.StorageRequests) / ballots;
        var writesPerBallot = (double)results.Sum(r => r.StorageWrites) / ballots;
        var cardUpdates = results.Sum(r => r.CardUpdates);
        var cardsExact = results.All(r => r.CardExact);
        var cpu = costs.CpuMs / ballots;

        string F(double v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);
        string Met(bool ok) => ok ? "met" : "NOT met";
        string Target(bool ok) => smoke ? "(a full run's target)" : Met(ok); // a smoke run is too small to hold speed targets

        Console.WriteLine();
        Console.WriteLine("| Round | Ballots | Time (s) | Ballots/s | Failed | Lost | Storage ops/ballot | Card updates | Card shows exact tally |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r.Round} | {r.Ballots} | {F(r.Elapsed.TotalSeconds, "0.00")} | {F(r.Ballots / r.Elapsed.TotalSeconds)} | {r.Failed} | {r.Lost} | {F((double)r.StorageRequests / r.Ballots, "0.00")} | {r.CardUpdates} | {(r.CardExact ? "yes" : "NO")} ({r.ExpectedCardText}) |");
        }

        Console.WriteLine();
        Console.WriteLine($"| Metric ({instances} instance(s), {rounds} rounds) | Result | Target (issues 3, 24) | |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| Ballots (invokes) per second | {F(rate)} | >= 600 | {Target(rate >= 600)} |");
        Console.WriteLine($"| Ratio ballots/s / raw upserts/s | {F(rate / direct, "0.00")} | >= 0.6 | {Target(rate / direct >= 0.6)} |");
        Console.WriteLine($"| Latency p50 / p95 / p99 / max (ms) | {F(latencies.Percentile(50))} / {F(latencies.Percentile(95))} / {F(latencies.Percentile(99))} / {F(latencies.Max)} | p99 <= 300 | {Target(latencies.Percentile(99) <= 300)} |");
        Console.WriteLine($"| CPU of the bot process(es) per ballot (ms) | {F(cpu, "0.00")} | <= 1.0 | {Target(cpu <= 1.0)} |");
        Console.WriteLine($"| CPU of the load generator per ballot (ms), same cores | {F(generator / ballots, "0.00")} | | |");
        Console.WriteLine($"| Ballots lost (stored value != cast value) | {lost} of {ballots} ({failed} invokes failed) | 0 | {Met(lost == 0 && failed == 0)} |");
        Console.WriteLine($"| Storage operations per ballot (writes) | {F(opsPerBallot, "0.00")} ({F(writesPerBallot, "0.00")}) | <= 1.05 | {Target(opsPerBallot <= 1.05)} |");
        Console.WriteLine($"| Shared-card updates issued (PUT) | {cardUpdates} for {ballots} ballots; final card exact every round: {(cardsExact ? "yes" : "NO")} | | |");
        Console.WriteLine($"| Peak working set of the bot process(es) (MB) | {F(peakMb, "0")} | < 300 per instance | {Target(peakMb < 300 * instances)} |");
        Console.WriteLine($"| Raw upsert baseline, same Azurite ({BaselineConcurrency} concurrent, {baselineUpserts} upserts) | {F(direct)}/s | | |");

        var withinBudget = CostBudgets.For("votes").Check("ballot", costs, ballots);
        return lost == 0 && failed == 0 && cardsExact && (withinBudget || !smoke) ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
