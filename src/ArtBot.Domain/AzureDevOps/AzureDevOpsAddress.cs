using System.Globalization;
using System.Text.RegularExpressions;

namespace ArtBot.Domain.AzureDevOps;

/// <summary>
/// The addresses people paste from Azure DevOps: an organization (<c>https://dev.azure.com/{org}</c> or
/// <c>https://{org}.visualstudio.com</c>) and a work item (<c>…/{project}/_workitems/edit/{id}</c>). Anything else is refused.
/// </summary>
public static partial class AzureDevOpsAddress
{
    /// <summary>The organization's name from its URL (or a bare name); null when it is not an Azure DevOps organization.</summary>
    public static string? Organization(string? text)
    {
        var value = Unwrap(text);
        if (OrganizationName().IsMatch(value))
        {
            return value;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        var segments = Segments(uri);
        return Host(uri, segments) is { } host && host.Path.Length == 0 ? host.Organization : null;
    }

    /// <summary>The work item a URL names (organization, project, id); null for any other address.</summary>
    public static WorkItemAddress? WorkItem(string? text)
    {
        if (!Uri.TryCreate(Unwrap(text), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        if (Host(uri, Segments(uri)) is not { } host || host.Path is not [var project, "_workitems", "edit", var id, ..] || host.Path.Length > 5)
        {
            return null;
        }

        return int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 && project.Length > 0 && !project.StartsWith('_')
            ? new WorkItemAddress(host.Organization, project, number)
            : null;
    }

    private static (string Organization, string[] Path)? Host(Uri uri, string[] segments)
    {
        var host = uri.IdnHost.ToLowerInvariant();
        if (host == "dev.azure.com" && segments.Length > 0 && OrganizationName().IsMatch(segments[0]))
        {
            return (segments[0], segments[1..]);
        }

        const string Legacy = ".visualstudio.com";
        if (host.EndsWith(Legacy, StringComparison.Ordinal) && host[..^Legacy.Length] is { } name && OrganizationName().IsMatch(name))
        {
            // Old-style addresses may carry the collection: https://{org}.visualstudio.com/DefaultCollection/{project}/…
            var rest = segments.Length > 0 && string.Equals(segments[0], "DefaultCollection", StringComparison.OrdinalIgnoreCase) ? segments[1..] : segments;
            return (name, rest);
        }

        return null;
    }

    private static string[] Segments(Uri uri) =>
        [.. uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString)];

    // Teams sends a pasted link as "<https://…>" or inside an anchor's text: the address alone is what counts.
    private static string Unwrap(string? text) => (text ?? "").Trim().TrimStart('<').TrimEnd('>').Trim();

    // Organization names: letters, digits and hyphens, 1 to 50, not starting or ending with a hyphen.
    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex OrganizationName();
}

/// <summary>One work item of an Azure DevOps organization.</summary>
public sealed record WorkItemAddress(string Organization, string Project, int Id);
