using Azure.Core;

namespace ArtBot.Storage.Tables;

/// <summary>Pipeline options (retries, transport, diagnostics) for <see cref="TableServiceClient"/> and <see cref="TableClient"/>.</summary>
public class TableClientOptions : ClientOptions
{
    public TableClientOptions()
    {
        foreach (var header in LoggedHeaders)
        {
            Diagnostics.LoggedHeaderNames.Add(header);
        }

        Diagnostics.LoggedQueryParameters.Add("$top");
        Diagnostics.LoggedQueryParameters.Add("$select");
    }

    /// <summary>Headers that carry no secret and help diagnose a failure; Authorization stays redacted.</summary>
    internal static readonly string[] LoggedHeaders =
    [
        "x-ms-error-code",
        "x-ms-version",
        "x-ms-date",
        "x-ms-continuation-NextPartitionKey",
        "x-ms-continuation-NextRowKey",
        "x-ms-continuation-NextTableName",
        "DataServiceVersion",
        "MaxDataServiceVersion",
        "Prefer",
        "Preference-Applied",
        "If-Match",
        "ETag",
    ];
}
