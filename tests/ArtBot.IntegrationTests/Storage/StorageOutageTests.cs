using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using ArtBot.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ArtBot.IntegrationTests.Storage;

/// <summary>
/// Storage hanging (Azurite SIGSTOPped), gone (SIGKILLed) and back (started again on its folder): every ballot and
/// message is answered, within the HTTP client's 10 s, with what happened; readiness follows storage; the bot resumes
/// without a restart, and what it acknowledged before is still there.
/// </summary>
[Collection(BotTests.Name)]
public sealed class StorageOutageTests(BotHost bot) : IAsyncLifetime
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(10);
    private readonly string _location = Path.Combine(Path.GetTempPath(), "artbot-outage-" + Guid.NewGuid().ToString("N")[..8]);
    private AzuriteInstance _azurite = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartOnDiskAsync(_location);
        _factory = bot.AnotherInstance(
            new Dictionary<string, string?> { ["Votes:SweepInterval"] = "01:00:00", ["Sync:SchedulerEnabled"] = "false" }, _azurite.ConnectionString);
        _client = _factory.CreateClient();
        _client.Timeout = AnswerWithin;
        await BotHost.WaitUntilReadyAsync(_factory);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _azurite.DisposeAsync();
        Directory.Delete(_location, recursive: true);
    }

    [Fact]
    public async Task Ballots_and_messages_are_answered_while_storage_hangs_or_is_gone_and_nothing_acknowledged_is_lost()
    {
        var votes = new VoteDriver(bot, _client);
        var (voteId, _) = await votes.StartAsync("Can we commit to the PI objectives?");
        Assert.Equal(HttpStatusCode.OK, (await votes.CastAsync(voteId, 4, "ada-aad", "Ada")).Status);

        // Hanging: the ballot and a command are answered with what happened; readiness says so.
        await _azurite.PauseAsync();
        var (status, body) = await votes.CastAsync(voteId, 2, "bo-aad", "Bo");
        AssertStorageUnavailable(status, body);
        await AssertCommandToldAboutStorageAsync(votes, "vote Is the plan realistic?");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _client.GetAsync("/health/ready")).StatusCode);

        // Back: ready again without a restart; the retried ballot counts, the acknowledged one is still there.
        await _azurite.ResumeAsync();
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await votes.CastAsync(voteId, 5, "bo-aad", "Bo")).Status);

        // Gone: refused connections are answered the same way.
        await WaitUntilOnDiskAsync("bo-aad");
        _azurite.Kill();
        (status, body) = await votes.CastAsync(voteId, 3, "cy-aad", "Cy");
        AssertStorageUnavailable(status, body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _client.GetAsync("/health/ready")).StatusCode);

        // Started again on its folder: the same bot resumes and every acknowledged ballot is there.
        _azurite = await Azurite.StartOnDiskAsync(_location, _azurite.Port);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/ready")).StatusCode);
        (status, body) = await votes.CastAsync(voteId, 3, "cy-aad", "Cy");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("3 votes so far, average 4.0", VoteDriver.CardText(body), StringComparison.Ordinal);
    }

    private static async Task AssertCommandToldAboutStorageAsync(VoteDriver votes, string command)
    {
        var told = await votes.CommandAsync(command);
        Assert.Empty(told.Cards);
        Assert.Contains("can't reach its storage", told.AllText, StringComparison.Ordinal);
        Assert.Contains("nothing was recorded", told.AllText, StringComparison.Ordinal);
    }

    private static void AssertStorageUnavailable(HttpStatusCode status, JsonElement body)
    {
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(503, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Equal("StorageUnavailable", body.GetProperty("value").GetProperty("code").GetString());
        Assert.Contains("nothing was recorded", body.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Azurite writes its tables to disk every 5 s: waits (polling the file) until it holds <paramref name="text"/>.</summary>
    private async Task WaitUntilOnDiskAsync(string text)
    {
        var file = Azurite.DatabaseFile(_location);
        var deadline = Stopwatch.GetTimestamp() + 30 * Stopwatch.Frequency;
        while (!(File.Exists(file) && (await File.ReadAllTextAsync(file)).Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(Stopwatch.GetTimestamp() < deadline, $"Azurite did not write '{text}' to {file}.");
            await Task.Delay(100);
        }
    }
}
