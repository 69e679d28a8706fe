using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ArtBot.BotFramework.Hosting;
using ArtBot.IntegrationTests.Infrastructure;
using ArtBot.IntegrationTests.Votes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ArtBot.IntegrationTests.Bot;

/// <summary>
/// What the bot's OpenTelemetry traces, metrics and logs carry, collected as an exporter would get them: a span per
/// activity with the storage calls beneath it, the ArtBot meter, and none of the names, texts and anonymous ballot values
/// of the turns.
/// </summary>
[Collection(BotTests.Name)]
public sealed class TelemetryTests(BotHost bot)
{
    private const string CreatorName = "Quentin Quokkaman";
    private const string VoterName = "Wilhelmina Zanzibar";
    private const string Question = "Can Xylophone Squad commit to the Borealis launch?";
    private const string AnonymousQuestion = "Is the Pemberton migration realistic?";
    private const string ImpedimentText = "Kettlewick build agents are down since Tuesday";

    [Fact]
    public async Task A_turn_is_one_span_with_its_storage_calls_beneath_and_no_personal_data_reaches_telemetry()
    {
        var exported = new ExportedTelemetry();
        await using var factory = CreateFactory(exported);
        using var client = factory.CreateClient();
        await BotHost.WaitUntilReadyAsync(factory);

        var votes = new VoteDriver(bot, client);
        var (voteId, _) = await votes.StartAsync(Question);
        Assert.Equal(HttpStatusCode.OK, (await votes.CastAsync(voteId, 4, "wilhelmina-aad", VoterName)).Status);
        var (anonymousId, _) = await votes.StartAsync(AnonymousQuestion, anonymous: true);
        Assert.Equal(HttpStatusCode.OK, (await votes.CastAsync(anonymousId, 3, "wilhelmina-aad", VoterName)).Status);
        await votes.CommandAsync("impediment " + ImpedimentText, "quentin-aad", CreatorName);
        ExportedTelemetry.Flush(factory.Services);

        var cast = exported.Spans.Last(s => s.GetTagItem(BotTelemetry.CardVerbTag) as string == "vote.cast");
        Assert.Equal("bot.turn invoke adaptiveCard/action", cast.DisplayName);
        Assert.Equal("invoke", cast.GetTagItem(BotTelemetry.ActivityTypeTag));
        Assert.Equal("adaptiveCard/action", cast.GetTagItem(BotTelemetry.InvokeNameTag));
        Assert.Equal("channel", cast.GetTagItem(BotTelemetry.ConversationTypeTag));
        Assert.Equal("handled", cast.GetTagItem(BotTelemetry.OutcomeTag));
        var storageCalls = exported.Spans.Where(s => s.ParentSpanId == cast.SpanId && s.Kind == ActivityKind.Client).ToList();
        Assert.NotEmpty(storageCalls);
        Assert.All(storageCalls, s => Assert.DoesNotContain("RowKey", s.GetTagItem("url.full") as string ?? "", StringComparison.Ordinal));

        Assert.Equal(2, exported.Sum("artbot.votes.ballots_cast"));
        Assert.Equal(2, exported.Sum("artbot.votes.started"));
        Assert.Equal(1, exported.Sum("artbot.impediments.raised"));

        var text = exported.AllText();
        foreach (var personal in new[] { CreatorName, VoterName, "Quokkaman", "Zanzibar", Question, AnonymousQuestion, ImpedimentText, "Kettlewick", "Borealis", "Pemberton" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotMatch(@"(?i)(value|ballot)[^\n]{0,20}=\s*3\b", text);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", true)]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", true)]
    public async Task Telemetry_is_collected_only_when_an_exporter_is_configured(string? setting, bool collected)
    {
        var settings = new Dictionary<string, string?>();
        if (setting is not null)
        {
            // Endpoints nobody listens on: the exporters are set up, their sends fail quietly.
            settings[setting] = setting.StartsWith("APPLICATIONINSIGHTS", StringComparison.Ordinal)
                ? "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/"
                : "http://127.0.0.1:9";
        }

        await using var factory = bot.AnotherInstance(settings);
        using var client = factory.CreateClient();

        Assert.Equal(collected, factory.Services.GetService<TracerProvider>() is not null);
        Assert.Equal(collected, factory.Services.GetService<MeterProvider>() is not null);
    }

    private WebApplicationFactory<Program> CreateFactory(ExportedTelemetry exported) =>
        bot.AnotherInstance(new Dictionary<string, string?> { ["Telemetry:Collect"] = "true", ["Logging:LogLevel:Default"] = "Debug" }).WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services
            .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(exported.Traces)))
            .ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddReader(new BaseExportingMetricReader(exported.Metrics)))
            .ConfigureOpenTelemetryLoggerProvider(logging => logging.AddProcessor(new SimpleLogRecordExportProcessor(exported.Logs)))));

    /// <summary>Everything exported, as text an exporter would send (spans, metric points with tags, log records).</summary>
    private sealed class ExportedTelemetry
    {
        private readonly ConcurrentQueue<string> _texts = new();
        private readonly ConcurrentQueue<Activity> _spans = new();
        private readonly ConcurrentDictionary<string, long> _sums = new(StringComparer.Ordinal);

        public ExportedTelemetry()
        {
            Traces = new Exporter<Activity>(span =>
            {
                if (span.Kind == ActivityKind.Server && span.GetTagItem("server.port") is not null)
                {
                    return; // a stand-in's server span (the connector and OpenID metadata run in this process); the bot's is TestServer's
                }

                _spans.Enqueue(span);
                _texts.Enqueue($"{span.DisplayName} {string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={t.Value}"))} {span.StatusDescription} "
                    + string.Join(" ", span.Events.Select(e => e.Name + " " + string.Join(" ", e.Tags.Select(t => $"{t.Key}={t.Value}")))));
            });
            Logs = new Exporter<LogRecord>(log => _texts.Enqueue(
                $"{log.CategoryName} {log.FormattedMessage} {log.Body} {string.Join(" ", (log.Attributes ?? []).Select(a => $"{a.Key}={a.Value}"))} {log.Exception}"));
            Metrics = new Exporter<Metric>(metric =>
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    var tags = new List<string>();
                    foreach (var tag in point.Tags)
                    {
                        tags.Add($"{tag.Key}={tag.Value}");
                    }

                    _texts.Enqueue($"{metric.Name} {string.Join(" ", tags)}");
                    if (metric.MetricType == MetricType.LongSum)
                    {
                        var value = point.GetSumLong();
                        _sums.AddOrUpdate(metric.Name, value, (_, sum) => sum + value);
                    }
                }
            });
        }

        public Exporter<Activity> Traces { get; }

        public Exporter<LogRecord> Logs { get; }

        public Exporter<Metric> Metrics { get; }

        public IReadOnlyList<Activity> Spans => [.. _spans];

        /// <summary>Exports what the providers hold (spans end with their requests; metrics are read now).</summary>
        public static void Flush(IServiceProvider services)
        {
            Assert.True(services.GetRequiredService<TracerProvider>().ForceFlush());
            Assert.True(services.GetRequiredService<MeterProvider>().ForceFlush());
        }

        public long Sum(string metric) => _sums.GetValueOrDefault(metric);

        public string AllText() => string.Join("\n", _texts);
    }

    private sealed class Exporter<T>(Action<T> export) : BaseExporter<T>
        where T : class
    {
        public override ExportResult Export(in Batch<T> batch)
        {
            foreach (var item in batch)
            {
                export(item);
            }

            return ExportResult.Success;
        }
    }
}
