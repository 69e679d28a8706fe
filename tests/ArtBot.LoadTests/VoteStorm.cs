using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using ArtBot.Tests.Shared;

namespace ArtBot.LoadTests;

/// <summary>What one round of the storm measured.</summary>
public sealed record RoundResult(
    int Round, int Ballots, TimeSpan Elapsed, int Failed, int Lost, long StorageRequests, long StorageWrites, long CardUpdates, bool CardExact, string ExpectedCardText);

/// <summary>
/// The vote storm: one vote in a channel, <c>voters</c> voters casting at once through /api/messages (Action.Execute,
/// verb <c>vote.cast</c>, signed channel JWTs), for several rounds, each voter changing value every round.
/// After each round the stored ballots are checked voter by voter and the shared card must show the exact tally.
/// </summary>
public sealed class VoteStorm(StormHost host, int voters)
{
    private readonly string _conversationId = TeamsPayloads.NewConversationId("channel");
    private readonly ConcurrentBag<double> _latencies = [];

    public IEnumerable<double> LatenciesMs => _latencies;

    /// <summary>Value of voter <paramref name="i"/> in round <paramref name="round"/>: four fifths spread 1..5, the rest on one value, so every round's average differs.</summary>
    public int ValueOf(int i, int round) => i < voters * 4 / 5 ? 1 + (i + round) % 5 : 1 + round % 5;

    public async Task<string> StartVoteAsync(string question)
    {
        host.Connector.Members = [("creator-aad", "Ceri Creator"), .. Enumerable.Range(0, voters).Select(i => ($"voter-{i}-aad", VoterName(i)))];
        var before = host.Connector.Posts;
        var activity = TeamsPayloads.Load(TeamsPayloads.ChannelMention, host.Connector.ServiceUrl, _conversationId);
        activity["text"] = "<at>ArtBot</at> vote " + question;
        SetFrom(activity, "creator-aad", "Ceri Creator");
        var (status, body) = await host.PostAsync(activity, host.Bearer()).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Starting the vote answered {(int)status}: {body}");
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (host.Connector.Posts <= before)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The vote card was not posted.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        foreach (var posted in host.Connector.PostedBodies.Reverse())
        {
            var node = JsonNode.Parse(posted);
            if (node?["conversation"]?["id"]?.GetValue<string>() is { } id && !id.StartsWith(_conversationId, StringComparison.Ordinal))
            {
                continue;
            }

            var content = node?["attachments"]?[0]?["content"];
            // The ballot buttons (and the confirmation behind "Close vote…") carry the vote's id.
            if (FindVoteId(content) is { } voteId)
            {
                await host.WhenLoggedAsync(voteId).ConfigureAwait(false); // its "started" line belongs to the start, not to the rounds
                return voteId;
            }
        }

        throw new InvalidOperationException("No vote id in the posted card: " + string.Join("\n", host.Connector.PostedBodies));

        static string? FindVoteId(JsonNode? node) => node switch
        {
            JsonObject o when o["data"]?["voteId"] is JsonValue id => id.GetValue<string>(),
            JsonObject o => o.Select(p => FindVoteId(p.Value)).FirstOrDefault(v => v is not null),
            JsonArray a => a.Select(FindVoteId).FirstOrDefault(v => v is not null),
            _ => null,
        };
    }

    public async Task<RoundResult> RunRoundAsync(string voteId, int round, bool record = true)
    {
        var bearer = host.Bearer();
        var bodies = Enumerable.Range(0, voters).Select(i => Encoding.UTF8.GetBytes(Ballot(voteId, i, ValueOf(i, round)).ToJsonString())).ToArray();
        var expectedSum = Enumerable.Range(0, voters).Sum(i => ValueOf(i, round));
        var average = Math.Round((double)expectedSum / voters, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
        var expectedText = $"{voters} votes so far, average {average}";

        var costsBefore = await host.CostsAsync(quietLogs: false).ConfigureAwait(false); // storage requests only
        var putsBefore = host.Connector.Puts;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var casts = bodies.Select(async body =>
        {
            await Task.Yield();
            var started = Stopwatch.GetTimestamp();
            var (status, answer) = await host.PostAsync(body, bearer).ConfigureAwait(false);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (record)
            {
                _latencies.Add(ms);
            }

            if (status != HttpStatusCode.OK || answer.AsSpan().IndexOf("application/vnd.microsoft.card.adaptive"u8) < 0)
            {
                Interlocked.Increment(ref failed);
            }
        }).ToArray();
        await Task.WhenAll(casts).ConfigureAwait(false);
        clock.Stop();

        // The shared card is updated in the background (coalesced); wait for it to settle on the exact tally.
        var cardExact = await WaitForCardAsync(expectedText).ConfigureAwait(false);
        var costs = await host.CostsAsync(quietLogs: false).ConfigureAwait(false) - costsBefore;
        var storageRequests = costs.StorageOperations;
        var storageWrites = costs.StorageWrites;
        var cardUpdates = host.Connector.Puts - putsBefore;
        var lost = await CountLostAsync(voteId, round).ConfigureAwait(false);
        return new RoundResult(round + 1, voters, clock.Elapsed, failed, lost, storageRequests, storageWrites, cardUpdates, cardExact, expectedText);
    }

    private async Task<bool> WaitForCardAsync(string expectedText)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var last = host.Connector.LastPutTo(_conversationId);
            if (last is not null && last.Contains(expectedText, StringComparison.Ordinal))
            {
                // Let any update already in flight land, then check the card still says the same.
                var settled = host.Connector.Puts;
                await Task.Delay(200).ConfigureAwait(false);
                if (settled == host.Connector.Puts)
                {
                    return true;
                }

                continue;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>Voters whose stored ballot is missing or not the value they cast this round (read straight from Azurite, uncounted).</summary>
    private async Task<int> CountLostAsync(string voteId, int round)
    {
        var table = new TableServiceClient(host.Azurite.ConnectionString).GetTableClient("votes");
        var stored = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {voteId}")).ConfigureAwait(false))
        {
            if (row.RowKey != "meta" && row.GetString("VoterName") is { } name && row.GetInt32("Value") is { } value)
            {
                stored[name] = value;
            }
        }

        return Enumerable.Range(0, voters).Count(i => !stored.TryGetValue(VoterName(i), out var v) || v != ValueOf(i, round));
    }

    private JsonObject Ballot(string voteId, int voter, int value)
    {
        var activity = TeamsPayloads.Load(TeamsPayloads.CardAction, host.Connector.ServiceUrl, _conversationId);
        SetFrom(activity, $"voter-{voter}-aad", VoterName(voter));
        activity["value"]!["action"]!["verb"] = "vote.cast";
        activity["value"]!["action"]!["data"] = new JsonObject { ["voteId"] = voteId, ["value"] = value };
        return activity;
    }

    private static string VoterName(int i) => "Voter " + i.ToString(CultureInfo.InvariantCulture);

    private static void SetFrom(JsonObject activity, string aad, string name) =>
        activity["from"] = new JsonObject { ["id"] = "29:" + aad, ["name"] = name, ["aadObjectId"] = aad };
}
