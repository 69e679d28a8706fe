using System.Diagnostics;
using System.Globalization;
using ArtBot.Tests.Shared;

namespace ArtBot.LoadTests;

/// <summary>
/// <c>--scenario meeting</c> (issue 26): the ART's confidence vote in its PI Planning meeting, the published bot in
/// production mode (Teams SSO tokens from a local Entra-like issuer, the connector stand-in answering the meeting APIs:
/// the meeting's chat is the ART's channel, the RTE organizes, everyone else attends; Azurite) over <see cref="RoomSeed"/>'s
/// ART of 12 teams and 125 people. With 1, then 2 bot processes on one storage (<c>--instances 1,2</c>), requests spread at
/// random: the organizer starts the ART vote from the side panel, <c>--viewers N</c> stages per instance poll it once a
/// second with If-None-Match, all 125 people cast one ballot each in one burst (every tenth taps twice). Fails (exit 1)
/// on a lost, doubled or refused ballot, a stage that never showed the exact count, a stage p95 over 2 s after the last
/// ballot's answer, or concern prompts that miss or repeat a voter.
/// </summary>
public static class MeetingBench
{
    private const string TeamsAppId = "0b8a3c3e-6d1f-4f7e-9a55-2f6a1e0c9d26";
    private const double StageTargetMs = 2000;

    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var clock = Stopwatch.StartNew();
        var viewersPerInstance = Value(args, "--viewers") is { } viewers ? int.Parse(viewers, CultureInfo.InvariantCulture) : smoke ? 3 : 10;
        var instanceCounts = Value(args, "--instances") is { } counts ? counts.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray() : [1, 2];
        var idle = TimeSpan.FromSeconds(smoke ? 2 : 5);

        var path = await BotProcess.PrepareAsync().ConfigureAwait(false);
        await using var azurite = await Azurite.StartAsync().ConfigureAwait(false);
        await using var connector = await FastConnector.StartAsync().ConfigureAwait(false);
        await using var signIn = await RoomSignIn.StartAsync(RoomSeed.TenantId).ConfigureAwait(false);
        var seeding = Stopwatch.StartNew();
        var art = await RoomSeed.CreateAsync(azurite.ConnectionString, connector.ServiceUrl, DateTimeOffset.UtcNow).ConfigureAwait(false);
        var people = Enumerable.Range(0, RoomSeed.People).Select(RoomSeed.Member).ToList();
        connector.Members = [(RoomSeed.RteAad, "Riley RTE"), .. people];
        connector.Organizer = RoomSeed.RteAad;
        Console.WriteLine($"Seeded {RoomSeed.Teams} teams, {RoomSeed.People} people, 3 PIs in {seeding.Elapsed.TotalSeconds:0.0} s; {Environment.ProcessorCount} cores, .NET {Environment.Version}, bot {path}");

        var settings = signIn.BotSettings(connector, azurite.ConnectionString);
        settings["Meetings:TeamsAppId"] = TeamsAppId;

        // --set Key=Value (repeatable): bot settings, e.g. --set Meetings:LiveStateAge=00:00:00.250
        foreach (var (key, value) in args.Select((a, i) => (a, i)).Where(x => x.a == "--set" && x.i + 1 < args.Length).Select(x => args[x.i + 1].Split('=', 2)).Select(kv => (kv[0], kv.Length > 1 ? kv[1] : null)))
        {
            settings[key] = value;
        }

        var run = new MeetingVoteRun(
            path, settings, azurite.ConnectionString, connector, art, signIn.Token(RoomSeed.RteAad, "Riley RTE"),
            [.. people.Select(p => signIn.Token(p.Aad, p.Name))], viewersPerInstance, idle);
        var results = new List<MeetingRunResult>();
        foreach (var instances in instanceCounts)
        {
            results.Add(await run.MeasureAsync(instances).ConfigureAwait(false));
        }

