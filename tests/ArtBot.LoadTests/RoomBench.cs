using System.Diagnostics;
using System.Globalization;
using System.Net;
using ArtBot.Tests.Shared;

namespace ArtBot.LoadTests;

/// <summary>
/// <c>--scenario room</c>: the ART room API of the published bot in production mode (Teams SSO tokens checked against a
/// local Entra-like issuer, membership answered by a connector stand-in and then cached, Azurite storage) over an ART of
/// 12 teams and 125 people with three PIs of history (<see cref="RoomSeed"/>). Each view is read the way a tab reads it,
/// one request at a time, with a valid token; the baseline is <c>/health/live</c> of the same process in the same run.
/// </summary>
public static class RoomBench
{
    private static readonly string[] Views = ["context", "overview", "risks", "sync", "demos", "improvements", "predictability", "review", "dependencies", "risks.csv"];

    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var requests = smoke ? 20 : 300;
        var path = await BotProcess.PrepareAsync().ConfigureAwait(false);
        await using var azurite = await Azurite.StartAsync().ConfigureAwait(false);
        await using var connector = await FastConnector.StartAsync().ConfigureAwait(false);
        await using var signIn = await RoomSignIn.StartAsync(RoomSeed.TenantId).ConfigureAwait(false);
        var seeding = Stopwatch.StartNew();
        var art = await RoomSeed.CreateAsync(azurite.ConnectionString, connector.ServiceUrl, DateTimeOffset.UtcNow).ConfigureAwait(false);
        Console.WriteLine($"Seeded {RoomSeed.Teams} teams, {RoomSeed.People} people, 3 PIs in {seeding.Elapsed.TotalSeconds:0.0} s.");
        await using var bot = await BotProcess.StartAsync(path, signIn.BotSettings(connector, azurite.ConnectionString)).ConfigureAwait(false);

        var token = signIn.Token("00000000-0000-0000-0000-0000000000a1");
        var failures = 0;
        async Task<double> TimeAsync(string url, bool authorized)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            if (authorized)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            }

            var watch = Stopwatch.StartNew();
            using var response = await bot.Client.SendAsync(request).ConfigureAwait(false);
            _ = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures++;
                Console.Error.WriteLine($"{url}: HTTP {(int)response.StatusCode}");
            }

            return watch.Elapsed.TotalMilliseconds;
        }

        async Task<Latencies> MeasureAsync(string url, bool authorized)
        {
            for (var i = 0; i < 10; i++)
            {
                await TimeAsync(url, authorized).ConfigureAwait(false); // warm-up: JIT, metadata, membership cache
            }

            var samples = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                samples.Add(await TimeAsync(url, authorized).ConfigureAwait(false));
            }

            return new Latencies(samples);
        }

        var baseline = await MeasureAsync("health/live", authorized: false).ConfigureAwait(false);
        Console.WriteLine($"ART room API, {requests} sequential requests per view, published bot ({Path.GetFileName(path)}), ART of {RoomSeed.Teams} teams / {RoomSeed.People} people / 3 PIs");
        Console.WriteLine($"{"view",-34} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"p95 / baseline p95",20}");
        Console.WriteLine($"{"baseline: /health/live",-34} {F(baseline.Percentile(50)),8} {F(baseline.Percentile(95)),8} {F(baseline.Max),8} {"1.0",20}");
        var worst = 0.0;
        var costsBefore = await bot.CostsAsync().ConfigureAwait(false);
        var timed = 0;
        foreach (var (conversation, label) in new[] { (art.HomeConversationId, "ART channel"), ("19:bench-team03@thread.tacv2", "team channel") })
        {
            foreach (var view in Views)
            {
                var latencies = await MeasureAsync($"api/room/{view}?conversation={Uri.EscapeDataString(conversation)}", authorized: true).ConfigureAwait(false);
                timed += requests + 10;
                worst = Math.Max(worst, latencies.Percentile(95));
                Console.WriteLine($"{label + ": " + view,-34} {F(latencies.Percentile(50)),8} {F(latencies.Percentile(95)),8} {F(latencies.Max),8} {F(latencies.Percentile(95) / baseline.Percentile(95)),20}");
            }
        }

        Console.WriteLine($"Slowest view p95: {F(worst)} ms (target < 200 ms): {(worst < 200 ? "met" : "NOT met")}. Failed requests: {failures}.");
        var withinBudget = CostBudgets.For("room").Check("API request", await bot.CostsAsync().ConfigureAwait(false) - costsBefore, timed);
        return failures == 0 && (withinBudget || !args.Contains("--smoke")) ? 0 : 1;
    }

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
