using System.Globalization;

namespace ArtBot.LoadTests;

/// <summary>
/// <c>--scenario fanout-model</c>: how often any sender can deliver the fan-out within issue 24's bound (1,000 channels in
/// 23.5 s) under the rules of <see cref="TeamsLimitedConnector"/>, without a bot, storage or network. Every request counts
/// against 50 per second, throttled ones included; 10% of the requests under the limit are answered 429 at random with
/// <c>Retry-After: 1</c>, which a sender honours. About 1,111 requests are needed, so the last ones leave at about
/// 22.2 s and a 429 on one of them pushes its channel past 23.2 s. The Monte Carlo runs each pacer many times (fixed seed)
/// and prints the share of runs within the bound, and the chance that all 9 runs of a full <c>--instances 1,2,3</c>
/// benchmark are (two of them with no instance sending while the only one restarts). A pure model: it says what the stand-in's rules allow, not what the bot does.
/// </summary>
public static class FanOutBoundModel
{
    private const int Channels = 1000;
    private const double ThrottleShare = 0.10;
    private const double RetryAfterSeconds = 1.0;
    private const double BoundSeconds = 23.5;
    private const int Trials = 20_000;

    /// <summary>An interval in which no request leaves (no instance running).</summary>
    private sealed record Outage(double From, double Seconds);

    public static int Run()
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Fan-out bound model: {Channels} channels, every request counting against 50/s, {ThrottleShare * 100:F0}% of them answered 429 at random with Retry-After: 1 s; {Trials:N0} runs per pacer."));
        Console.WriteLine();
        Console.WriteLine("| Pacer | Median | p90 | Runs within 23.5 s |");
        Console.WriteLine("| --- | --- | --- | --- |");
        var random = new Random(24);
        var restart = new Outage(11, 1.1);
        var ours = Print("Even slots at 49.5/s, retries first (ArtBot's pacer)", random, r => Even(r, 49.5, null));
        Print("Even slots at 50/s (no margin)", random, r => Even(r, 50, null));
        var most = Print("50 at once at each whole second (the window's most)", random, r => Bursts(r, null));
        var oursRestarted = Print("Even slots at 49.5/s, none sent for 1.1 s at half (1 instance restarted)", random, r => Even(r, 49.5, restart));
        var mostRestarted = Print("50 at once at each whole second, none sent for 1.1 s at half", random, r => Bursts(r, restart));

        // A full --instances 1,2,3 benchmark: 7 runs with an instance sending throughout, and the 1-instance stopped and
        // killed runs, where none is for at least the restart (1.1 to 1.5 s measured).
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"All 9 runs of --instances 1,2,3 within 23.5 s: {AllNine(ours, oursRestarted) * 100:F4}% with ArtBot's pacer, {AllNine(most, mostRestarted) * 100:F4}% with the window's most."));
        return 0;
    }

    private static double AllNine(double sending, double restarted) => Math.Pow(sending, 7) * Math.Pow(restarted, 2);

    /// <summary>Runs a pacer <see cref="Trials"/> times, prints its row and returns the share of runs within the bound.</summary>
    private static double Print(string pacer, Random random, Func<Random, double> run)
    {
        var seconds = new double[Trials];
        for (var i = 0; i < Trials; i++)
        {
            seconds[i] = run(random);
        }

        Array.Sort(seconds);
        var within = seconds.Count(s => s <= BoundSeconds) / (double)Trials;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {pacer} | {seconds[Trials / 2]:F2} s | {seconds[Trials * 9 / 10]:F2} s | {within * 100:F1}% |"));
        return within;
    }

    /// <summary>One request every 1/rate s; a throttled channel's retry takes the first slot after its Retry-After, ahead of first attempts.</summary>
    private static double Even(Random random, double rate, Outage? outage)
    {
        var step = 1 / rate;
        var retries = new PriorityQueue<int, double>();
        int fresh = Channels, delivered = 0;
        double t = 0, last = 0;
        while (delivered < Channels)
        {
            if (outage is not null && t >= outage.From && t < outage.From + outage.Seconds)
            {
                t = outage.From + outage.Seconds;
                continue;
            }

            var retryDue = retries.TryPeek(out _, out var due) && due <= t;
            if (!retryDue && fresh == 0)
            {
                t = due; // nothing to send until the next Retry-After ends
                continue;
            }

            if (retryDue)
            {
                retries.Dequeue();
            }
            else
            {
                fresh--;
            }

            if (random.NextDouble() < ThrottleShare)
            {
                retries.Enqueue(0, t + RetryAfterSeconds);
            }
            else
            {
                delivered++;
                last = t;
            }

            t += step;
        }

        return last;
    }

    /// <summary>50 requests at once at each whole second: the most a one-second window allows, with no network jitter.</summary>
    private static double Bursts(Random random, Outage? outage)
    {
        int fresh = Channels, dueRetries = 0, delivered = 0;
        for (var second = 0; ; second++)
        {
            if (outage is not null && second >= outage.From && second < outage.From + outage.Seconds)
            {
                continue; // throttled channels keep waiting; nothing leaves this second
            }

            var retried = Math.Min(dueRetries, 50);
            var firsts = Math.Min(fresh, 50 - retried);
            dueRetries -= retried;
            fresh -= firsts;
            var throttled = 0;
            for (var i = 0; i < retried + firsts; i++)
            {
                throttled += random.NextDouble() < ThrottleShare ? 1 : 0;
            }

            delivered += retried + firsts - throttled;
            dueRetries += throttled;
            if (delivered == Channels)
            {
                return second;
            }
        }
    }
}
