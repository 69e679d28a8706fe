using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArtBot.Hosting;

/// <summary>Ready when the bot's tables exist and answer a query within <see cref="Timeout"/>.</summary>
public sealed class StorageHealthCheck(StorageInitializer initializer, TableServiceClient tables) : IHealthCheck
{
    /// <summary>A probe that takes longer reports unhealthy (storage hanging is storage unreachable).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!initializer.IsReady)
        {
            return HealthCheckResult.Unhealthy("tables not created yet");
        }

        try
        {
            var probe = tables.GetTableClient(initializer.Tables[0]);
            await foreach (var _ in probe.QueryAsync<TableEntity>(maxPerPage: 1, cancellationToken: cancellationToken))
            {
                break;
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("storage unreachable: " + exception.GetType().Name);
        }
        catch (OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"storage did not answer within {Timeout.TotalSeconds:0} s");
        }
    }
}
