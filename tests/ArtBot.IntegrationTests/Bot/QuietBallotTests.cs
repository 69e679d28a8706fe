using System.Net;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArtBot.IntegrationTests.Bot;

/// <summary>
/// A ballot costs only its own work (issue 24): through <c>/api/messages</c>, with the logging configuration the app ships
/// (Production, appsettings.json), it throws no exception anywhere in the process (first-chance exceptions counted) and
/// writes no log line at Information or above. Runs in a collection of its own, after the parallel ones, so nothing else
/// in the test process throws or logs meanwhile.
/// </summary>
[Collection(QuietTests.Name)]
public sealed class QuietBallotTests(BotHost bot)
{
    [Fact]
    public async Task A_ballot_throws_nothing_and_logs_nothing_at_information_or_above()
    {
        var lines = new LineCounter();
        await using var production = bot.AnotherInstance().WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .ConfigureLogging(logging => logging.AddProvider(lines)));
        using var client = production.CreateClient();
        await BotHost.WaitUntilReadyAsync(production);
        var votes = new VoteDriver(bot, client);
        bot.Connector.Answers[$"/v3/conversations/{votes.ConversationId}/pagedmembers"] =
            """{"members":[{"id":"29:warm-aad","aadObjectId":"warm-aad","name":"Wanda"},{"id":"29:quiet-aad","aadObjectId":"quiet-aad","name":"Quinn"}]}""";
        var (voteId, _) = await votes.StartAsync("Quiet confidence");

        // First use (signing keys fetched, roster read, shared card updated): done before the ballot that is watched.
        Assert.Equal(HttpStatusCode.OK, (await votes.CastAsync(voteId, 3, "warm-aad")).Status);
        await bot.Connector.WaitForAsync(r => r.Method == "PUT" && votes.IsMine(r) && r.AllText.Contains("1 of 2 voted", StringComparison.Ordinal));

        var exceptions = new List<string>();
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            lock (exceptions)
            {
                exceptions.Add(e.Exception.GetType().FullName + ": " + e.Exception.Message);
            }
        }

        var linesBefore = lines.Snapshot().Count;
        AppDomain.CurrentDomain.FirstChanceException += Count;
        HttpStatusCode status;
        try
        {
            (status, _) = await votes.CastAsync(voteId, 4, "quiet-aad");
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(exceptions);
        Assert.DoesNotContain(lines.Snapshot().Skip(linesBefore), l => l.Level >= LogLevel.Information);
        Assert.Contains(lines.Snapshot(), l => l.Level == LogLevel.Information); // the counter does receive the app's lines (start-up)
    }

    /// <summary>Counts every line the app's logging lets through (its configured filters apply to this provider too).</summary>
    private sealed class LineCounter : ILoggerProvider
    {
        private readonly List<(LogLevel Level, string Category, string Text)> _lines = [];

        public IReadOnlyList<(LogLevel Level, string Category, string Text)> Snapshot()
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LineCounter counter, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None; // as every real provider: None is never written

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (!IsEnabled(logLevel))
                {
                    return;
                }

                lock (counter._lines)
                {
                    counter._lines.Add((logLevel, category, formatter(state, exception)));
                }
            }
        }
    }
}

/// <summary>Tests that watch the whole process (exceptions, log lines): not run in parallel with anything.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QuietTests : ICollectionFixture<BotHost>
{
    public const string Name = "quiet";
}
