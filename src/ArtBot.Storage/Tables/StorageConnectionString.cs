namespace ArtBot.Storage.Tables;

/// <summary>
/// The parts of an Azure Storage connection string that the Table client needs. Parsing never echoes the string:
/// it may hold the account key.
/// </summary>
internal sealed record StorageConnectionString(Uri TableEndpoint, string? AccountName, string? AccountKey, string? SharedAccessSignature)
{
    internal const string DevelopmentAccountName = "devstoreaccount1";
    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException("The storage connection string has a part that is not 'Name=Value'.");
            }

            // Values (account keys, SAS tokens) may contain '='; only the first one separates.
            parts[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            var proxy = parts.TryGetValue("DevelopmentStorageProxyUri", out var p) ? new Uri(p) : new Uri("http://127.0.0.1");
            var endpoint = new UriBuilder(proxy.Scheme, proxy.Host, 10002, DevelopmentAccountName).Uri;
            return new StorageConnectionString(endpoint, DevelopmentAccountName, DevelopmentAccountKey, null);
        }

        parts.TryGetValue("AccountName", out var accountName);
        parts.TryGetValue("AccountKey", out var accountKey);
        parts.TryGetValue("SharedAccessSignature", out var sas);
        if (string.IsNullOrEmpty(accountKey) && string.IsNullOrEmpty(sas))
        {
            throw new FormatException("The storage connection string has neither AccountKey nor SharedAccessSignature.");
        }

        Uri tableEndpoint;
        if (parts.TryGetValue("TableEndpoint", out var explicitEndpoint) && explicitEndpoint.Length > 0)
        {
            if (!Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out tableEndpoint!))
            {
                throw new FormatException("The storage connection string's TableEndpoint is not an absolute URI.");
            }
        }
        else
        {
            if (string.IsNullOrEmpty(accountName))
            {
                throw new FormatException("The storage connection string has neither TableEndpoint nor AccountName.");
            }

            var protocol = parts.TryGetValue("DefaultEndpointsProtocol", out var proto) && proto.Length > 0 ? proto : "https";
            var suffix = parts.TryGetValue("EndpointSuffix", out var s) && s.Length > 0 ? s : "core.windows.net";
            tableEndpoint = new Uri($"{protocol}://{accountName}.table.{suffix}/");
        }

        if (string.IsNullOrEmpty(accountName) && !string.IsNullOrEmpty(accountKey))
        {
            accountName = AccountNameFromEndpoint(tableEndpoint)
                ?? throw new FormatException("The storage connection string has an AccountKey but no AccountName.");
        }

        return new StorageConnectionString(tableEndpoint, accountName, NullIfEmpty(accountKey), NullIfEmpty(sas?.TrimStart('?')));
    }

    /// <summary>The account name of an endpoint: the first host label, or the first path segment for an IP (emulator) host.</summary>
    internal static string? AccountNameFromEndpoint(Uri endpoint)
    {
        if (endpoint.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || endpoint.IsLoopback)
        {
            var segment = endpoint.AbsolutePath.Trim('/').Split('/')[0];
            return segment.Length > 0 ? segment : null;
        }

        var dot = endpoint.Host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? endpoint.Host[..dot] : null;
    }

    public override string ToString() => $"TableEndpoint={TableEndpoint}; AccountName={AccountName}";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
