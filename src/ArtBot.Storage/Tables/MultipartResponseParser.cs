using System.Globalization;
using Azure.Core;

namespace ArtBot.Storage.Tables;

/// <summary>
/// Reads a <c>$batch</c> answer: a <c>multipart/mixed</c> body whose parts are either nested multiparts
/// (the changeset) or <c>application/http</c> responses (status line, headers, body).
/// </summary>
internal static class MultipartResponseParser
{
    public static IReadOnlyList<TableBatchItemResponse> Parse(string contentType, string body)
    {
        var boundary = BoundaryOf(contentType)
            ?? throw new FormatException("The batch response's Content-Type has no multipart boundary.");
        var responses = new List<TableBatchItemResponse>();
        ParseMultipart(body, boundary, responses);
        return responses;
    }

    internal static string? BoundaryOf(string? contentType)
    {
        if (contentType is null || !contentType.TrimStart().StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var parameter in contentType.Split(';'))
        {
            var p = parameter.Trim();
            if (p.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
            {
                return p[9..].Trim('"');
            }
        }

        return null;
    }

    private static void ParseMultipart(string body, string boundary, List<TableBatchItemResponse> into)
    {
        var delimiter = "--" + boundary;
        var segments = body.Split(delimiter, StringSplitOptions.None);

        // segments[0] is the preamble; a segment starting with "--" follows the closing delimiter.
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }

            var part = StripLeadingNewline(segment);
            var (headers, content) = SplitHeaders(part);
            var partType = headers.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
            var nested = BoundaryOf(partType);
            if (nested is not null)
            {
                ParseMultipart(content, nested, into);
            }
            else if (partType?.StartsWith("application/http", StringComparison.OrdinalIgnoreCase) == true)
            {
                into.Add(ParseHttpResponse(content));
            }
        }
    }

    private static TableBatchItemResponse ParseHttpResponse(string text)
    {
        var (statusLine, rest) = SplitFirstLine(text);
        var pieces = statusLine.Split(' ', 3);
        if (pieces.Length < 2 || !pieces[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new FormatException($"The batch response has a part whose status line is not HTTP: '{statusLine}'.");
        }

        var (headers, body) = SplitHeaders(rest);
        return new TableBatchItemResponse(status, pieces.Length > 2 ? pieces[2] : string.Empty, headers, TrimTrailingNewline(body));
    }

    /// <summary>Header lines up to the first empty line, then the rest.</summary>
    private static (List<HttpHeader> Headers, string Body) SplitHeaders(string text)
    {
        var headers = new List<HttpHeader>();
        var rest = text;
        while (rest.Length > 0)
        {
            var (line, after) = SplitFirstLine(rest);
            rest = after;
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new HttpHeader(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return (headers, rest);
    }

    private static (string Line, string Remainder) SplitFirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0)
        {
            return (text.TrimEnd('\r'), string.Empty);
        }

        return (text[..newline].TrimEnd('\r'), text[(newline + 1)..]);
    }

    private static string StripLeadingNewline(string text) =>
        text.StartsWith("\r\n", StringComparison.Ordinal) ? text[2..] : text.StartsWith('\n') ? text[1..] : text;

    private static string TrimTrailingNewline(string text) => text.TrimEnd('\r', '\n');
}
