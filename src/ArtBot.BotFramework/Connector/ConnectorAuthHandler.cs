using System.Net.Http.Headers;
using ArtBot.BotFramework.Http;

namespace ArtBot.BotFramework.Connector;

/// <summary>
/// Sets each attempt's bearer token (cached by the <see cref="IConnectorTokenProvider"/>, so a retry after a long wait gets
/// a fresh one) and marks the attempt as on the wire right before it is sent. Runs once per attempt, inside the pipeline.
/// </summary>
internal sealed class ConnectorAuthHandler(IConnectorTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? token;
        try
        {
            token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw new ConnectorTokenUnavailableException(exception);
        }

        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        OutgoingAttempts.Of(request)?.Sending();
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
