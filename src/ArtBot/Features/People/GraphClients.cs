using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace ArtBot.Features.People;

/// <summary>Builds the app-only <see cref="GraphServiceClient"/>: the bot's credential, the configured base URL and scope.</summary>
internal static class GraphClients
{
    /// <summary>
    /// The SDK's default handler chain (its retry handler honours 429/503 Retry-After), tokens from
    /// <paramref name="credential"/> for <see cref="GraphOptions.Scope"/>, sent only to the base URL's host.
    /// <paramref name="finalHandler"/> replaces the network handler (tests).
    /// </summary>
    public static GraphServiceClient Create(TokenCredential credential, GraphOptions options, HttpMessageHandler? finalHandler = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var baseUrl = options.BaseUrl.TrimEnd('/');
        var auth = new AzureIdentityAuthenticationProvider(
            credential,
            allowedHosts: [new Uri(baseUrl).Host],
            observabilityOptions: null,
            isCaeEnabled: false,
            scopes: [options.Scope]);
        var http = GraphClientFactory.Create(finalHandler: finalHandler);
        http.BaseAddress = new Uri(baseUrl + "/");
        return new GraphServiceClient(http, auth, baseUrl);
    }
}