        Print(results, viewersPerInstance);
        Console.WriteLine($"Took {clock.Elapsed.TotalSeconds:0} s.");
        return results.All(r => r.Passed(StageTargetMs)) ? 0 : 1;
    }

    private static void Print(IReadOnlyList<MeetingRunResult> results, int viewersPerInstance)
    {
        string F(double v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);
        string Row(string label, Func<MeetingRunResult, string> cell) => $"| {label} | {string.Join(" | ", results.Select(cell))} |";
        Console.WriteLine();
        Console.WriteLine($"Meeting vote: {RoomSeed.People} people, one burst, {viewersPerInstance} stages per instance polling once a second with If-None-Match; requests to an instance picked at random");
        Console.WriteLine(Row("Metric", r => $"{r.Instances} instance{(r.Instances == 1 ? "" : "s")}"));
        Console.WriteLine(Row("---", _ => "---"));
        Console.WriteLine(Row("Ballot requests (every tenth person twice) / refused", r => $"{r.Ballots} / {r.FailedBallots}"));
        Console.WriteLine(Row("Burst: first sent to last answered (ms)", r => F(r.BurstMs, "0")));
        Console.WriteLine(Row("Count after close / lost / doubled (API tally and stored ballots)", r => $"{r.Voted} of {r.People} / {r.Lost} / {r.Doubled}"));
        Console.WriteLine(Row("Stage shows the exact count after the last ballot: p50 / p95 / max (ms)", r => $"{F(r.Stage.Percentile(50), "0")} / {F(r.Stage.Percentile(95), "0")} / {F(r.Stage.Max, "0")}"));
        Console.WriteLine(Row("Stages that never showed it / showed another distribution", r => $"{r.StageMissed} / {r.StageInexact} of {r.Viewers}"));
        Console.WriteLine(Row("Stage requests per viewer per second / 304s (all; while nothing changes) / failed", r => $"{F(r.RequestsPerViewerPerSecond, "0.00")} / {F(100.0 * r.PollNotModified / Math.Max(1, r.PollRequests), "0")}%; {F(100 * r.IdleNotModifiedShare, "0")}% / {r.PollFailed}"));
        Console.WriteLine(Row("Stage bytes per viewer per second (answer bodies)", r => F(r.PollBytes / r.PollSeconds, "0")));
        Console.WriteLine(Row("Bots' background CPU (ms per second, all instances)", r => F(r.BackgroundCpuMsPerSecond)));
        Console.WriteLine(Row("Stages only: CPU per poll (ms); storage reads per second per instance they add", r => $"{F(r.IdleCpuMsPerPoll, "0.00")} ({F(r.IdlePollsPerSecond, "0")} polls/s); {F(r.IdleStorageReadsPerSecond, "0.0")}"));
        Console.WriteLine(Row("CPU per ballot request (ms; its card updates and prompts in, polls and background out)", r => F(r.CpuMsPerBallot, "0.00")));
        Console.WriteLine(Row("Storage operations per ballot request (stage reads in)", r => F((double)r.BurstCosts.StorageOperations / r.Ballots, "0.00")));
        Console.WriteLine(Row("Exceptions / log entries in the burst", r => $"{r.BurstCosts.Exceptions} / {r.BurstCosts.LogEntries}"));
        Console.WriteLine(Row("Concern prompts: recipients (expected: the 1s and 2s, once each)", r => $"{r.Recipients} ({r.ExpectedRecipients}){(r.RecipientsExact ? "" : " NOT EXACT")}"));
        Console.WriteLine(Row("Concern prompts: calls (at most)", r => $"{r.NotificationCalls} ({r.NotificationCallBound})"));
        Console.WriteLine(Row("Vote card in the meeting chat with the in-meeting alert", r => r.CardAlerted ? "yes" : "NO"));
        Console.WriteLine(Row("Result", r => r.Passed(StageTargetMs) ? "passed" : "FAILED"));
    }


    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
