using System.Net;
using Microsoft.IdentityModel.Protocols;

namespace ArtBot.BotFramework.Auth;

/// <summary>
/// Fetches the OpenID metadata and key set documents for IdentityModel's <c>ConfigurationManager</c>. Each address
/// (the <c>jwks_uri</c> too, before anything is sent to it) must pass <see cref="MetadataUrlPolicy"/>; then
/// IdentityModel's <see cref="HttpDocumentRetriever"/> fetches it, requiring https unless the address is http on
/// loopback, with a fresh client from the named HttpClient (so the factory's handler rotation applies).
/// Failures become a <see cref="MetadataUnavailableException"/> with a short message.
/// </summary>
internal sealed class ChannelDocumentRetriever(string metadataUrl, Func<HttpClient> httpClient) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        var setting = string.Equals(address, metadataUrl, StringComparison.Ordinal)
            ? nameof(BotFrameworkOptions.ToBotFromChannelOpenIdMetadataUrl)
            : "jwks_uri";
        if (MetadataUrlPolicy.Check(address, setting) is { } problem)
        {
            throw new MetadataUnavailableException(problem);
        }

        var retriever = new HttpDocumentRetriever(httpClient()) { RequireHttps = !MetadataUrlPolicy.IsLoopbackHttp(address) };
        try
        {
            return await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new MetadataUnavailableException(Describe(address, ex), ex);
        }
    }

    private static string Describe(string address, IOException failure) => failure switch
    {
        _ when failure.Data[HttpDocumentRetriever.StatusCode] is HttpStatusCode status => $"GET {address} answered {(int)status}.",
        { InnerException: TaskCanceledException } => $"GET {address} timed out.",
        { InnerException: HttpRequestException http } => $"GET {address} failed: {http.Message}",
        _ => $"GET {address} failed.",
    };
}
