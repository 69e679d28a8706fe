using Azure.Core;
using Azure.Core.Pipeline;

namespace ArtBot.Storage.Tables;

/// <summary>The protocol headers every Table request carries (service version, OData version, JSON metadata).</summary>
internal sealed class TableHeadersPolicy : HttpPipelineSynchronousPolicy
{
    internal const string ServiceVersion = "2020-12-06";
    internal const string AcceptJson = "application/json;odata=minimalmetadata";

    public static TableHeadersPolicy Instance { get; } = new();

    public override void OnSendingRequest(HttpMessage message)
    {
        var headers = message.Request.Headers;
        headers.SetValue("x-ms-version", ServiceVersion);
        headers.SetValue("DataServiceVersion", "3.0");
        headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        if (!headers.Contains("Accept"))
        {
            headers.SetValue("Accept", AcceptJson);
        }
    }
}
