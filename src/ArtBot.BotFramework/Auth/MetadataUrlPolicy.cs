using System.Net;

namespace ArtBot.BotFramework.Auth;

/// <summary>
/// Where signing keys may come from: https anywhere, plain http only on the loopback interface
/// (a local test or emulator metadata server). Applied to the metadata URL and to its <c>jwks_uri</c>.
/// </summary>
internal static class MetadataUrlPolicy
{
    /// <summary>Null when <paramref name="url"/> is acceptable, otherwise a message saying why not.</summary>
    public static string? Check(string? url, string settingName)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return $"{settingName} is empty; set it to the channel's OpenID metadata URL.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"{settingName} '{url}' is not an absolute URL.";
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (IsLoopbackHttp(uri))
        {
            return null;
        }

        return $"{settingName} '{url}' must use https (plain http is accepted only for 127.0.0.1, ::1 or localhost).";
    }

    /// <summary>True for plain http on the loopback interface, the one case where https is not required.</summary>
    public static bool IsLoopbackHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsLoopbackHttp(uri);

    private static bool IsLoopbackHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri);

    private static bool IsLoopback(Uri uri) =>
        string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));
}
