using System.Diagnostics;

namespace ArtBot.Hosting.Telemetry;

/// <summary>
/// Outgoing URLs as telemetry records them: scheme, host, port and the first path segment (a table name, <c>v3</c>,
/// <c>v1.0</c>), cut at the first parenthesis. Table keys, conversation ids, user and group ids and query values carry
/// personal data or identify people and stay out.
/// </summary>
public static class TelemetryUrls
{
    public static string Redact(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return string.Empty;
        }

        var path = uri.AbsolutePath.TrimStart('/');
        var first = path.Split('/', 2)[0];
        var cut = first.IndexOf('(', StringComparison.Ordinal);
        if (cut >= 0)
        {
            first = first[..cut];
        }

        // The storage account segment of an emulator URL (http://127.0.0.1:10002/devstoreaccount1/table) is not personal;
        // a table name or API version is kept; anything that looks like an id is not.
        var kept = first.Length is > 0 and <= 40 && first.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '$') ? "/" + first : string.Empty;
        var more = path.Length > first.Length ? "/…" : string.Empty;
        return $"{uri.Scheme}://{uri.Authority}{kept}{more}";
    }

    /// <summary>Replaces the span's <c>url.full</c> (and drops the query) with <see cref="Redact(Uri?)"/>.</summary>
    public static void Redact(Activity activity, Uri? uri) => activity.SetTag("url.full", Redact(uri));
}
