using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ArtBot.Domain.Arts;
using ArtBot.Storage.Votes;
using Azure.Data.Tables;

namespace ArtBot.LoadTests;

/// <summary>
/// One run of the meeting scenario (<see cref="MeetingBench"/>) with <c>instances</c> bot processes on one storage: an
/// untimed warm-up vote in a team's meeting, then the ART's PI Planning meeting: the organizer opens the side panel and
/// starts the ART vote (on the first instance: the others only ever see ballots and stage polls), the stages poll it, every person casts one ballot in one burst (every tenth taps twice), the
/// stages wait for the last one, the concern prompts go out, the organizer closes the vote.
/// </summary>
public sealed class MeetingVoteRun(
    string botPath, IReadOnlyDictionary<string, string?> settings, string storage, FastConnector connector, Art art,
    string organizer, IReadOnlyList<string> people, int viewersPerInstance, TimeSpan idle)
{
    /// <summary>How many people cast each value 1..5 (18 ones and twos: concern prompts in two calls of at most 10).</summary>
    public static readonly IReadOnlyList<int> Spread = [7, 11, 22, 45, 40];

    private readonly int[] _values = ValuesOf(people.Count);

    public async Task<MeetingRunResult> MeasureAsync(int instances)
    {
        var bots = new List<BotProcess>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                bots.Add(await BotProcess.StartAsync(botPath, settings).ConfigureAwait(false));
            }

            HttpClient Pick() => bots[Random.Shared.Next(bots.Count)].Client; // a load balancer without affinity
            await WarmUpAsync(instances, bots[0].Client, Pick).ConfigureAwait(false);
            return await MeetingAsync(instances, bots, Pick).ConfigureAwait(false);
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<MeetingRunResult> MeetingAsync(int instances, List<BotProcess> bots, Func<HttpClient> pick)
    {
        var meetingId = $"bench-pi-planning-{instances.ToString(CultureInfo.InvariantCulture)}";
        var side = bots[0].Client; // the organizer's side panel reaches one instance: the others never served a meeting page before the ballots
        var voteId = await StartVoteAsync(side, meetingId, art.HomeConversationId + ";messageid=1", "art").ConfigureAwait(false);
        var alerted = connector.PostedBodies.Any(b => b.Contains(voteId, StringComparison.Ordinal) && b.Contains("\"alertInMeeting\":true", StringComparison.Ordinal));

        // The bots with nothing to do (timers, sweeper): their own background, subtracted below.
        var quietBefore = await BotCosts.SumAsync(bots).ConfigureAwait(false);
        var quietClock = Stopwatch.StartNew();
        await Task.Delay(idle).ConfigureAwait(false);
        var quiet = await BotCosts.SumAsync(bots).ConfigureAwait(false) - quietBefore;
        var quietSeconds = quietClock.Elapsed.TotalSeconds;

        // The stages: each polls once a second from its own moment on, as pages opened at different times do.
        using var stop = new CancellationTokenSource();
        var viewers = Enumerable.Range(0, viewersPerInstance * instances).Select(k => new StageViewer(people[k], pick, voteId, people.Count, Spread)).ToList();
        var polling = viewers.Select(v => v.RunAsync(TimeSpan.FromMilliseconds(Random.Shared.Next(1000)), stop.Token)).ToList();
        await Task.Delay(1500).ConfigureAwait(false); // every stage has read the vote once

        // Only the stages poll: what that costs the bots beyond their background, and the storage reads it makes.
        var idleBefore = await BotCosts.SumAsync(bots).ConfigureAwait(false);
        var (idlePollsBefore, idle304Before) = (viewers.Sum(v => v.Requests), viewers.Sum(v => v.NotModified));
        var idleClock = Stopwatch.StartNew();
        await Task.Delay(idle).ConfigureAwait(false);
        var idleCosts = await BotCosts.SumAsync(bots).ConfigureAwait(false) - idleBefore;
        var idleSeconds = idleClock.Elapsed.TotalSeconds;
        var idlePolls = viewers.Sum(v => v.Requests) - idlePollsBefore;
        var idle304 = viewers.Sum(v => v.NotModified) - idle304Before;

        // The burst: every person once, every tenth twice at the same moment (a double tap), each to a random instance.
        var burstBefore = await BotCosts.SumAsync(bots, quietLogs: false).ConfigureAwait(false);
        var burstClock = Stopwatch.StartNew();
        var burstPollsBefore = viewers.Sum(v => v.Requests);
        var ballots = Enumerable.Range(0, people.Count).SelectMany(p => Enumerable.Repeat(p, p % 10 == 9 ? 2 : 1)).ToArray();
        var answeredAt = new long[ballots.Length];
        var failed = 0;
        var burstStarted = Stopwatch.GetTimestamp();
        await Task.WhenAll(ballots.Select(async (person, n) =>
        {
            await Task.Yield();
            var (status, answer) = await SendAsync(pick(), HttpMethod.Post, $"api/meeting/votes/{voteId}/ballot", people[person], new JsonObject { ["value"] = _values[person] }).ConfigureAwait(false);
            answeredAt[n] = Stopwatch.GetTimestamp();
            if (status != HttpStatusCode.OK || answer?["mine"]?.GetValue<int>() != _values[person])
            {
                Interlocked.Increment(ref failed);
                Console.Error.WriteLine($"Ballot of person {person}: HTTP {(int)status} {answer?.ToJsonString()}");
            }
        })).ConfigureAwait(false);
        var lastAnswered = answeredAt.Max();
        var burstMs = Stopwatch.GetElapsedTime(burstStarted, lastAnswered).TotalMilliseconds;

        var stageDeadline = lastAnswered + (10 * Stopwatch.Frequency);
        while (viewers.Any(v => v.SawAllAt is null) && Stopwatch.GetTimestamp() < stageDeadline)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(polling).ConfigureAwait(false);
        var burstPolls = viewers.Sum(v => v.Requests) - burstPollsBefore;

        // The concern prompts: each voter who gave a 1 or 2 once, in calls of at most 10.
        var low = Enumerable.Range(0, people.Count).Where(p => _values[p] <= 2).Select(p => "29:" + RoomSeed.Member(p).Aad).ToHashSet(StringComparer.Ordinal);
        var calls = await PromptsAsync(meetingId, low.Count).ConfigureAwait(false);
        var burstCosts = await BotCosts.SumAsync(bots).ConfigureAwait(false) - burstBefore;
        var burstSeconds = burstClock.Elapsed.TotalSeconds;

        var (closeStatus, closed) = await SendAsync(side, HttpMethod.Post, $"api/meeting/votes/{voteId}/close", organizer, new JsonObject()).ConfigureAwait(false);
        if (closeStatus != HttpStatusCode.OK || closed is null)
        {
            throw new InvalidOperationException($"Closing the vote answered {(int)closeStatus}: {closed?.ToJsonString()}");
        }

        var final = closed["distribution"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        var (storedLost, storedExtra) = await CheckStoredAsync(voteId).ConfigureAwait(false);
        var recipients = calls.SelectMany(c => c.Recipients).ToList();
        var (quietRate, idleRate) = (quiet.CpuMs / quietSeconds, idleCosts.CpuMs / idleSeconds);
        return new MeetingRunResult
        {
            Instances = instances,
            Viewers = viewers.Count,
            Ballots = ballots.Length,
            People = people.Count,
            FailedBallots = failed,
            BurstMs = burstMs,
            Voted = closed["voted"]!.GetValue<int>(),
            Lost = Spread.Zip(final, (e, f) => Math.Max(0, e - f)).Sum() + storedLost,
            Doubled = Spread.Zip(final, (e, f) => Math.Max(0, f - e)).Sum() + storedExtra,
            StageDelaysMs = [.. viewers.Where(v => v.SawAllAt is not null).Select(v => Stopwatch.GetElapsedTime(lastAnswered, v.SawAllAt!.Value).TotalMilliseconds)],
            StageMissed = viewers.Count(v => v.SawAllAt is null),
            StageInexact = viewers.Count(v => v.SawAllAt is not null && !v.SawExactDistribution),
            PollRequests = viewers.Sum(v => v.Requests),
            PollNotModified = viewers.Sum(v => v.NotModified),
            PollFailed = viewers.Sum(v => v.Failed),
            PollBytes = viewers.Sum(v => v.Bytes),
            PollSeconds = viewers.Sum(v => Stopwatch.GetElapsedTime(v.StartedAt, v.StoppedAt).TotalSeconds),
            RequestsPerViewerPerSecond = viewers.Average(v => v.RequestsPerSecond),
            BackgroundCpuMsPerSecond = quietRate,
            IdleCpuMsPerPoll = idlePolls == 0 ? 0 : (idleRate - quietRate) * idleSeconds / idlePolls,
            IdleNotModifiedShare = idlePolls == 0 ? 0 : (double)idle304 / idlePolls,
            IdleStorageReadsPerSecond = (idleCosts.StorageReads / idleSeconds / instances) - (quiet.StorageReads / quietSeconds / instances),
            IdlePollsPerSecond = idlePolls / idleSeconds,
            BurstCosts = burstCosts,
            BurstPolls = burstPolls,
            BurstSeconds = burstSeconds,
            CpuMsPerBallot = (burstCosts.CpuMs - (idleRate * burstSeconds)) / ballots.Length,
            ExpectedRecipients = low.Count,
            Recipients = recipients.Count,
            RecipientsExact = recipients.Count == low.Count && low.SetEquals(recipients),
            NotificationCalls = calls.Count,
            NotificationCallBound = CallBound(calls, instances),
            CardAlerted = alerted,
        };
    }

    /// <summary>Opens the side panel of <paramref name="meetingId"/> as its organizer and starts a vote; returns the vote's id.</summary>
    private async Task<string> StartVoteAsync(HttpClient side, string meetingId, string chatId, string scope)
    {
        connector.Meetings[meetingId] = chatId;
        var query = $"meeting={Uri.EscapeDataString(meetingId)}&chat={Uri.EscapeDataString(chatId)}";
        var (status, context) = await SendAsync(side, HttpMethod.Get, "api/meeting/context?" + query, organizer, null).ConfigureAwait(false);
        if (status != HttpStatusCode.OK || context?["linked"]?.GetValue<bool>() != true || context["canStart"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"The side panel's context answered {(int)status}: {context?.ToJsonString()}");
        }

        var (started, vote) = await SendAsync(side, HttpMethod.Post, "api/meeting/votes", organizer, new JsonObject
        {
            ["meeting"] = meetingId, ["chat"] = chatId, ["scope"] = scope, ["team"] = null, ["question"] = null,
            ["anonymous"] = false, ["hideResults"] = false, ["minutes"] = null,
        }).ConfigureAwait(false);
        if (started != HttpStatusCode.Created || vote?["voteId"]?.GetValue<string>() is not { } voteId)
        {
            throw new InvalidOperationException($"Starting the vote answered {(int)started}: {vote?.ToJsonString()}");
        }

        return voteId;
    }

    /// <summary>A team vote in the first team's meeting (30 ballots, stage reads, concern prompts, close): every path JIT-compiled, caches as a running bot has them.</summary>
    private async Task WarmUpAsync(int instances, HttpClient side, Func<HttpClient> pick)
    {
        var meetingId = $"bench-warm-up-{instances.ToString(CultureInfo.InvariantCulture)}";
        var voteId = await StartVoteAsync(side, meetingId, "19:bench-team00@thread.tacv2;messageid=1", "team").ConfigureAwait(false);
        var voters = Enumerable.Range(0, 30).ToList();
        await Task.WhenAll(voters.Select(async p =>
        {
            await SendAsync(pick(), HttpMethod.Post, $"api/meeting/votes/{voteId}/ballot", people[p], new JsonObject { ["value"] = 1 + (p % 5) }).ConfigureAwait(false);
            await SendAsync(pick(), HttpMethod.Get, $"api/meeting/votes/{voteId}", people[p], null).ConfigureAwait(false);
        })).ConfigureAwait(false);
        await PromptsAsync(meetingId, voters.Count(p => p % 5 < 2)).ConfigureAwait(false);
        await SendAsync(side, HttpMethod.Post, $"api/meeting/votes/{voteId}/close", organizer, new JsonObject()).ConfigureAwait(false);
    }

    /// <summary>Waits (at most 15 s) for <paramref name="expected"/> prompt recipients in the meeting, then 1 s more for any extra call.</summary>
    private async Task<IReadOnlyList<MeetingNotificationCall>> PromptsAsync(string meetingId, int expected)
    {
        List<MeetingNotificationCall> Calls() => [.. connector.Notifications.Where(c => c.MeetingId == meetingId)];
        var deadline = Stopwatch.GetTimestamp() + (15 * Stopwatch.Frequency);
        while (Calls().Sum(c => c.Recipients.Count) < expected && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        await Task.Delay(1000).ConfigureAwait(false);
        return Calls();
    }

    /// <summary>
    /// The most calls the prompts may take: each instance flushes what it gathered in calls of at most 10, so per flush
    /// (calls less than 1 s apart) at most ceil(n / 10) plus one partly filled call per other instance.
    /// </summary>
    private static int CallBound(IReadOnlyList<MeetingNotificationCall> calls, int instances)
    {
        var bound = 0;
        var flush = new List<MeetingNotificationCall>();
        foreach (var call in calls.OrderBy(c => c.At).Append(null))
        {
            if (call is null || (flush.Count > 0 && Stopwatch.GetElapsedTime(flush[^1].At, call.At) > TimeSpan.FromSeconds(1)))
            {
                bound += flush.Count == 0 ? 0 : ((flush.Sum(c => c.Recipients.Count) + 9) / 10) + instances - 1;
                flush.Clear();
            }

            if (call is not null)
            {
                flush.Add(call);
            }
        }

        return bound;
    }

    /// <summary>People whose stored ballot is missing or not what they cast, and ballot rows beyond one per person (read straight from Azurite).</summary>
    private async Task<(int Lost, int Extra)> CheckStoredAsync(string voteId)
    {
        var table = new TableServiceClient(storage).GetTableClient(VoteStore.TableName);
        var stored = new List<(string? Voter, int Value)>();
        await foreach (var row in table.QueryAsync<BallotEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {voteId}")).ConfigureAwait(false))
        {
            if (row.RowKey.StartsWith(VoterKeys.BallotPrefix, StringComparison.Ordinal))
            {
                stored.Add((row.VoterId, row.Value));
            }
        }

        var byVoter = stored.Where(s => s.Voter is not null).GroupBy(s => s.Voter!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var lost = Enumerable.Range(0, people.Count).Count(p => !byVoter.TryGetValue(RoomSeed.Member(p).Aad, out var value) || value != _values[p]);
        return (lost, stored.Count - Enumerable.Range(0, people.Count).Count(p => byVoter.ContainsKey(RoomSeed.Member(p).Aad)));
    }

    /// <summary>The value person p casts: <see cref="Spread"/> dealt out in a fixed shuffled order.</summary>
    private static int[] ValuesOf(int count)
    {
        var values = Spread.SelectMany((n, v) => Enumerable.Repeat(v + 1, n)).ToArray();
        if (values.Length != count)
        {
            throw new InvalidOperationException($"The spread has {values.Length} ballots for {count} people.");
        }

        new Random(26).Shuffle(values);
        return values;
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpClient client, HttpMethod method, string url, string bearer, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
