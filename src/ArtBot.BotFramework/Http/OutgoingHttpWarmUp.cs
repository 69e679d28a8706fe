using Microsoft.Extensions.Hosting;

namespace ArtBot.BotFramework.Http;

/// <summary>One HttpClient that carries the outgoing resilience pipeline (registered by <see cref="OutgoingHttpPolicy"/>).</summary>
internal sealed record OutgoingHttpClient(string Name);

/// <summary>
/// Builds the handler chain and resilience pipeline of every <see cref="OutgoingHttpClient"/> at start-up, in the
/// background, so the first send after a deployment or a restart does not also build them (and load their libraries).
/// </summary>
internal sealed class OutgoingHttpWarmUp(IHttpClientFactory factory, IEnumerable<OutgoingHttpClient> clients) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // off the host's start-up path
        foreach (var client in clients)
        {
            stoppingToken.ThrowIfCancellationRequested();
            using var http = factory.CreateClient(client.Name);
        }
    }
}
