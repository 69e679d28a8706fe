using ArtBot.BotFramework.Hosting;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ArtBot.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs in one place (as eShop's ServiceDefaults): a span per incoming activity with the
/// storage, connector and Graph calls beneath it, the <see cref="ArtBotMetrics"/> meter, ASP.NET Core, HttpClient and
/// runtime instrumentation. Exported to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set and over OTLP
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; with neither (nor <c>Telemetry:Collect</c>, for tests that bring their own
/// exporter) nothing is collected at all, so an instance without a collector pays nothing for it. Outgoing URLs are cut to
/// their service and first path segment (<see cref="TelemetryUrls"/>): table keys, conversation and user ids stay out.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "ArtBot";
    public const string AzureMonitorVariable = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string CollectSetting = "Telemetry:Collect";

    public static IHostApplicationBuilder AddArtBotTelemetry(this IHostApplicationBuilder builder)
    {
        var azureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration[AzureMonitorVariable]);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpVariable]);
        if (!azureMonitor && !otlp && !builder.Configuration.GetValue<bool>(CollectSetting))
        {
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeScopes = false;
            logging.IncludeFormattedMessage = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(BotTelemetry.SourceName)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation(options =>
                {
                    options.EnrichWithHttpRequestMessage = (activity, request) => TelemetryUrls.Redact(activity, request.RequestUri);
                    options.RecordException = false;
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(ArtBotMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        if (azureMonitor)
        {
            telemetry.UseAzureMonitor();
        }

        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddOtlpExporter())
                .WithLogging(logging => logging.AddOtlpExporter());
        }

        return builder;
    }
}
