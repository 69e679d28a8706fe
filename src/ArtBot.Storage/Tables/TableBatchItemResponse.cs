using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;

namespace ArtBot.Storage.Tables;

/// <summary>One inner response of a <c>$batch</c> answer: status, headers and body as parsed from the multipart text.</summary>
internal sealed class TableBatchItemResponse : Response
{
    private readonly List<HttpHeader> _headers;

    public TableBatchItemResponse(int status, string reasonPhrase, IEnumerable<HttpHeader> headers, string body)
    {
        Status = status;
        ReasonPhrase = reasonPhrase;
        _headers = [.. headers];
        Body = body;
        ContentStream = new MemoryStream(Encoding.UTF8.GetBytes(body), writable: false);
        ClientRequestId = string.Empty;
    }

    public override int Status { get; }

    public override string ReasonPhrase { get; }

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; }

    public override bool IsError => Status >= 400;

    internal string Body { get; }

    public override void Dispose()
    {
        ContentStream?.Dispose();
    }

    protected override bool ContainsHeader(string name) => _headers.Exists(h => Matches(h, name));

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers;

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        var values = _headers.Where(h => Matches(h, name)).Select(h => h.Value).ToList();
        value = values.Count == 0 ? null : string.Join(",", values);
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        var found = _headers.Where(h => Matches(h, name)).Select(h => h.Value).ToList();
        values = found.Count == 0 ? null : found;
        return values is not null;
    }

    private static bool Matches(HttpHeader header, string name) => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase);
}
