using Azure.Core;
using Azure.Core.Pipeline;

namespace ArtBot.Storage.Tables;

/// <summary>Appends a shared access signature (from a connection string) to every request.</summary>
internal sealed class TableSasPolicy(string sasQuery) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var uri = message.Request.Uri;
        var query = uri.Query;
        if (query.Contains("sig=", StringComparison.Ordinal))
        {
            return;
        }

        uri.Query = string.IsNullOrEmpty(query) || query == "?" ? "?" + sasQuery : query + "&" + sasQuery;
    }
}
