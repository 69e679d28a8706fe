using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArtBot.Tests.Shared;
using Microsoft.Playwright;

namespace ArtBot.LoadTests;

/// <summary>
/// <c>--scenario board</c>: the program board of issue 27's size (<see cref="BoardSeed"/>: 12 teams, 5 iterations, 150
/// features, 80 dependencies) on the published bot in production mode, with 1 and 2 instances on one storage
/// (<c>--instances 1,2</c>): the board API read whole (p95 target &lt; 200 ms) and polled (304), a move shown on every open
/// board (viewers polling once a second with If-None-Match at instances picked in turn; target p95 &lt; 2 s), two people
/// moving the same part at once on two instances (one wins, the other is told), and the page in headless Chromium
/// usable (cards and strings drawn) after navigation (target &lt; 1 s). The baseline is <c>/health/live</c> of the same
/// process in the same run.
/// </summary>
public static class BoardBench
{
    private const string Chromium = "/usr/bin/chromium";

    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var requests = smoke ? 30 : 300;
        var moves = smoke ? 4 : 20;
        var viewersPerInstance = smoke ? 3 : 10;
        var instanceCounts = Value(args, "--instances") is { } counts ? counts.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray() : [1, 2];
        var path = await BotProcess.PrepareAsync().ConfigureAwait(false);
        await using var azurite = await Azurite.StartAsync().ConfigureAwait(false);
        await using var connector = await FastConnector.StartAsync().ConfigureAwait(false);
        await using var signIn = await RoomSignIn.StartAsync(BoardSeed.TenantId).ConfigureAwait(false);
        var (art, features) = await BoardSeed.CreateAsync(azurite.ConnectionString, connector.ServiceUrl, DateTimeOffset.UtcNow).ConfigureAwait(false);
        Console.WriteLine($"Seeded a board of {BoardSeed.Teams} teams x {BoardSeed.Iterations} iterations x {BoardSeed.Features} features x {BoardSeed.Dependencies} dependencies; {Environment.ProcessorCount} cores, bot {path}");
        var settings = signIn.BotSettings(connector, azurite.ConnectionString);
        var token = signIn.Token(BoardSeed.RteAad, "Riley RTE");

