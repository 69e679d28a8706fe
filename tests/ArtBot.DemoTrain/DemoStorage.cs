using ArtBot.Storage;
using ArtBot.Storage.Arts;
using Azure;
using Azure.Data.Tables;

namespace ArtBot.DemoTrain;

/// <summary>Which storage the demo train may go to, and waiting for it (Azurite may still be starting).</summary>
public static class DemoStorage
{
    /// <summary>
    /// A client for seeding: the SDK's patient defaults, not the bot's 3-second tries (<see cref="StorageClientOptions"/>).
    /// Under a seeding run's load a create that timed out and was retried would find its own row (409), which the stores
    /// take for a redelivery and skip the rest (a vote's history rows).
    /// </summary>
    public static TableServiceClient Client(string connectionString) => new(connectionString, new TableClientOptions());

    /// <summary>Azurite's development storage, or an account whose table endpoint is on this machine.</summary>
    public static bool IsLocal(string connectionString)
    {
        var settings = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (settings.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var isDevelopment) && isDevelopment)
        {
            return true;
        }

        return settings.TryGetValue("TableEndpoint", out var endpoint) && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Tries a table operation until storage answers or <paramref name="timeout"/> has passed.</summary>
    public static async Task WaitUntilReachableAsync(TableServiceClient tables, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            try
            {
                await tables.CreateTableIfNotExistsAsync(ArtStore.TableName, cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is StorageUnavailableException or RequestFailedException { Status: 0 } && time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken);
            }
        }
    }
}
