using ArtBot.BotFramework.Http;
using Azure.Core;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace ArtBot.Features.People;

/// <summary>Builds the app-only <see cref="GraphServiceClient"/>: the bot's credential, the configured base URL and scope.</summary>
internal static class GraphClients
{
    /// <summary>The named HttpClient of Graph (<see cref="AddGraphHttpClient"/>).</summary>
    public const string HttpClientName = "Graph";

    /// <summary>
    /// Registers the Graph HttpClient: the SDK's default handler chain with the outgoing resilience pipeline
    /// (<see cref="OutgoingHttpPolicy"/>, <see cref="GraphOptions.MaxRetryAfter"/>) in place of the SDK's own retry
    /// handler, so Graph has exactly one retry layer, on the app's clock.
    /// </summary>
    public static IHttpClientBuilder AddGraphHttpClient(this IServiceCollection services)
    {
        var defaults = GraphClientFactory.CreateDefaultHandlers();
        var retry = defaults.Select((handler, index) => (handler, index)).Single(h => h.handler is RetryHandler).index;
        var builder = services.AddHttpClient(HttpClientName, (sp, client) =>
        {
            client.Timeout = Retry(sp).CallBound();
            client.DefaultRequestHeaders.CacheControl = new() { NoCache = true, NoStore = true };
        });
        for (var i = 0; i < defaults.Count; i++)
        {
            var index = i;
            if (index == retry)
            {
                builder.AddOutgoingResilience(Retry);
            }
            else
            {
                builder.AddHttpMessageHandler(() => GraphClientFactory.CreateDefaultHandlers()[index]);
            }
        }

        return builder;
    }

    /// <summary>
    /// The client over <paramref name="http"/> (the <see cref="HttpClientName"/> client), tokens from
    /// <paramref name="credential"/> for <see cref="GraphOptions.Scope"/>, sent only to the base URL's host.
    /// </summary>
    public static GraphServiceClient Create(TokenCredential credential, GraphOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(http);
        var baseUrl = options.BaseUrl.TrimEnd('/');
        var auth = new AzureIdentityAuthenticationProvider(
            credential,
            allowedHosts: [new Uri(baseUrl).Host],
            observabilityOptions: null,
            isCaeEnabled: false,
            scopes: [options.Scope]);
        http.BaseAddress = new Uri(baseUrl + "/");
        return new GraphServiceClient(http, auth, baseUrl);
    }

    private static HttpRetryOptions Retry(IServiceProvider services) =>
        new() { MaxRetryAfter = services.GetRequiredService<IOptions<GraphOptions>>().Value.MaxRetryAfter };
}