        var board = "api/room/board?conversation=" + Uri.EscapeDataString(BoardSeed.Home);
        var results = new List<Result>();
        var budgetsMet = true;
        foreach (var instances in instanceCounts)
        {
            var bots = new List<BotProcess>();
            try
            {
                for (var i = 0; i < instances; i++)
                {
                    bots.Add(await BotProcess.StartAsync(path, settings).ConfigureAwait(false));
                }

                var run = new Run(bots, token, board);
                var baseline = await run.SequentialAsync("health/live", requests, authorized: false, etag: false).ConfigureAwait(false);
                var before = await BotCosts.SumAsync(bots).ConfigureAwait(false);
                var whole = await run.SequentialAsync(board, requests, authorized: true, etag: false).ConfigureAwait(false);
                var costs = await BotCosts.SumAsync(bots).ConfigureAwait(false) - before;
                if (smoke && instances == instanceCounts[0])
                {
                    budgetsMet = CostBudgets.For("board").Check("board read", costs, requests + 10);
                }

                var polled = await run.SequentialAsync(board, requests, authorized: true, etag: true).ConfigureAwait(false);
                // Each instance count moves features of its own (the seeded placement is where the movers saw them).
                var round = results.Count;
                var live = await run.LiveAsync(features, round * 40, moves, viewersPerInstance * instances).ConfigureAwait(false);
                var races = await run.RacesAsync(features, 80 + (round * 12), smoke ? 3 : 10).ConfigureAwait(false);
                results.Add(new Result(instances, baseline, whole, polled, live, races, run.Failures, run.Bytes));
            }
            finally
            {
                foreach (var bot in bots)
                {
                    await bot.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        var usable = await UsableAsync(path, azurite.ConnectionString, smoke ? 3 : 10).ConfigureAwait(false);
        Print(results, usable, requests, viewersPerInstance);
        // What is right (no move missed, races told, no failure) is gated in every run; wall-clock targets only in a full
        // run: a smoke run in CI shares a noisy machine, so its times are reported, and the costs are guarded by budgets.
        var correct = results.All(r => r.Live.Missed == 0 && r.Races.Exact && r.Failures == 0);
        var fast = results.All(r => r.Whole.Percentile(95) < 200 && r.Live.Latencies.Percentile(95) < 2000) && usable.Percentile(95) < 1000;
        var met = correct && (fast || smoke);
        Console.WriteLine($"Result: {(correct && fast ? "every target met" : met ? "correct; a time target not met (reported, not gated in a smoke run)" : "a target NOT met")}.");
        return met && budgetsMet ? 0 : 1;
    }

    /// <summary>The board page in headless Chromium on a bot in local development (no sign-in) over the same storage: navigation to cards and strings drawn.</summary>
    private static async Task<Latencies> UsableAsync(string path, string storage, int loads)
    {
        await using var bot = await BotProcess.StartAsync(path, new Dictionary<string, string?>
        {
            ["Graph:Enabled"] = "false",
            ["Sync:SchedulerEnabled"] = "false",
            ["Storage:ConnectionString"] = storage,
        }).ConfigureAwait(false);
        using var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        }).ConfigureAwait(false);
        var url = new Uri(bot.Client.BaseAddress!, "room/?conversation=" + Uri.EscapeDataString(BoardSeed.Home) + "#board");
        var samples = new List<double>();
        for (var i = 0; i < loads + 1; i++)
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } }).ConfigureAwait(false);
            await page.GotoAsync(url.ToString()).ConfigureAwait(false);
            await page.WaitForFunctionAsync(
                "() => document.querySelectorAll('.board-strings g.string').length > 0 && document.querySelectorAll('[data-card]').length > 100",
                null, new PageWaitForFunctionOptions { Timeout = 30_000 }).ConfigureAwait(false);
            var ms = await page.EvaluateAsync<double>("() => performance.now()").ConfigureAwait(false);
            if (i > 0)
            {
                samples.Add(ms); // the first load warms the bot (JIT, storage connections)
            }

            await page.CloseAsync().ConfigureAwait(false);
        }

        return new Latencies(samples);
    }

    private static void Print(IReadOnlyList<Result> results, Latencies usable, int requests, int viewersPerInstance)
    {
        string F(double v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);
        string Row(string label, Func<Result, string> cell) => $"| {label} | {string.Join(" | ", results.Select(cell))} |";
        Console.WriteLine();
        Console.WriteLine($"Program board: {BoardSeed.Teams} teams x {BoardSeed.Iterations} iterations x {BoardSeed.Features} features x {BoardSeed.Dependencies} dependencies; {requests} sequential requests per line, requests to the instances in turn");
        Console.WriteLine(Row("Metric", r => $"{r.Instances} instance{(r.Instances == 1 ? "" : "s")}"));
        Console.WriteLine(Row("---", _ => "---"));
        Console.WriteLine(Row("Baseline /health/live p50 / p95 (ms)", r => $"{F(r.Baseline.Percentile(50))} / {F(r.Baseline.Percentile(95))}"));
        Console.WriteLine(Row("Board read whole p50 / p95 / max (ms); p95 / baseline p95 (target p95 < 200 ms)", r => $"{F(r.Whole.Percentile(50))} / {F(r.Whole.Percentile(95))} / {F(r.Whole.Max)}; {F(r.Whole.Percentile(95) / r.Baseline.Percentile(95))}"));
        Console.WriteLine(Row("Board answer size (KB)", r => F(r.Bytes / 1024.0)));
        Console.WriteLine(Row("Board polled unchanged (304) p50 / p95 (ms)", r => $"{F(r.Polled.Percentile(50))} / {F(r.Polled.Percentile(95))}"));
        Console.WriteLine(Row($"A move shown on every open board ({viewersPerInstance} viewers per instance): p50 / p95 / max (ms) (target p95 < 2000)", r => $"{F(r.Live.Latencies.Percentile(50), "0")} / {F(r.Live.Latencies.Percentile(95), "0")} / {F(r.Live.Latencies.Max, "0")}"));
        Console.WriteLine(Row("Moves / boards that never showed one", r => $"{r.Live.Moves} / {r.Live.Missed}"));
        Console.WriteLine(Row("Same part moved by two people at once: one saved, the other told (409)", r => $"{r.Races.Trials - r.Races.Wrong} of {r.Races.Trials}"));
        Console.WriteLine(Row("Failed requests", r => r.Failures.ToString(CultureInfo.InvariantCulture)));
        Console.WriteLine($"Board page usable (cards and strings drawn) after navigation, headless Chromium, 1400x1000: p50 {F(usable.Percentile(50), "0")} ms, p95 {F(usable.Percentile(95), "0")} ms, max {F(usable.Max, "0")} ms (target < 1000 ms).");
    }

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private sealed record Result(int Instances, Latencies Baseline, Latencies Whole, Latencies Polled, LiveResult Live, RaceResult Races, int Failures, long Bytes);

    private sealed record LiveResult(int Moves, Latencies Latencies, int Missed);

    private sealed record RaceResult(int Trials, int Wrong)
    {
        public bool Exact => Wrong == 0;
    }

    /// <summary>One instance count's measurements; requests go to the instances in turn.</summary>
    private sealed class Run(IReadOnlyList<BotProcess> bots, string token, string board)
    {
        private int _next;

        public int Failures { get; private set; }

        public long Bytes { get; private set; }

        private BotProcess Next() => bots[Interlocked.Increment(ref _next) % bots.Count];

        private HttpRequestMessage Request(HttpMethod method, string url, object? body = null)
        {
            var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            return request;
        }

        public async Task<Latencies> SequentialAsync(string url, int count, bool authorized, bool etag)
        {
            var tags = new Dictionary<BotProcess, string>();
            var samples = new List<double>(count);
            for (var i = 0; i < count + 10; i++)
            {
                var bot = Next();
                using var request = authorized ? Request(HttpMethod.Get, url) : new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
                if (etag && tags.TryGetValue(bot, out var tag))
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", tag);
                }

                var watch = Stopwatch.StartNew();
                using var response = await bot.Client.SendAsync(request).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                watch.Stop();
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotModified))
                {
                    Failures++;
                    Console.Error.WriteLine($"{url}: HTTP {(int)response.StatusCode}");
                }

                if (response.Headers.ETag is { } received)
                {
                    tags[bot] = received.Tag;
                    Bytes = Math.Max(Bytes, body.Length);
                }

                if (i >= 10)
                {
                    samples.Add(watch.Elapsed.TotalMilliseconds); // the first ten warm up (JIT, metadata, membership cache)
                }
            }

            return new Latencies(samples);
        }

        /// <summary>
        /// Viewers poll once a second with If-None-Match; a mover moves a part every 1.5 s at the next instance. For each
        /// move and viewer: the time from the move's answer to the first poll answer that shows it.
        /// </summary>
        public async Task<LiveResult> LiveAsync(IReadOnlyList<Domain.Planning.Feature> features, int skip, int moves, int viewers)
        {
            var placed = features.Where(f => f.Parts[0].Iteration is not null).Skip(skip).Take(moves).ToList();
            var seen = new System.Collections.Concurrent.ConcurrentBag<double>();
            var pending = new System.Collections.Concurrent.ConcurrentDictionary<string, (string Team, int To, long At, HashSet<int> Saw)>();
            using var stop = new CancellationTokenSource();
            var pollers = Enumerable.Range(0, viewers).Select(v => Task.Run(async () =>
            {
                var bot = bots[v % bots.Count];
                string? tag = null;
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
                while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
                {
                    using var request = Request(HttpMethod.Get, board);
                    if (tag is not null)
                    {
                        request.Headers.TryAddWithoutValidation("If-None-Match", tag);
                    }

                    using var response = await bot.Client.SendAsync(request, stop.Token).ConfigureAwait(false);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        continue;
                    }

                    tag = response.Headers.ETag?.Tag;
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(stop.Token).ConfigureAwait(false));
                    var now = Stopwatch.GetTimestamp();
                    foreach (var feature in json.RootElement.GetProperty("features").EnumerateArray())
                    {
                        if (pending.TryGetValue(feature.GetProperty("id").GetString()!, out var move)
                            && feature.GetProperty("parts").EnumerateArray().Any(p => p.GetProperty("team").GetString() == move.Team && p.GetProperty("iteration").ValueKind == JsonValueKind.Number && p.GetProperty("iteration").GetInt32() == move.To))
                        {
                            lock (move.Saw)
                            {
                                if (move.At > 0 && move.Saw.Add(v))
                                {
                                    seen.Add(Stopwatch.GetElapsedTime(move.At, now).TotalMilliseconds);
                                }
                            }
                        }
                    }
                }
            })).ToList();

            await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false); // every viewer has the board once
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(1500));
            foreach (var feature in placed)
            {
                await pace.WaitForNextTickAsync().ConfigureAwait(false);
                var part = feature.Parts[0];
                var to = part.Iteration == 1 ? 2 : 1;
                using var request = Request(HttpMethod.Post, board.Replace("board?", "board/moves?", StringComparison.Ordinal), new { featureId = feature.Id, team = part.TeamConversationId, from = part.Iteration, to });
                var saw = new HashSet<int>();
                pending[feature.Id] = (part.TeamConversationId, to, 0, saw);
                using var response = await Next().Client.SendAsync(request).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Failures++;
                    Console.Error.WriteLine($"move: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
                    continue;
                }

                pending[feature.Id] = (part.TeamConversationId, to, Stopwatch.GetTimestamp(), saw);
            }

            await Task.Delay(TimeSpan.FromSeconds(4)).ConfigureAwait(false); // the last move's polls
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Task.WhenAll(pollers).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            var expected = placed.Count * viewers;
            return new LiveResult(placed.Count, new Latencies(seen), expected - seen.Count);
        }

        /// <summary>Two people move the same part from where both saw it, at once, on two instances: exactly one 200 and one 409.</summary>
        public async Task<RaceResult> RacesAsync(IReadOnlyList<Domain.Planning.Feature> features, int skip, int trials)
        {
            var wrong = 0;
            foreach (var feature in features.Where(f => f.Parts[0].Iteration is not null).Skip(skip).Take(trials))
            {
                var part = feature.Parts[0];
                var url = board.Replace("board?", "board/moves?", StringComparison.Ordinal);
                var first = bots[0].Client.SendAsync(Request(HttpMethod.Post, url, new { featureId = feature.Id, team = part.TeamConversationId, from = part.Iteration, to = 3 }));
                var second = bots[^1].Client.SendAsync(Request(HttpMethod.Post, url, new { featureId = feature.Id, team = part.TeamConversationId, from = part.Iteration, to = 4 }));
                var answers = await Task.WhenAll(first, second).ConfigureAwait(false);
                var statuses = answers.Select(a => a.StatusCode).Order().ToList();
                if (!statuses.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]) && !(part.Iteration is 3 or 4))
                {
                    wrong++;
                    Console.Error.WriteLine($"race: {string.Join(", ", statuses)}");
                }

                foreach (var answer in answers)
                {
                    answer.Dispose();
                }
            }

            return new RaceResult(trials, wrong);
        }
    }
}
