using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ArtBot.Storage.Tables;

/// <summary>
/// Signs each attempt with SharedKeyLite: <c>base64(HMAC-SHA256(key, "{x-ms-date}\n{canonicalized resource}"))</c>.
/// It runs per retry so every attempt has a fresh date.
/// </summary>
internal sealed class TableSharedKeyPolicy(TableSharedKeyCredential credential, TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var date = timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);
        var stringToSign = BuildStringToSign(date, credential.AccountName, message.Request.Uri.ToUri());
        message.Request.Headers.SetValue(
            "Authorization", $"SharedKeyLite {credential.AccountName}:{credential.ComputeSignature(stringToSign)}");
    }

    /// <summary>Date, newline, <c>/{account}{encoded path as sent}</c> plus <c>?comp=</c> only.</summary>
    internal static string BuildStringToSign(string date, string accountName, Uri uri)
    {
        var resource = "/" + accountName + uri.AbsolutePath;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("comp=", StringComparison.OrdinalIgnoreCase))
            {
                resource += "?comp=" + Uri.UnescapeDataString(pair[5..]);
                break;
            }
        }

        return date + "\n" + resource;
    }
}
