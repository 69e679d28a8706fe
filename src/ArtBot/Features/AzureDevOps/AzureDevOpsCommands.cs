using System.Globalization;
using System.Text;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.AzureDevOps;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.AzureDevOps;

/// <summary>
/// <c>backlog</c> in an ART's channels: where its features come from and the last read; in the ART's own channel its
/// Product Managers and RTEs <c>connect</c> an area path query, <c>link</c> single work items and <c>refresh</c> now.
/// </summary>
public sealed class AzureDevOpsCommands(ArtContext arts, IBacklogLinkStore links, BacklogRefresh refresh) : IBotFeature
{
    public const string Name = "backlog";

    public void Register(FeatureTable table) =>
        table.Command(Name, () => AzureDevOpsStrings.CommandUsage, () => AzureDevOpsStrings.CommandDescription, RunAsync);

    private async Task RunAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var art = new ArtTurn(turn, arts);
        var words = Words(arguments);
        if (await ArtPlace.ResolveAsync(art, cancellationToken) is not { } place)
        {
            await art.SendAsync(CommonStrings.NotInAnArt, cancellationToken);
            return;
        }

        var verb = words.Count > 0 ? words[0].ToLowerInvariant() : "";
        if (verb.Length == 0)
        {
            await art.SendAsync(Status(place.Art, await links.GetAsync(place.Art.TenantId, place.Art.Id, cancellationToken)), cancellationToken);
            return;
        }

        if (verb is not ("connect" or "link" or "refresh"))
        {
            await art.SendAsync(AzureDevOpsStrings.Usage, cancellationToken);
            return;
        }

        if (place.Team is not null)
        {
            await art.SendAsync(AzureDevOpsStrings.ArtChannelOnly, cancellationToken);
            return;
        }

        if (!place.Art.KeepsBacklog(art.Activity.From?.AadObjectId) && !place.Art.KeepsBacklog(art.Activity.From?.Id))
        {
            await art.SendAsync(Localized.Format(AzureDevOpsStrings.OnlyKeepers, place.Art.Name), cancellationToken);
            return;
        }

        var answer = verb switch
        {
            "connect" => await ConnectAsync(art, place.Art, words, cancellationToken),
            "link" => await LinkAsync(art, place.Art, words, cancellationToken),
            _ => null,
        };
        if (answer is not null)
        {
            await art.SendAsync(answer, cancellationToken);
            return;
        }

        await art.SendAsync(Describe(place.Art, await refresh.RunAsync(place.Art, onlyIfDue: false, cancellationToken)), cancellationToken);
    }

    /// <summary>Stores the area path query; null when stored (the refresh answers), else why not.</summary>
    private async Task<string?> ConnectAsync(ArtTurn turn, Art art, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        if (words.Count is < 4 or > 5)
        {
            return AzureDevOpsStrings.Usage;
        }

        if (AzureDevOpsAddress.Organization(words[1]) is not { } organization)
        {
            return AzureDevOpsStrings.BadOrganization;
        }

        var current = await links.GetAsync(art.TenantId, art.Id, cancellationToken);
        var link = new BacklogLink
        {
            TenantId = art.TenantId,
            ArtId = art.Id,
            Organization = organization,
            Project = words[2],
            AreaPath = words[3],
            IterationPath = words.Count == 5 ? words[4] : null,
            // Single links stay while the organization does.
            Items = current is not null && string.Equals(current.Organization, organization, StringComparison.OrdinalIgnoreCase) ? current.Items : [],
            ConnectedBy = turn.Actor,
            ConnectedAt = turn.Now,
            RefreshedAt = current?.RefreshedAt,
            LastResult = current?.LastResult,
            ClaimedUntil = current?.ClaimedUntil,
            Version = current?.Version,
        };
        return await links.SaveAsync(link, cancellationToken) is null ? AzureDevOpsStrings.Busy : null;
    }

    /// <summary>Adds a single work item; null when stored (the refresh answers), else why not.</summary>
    private async Task<string?> LinkAsync(ArtTurn turn, Art art, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        if (words.Count != 2)
        {
            return AzureDevOpsStrings.Usage;
        }

        if (AzureDevOpsAddress.WorkItem(words[1]) is not { } item)
        {
            return AzureDevOpsStrings.BadWorkItem;
        }

        var current = await links.GetAsync(art.TenantId, art.Id, cancellationToken);
        if (current is not null && !string.Equals(current.Organization, item.Organization, StringComparison.OrdinalIgnoreCase))
        {
            return Localized.Format(AzureDevOpsStrings.OtherOrganization, current.Organization);
        }

        if (current?.Items.Any(i => i.Id == item.Id) == true)
        {
            return null;
        }

        if (current?.Items.Count >= BacklogLink.MaxLinkedItems)
        {
            return Localized.Format(AzureDevOpsStrings.TooManyLinks, BacklogLink.MaxLinkedItems);
        }

        var link = current is null
            ? new BacklogLink { TenantId = art.TenantId, ArtId = art.Id, Organization = item.Organization, ConnectedBy = turn.Actor, ConnectedAt = turn.Now }
            : current;
        link = link with { Items = [.. link.Items, new LinkedWorkItem(item.Project, item.Id)] };
        return await links.SaveAsync(link, cancellationToken) is null ? AzureDevOpsStrings.Busy : null;
    }

    private static string Status(Art art, BacklogLink? link)
    {
        if (link is null)
        {
            return Localized.Format(AzureDevOpsStrings.NotConnected, art.Name);
        }

        var text = new StringBuilder(link.HasQuery
            ? Localized.Format(AzureDevOpsStrings.Source, link.Organization, link.Project!, link.AreaPath!)
            : Localized.Format(AzureDevOpsStrings.SourceLinksOnly, link.Organization));
        if (link.IterationPath is { Length: > 0 } iteration)
        {
            text.Append(' ').Append(Localized.Format(AzureDevOpsStrings.SourceIteration, iteration));
        }

        if (link.Items.Count > 0)
        {
            text.Append(' ').Append(Localized.Format(AzureDevOpsStrings.SourceLinks, link.Items.Count));
        }

        text.Append("\n\n");
        if (link.RefreshedAt is { } at && link.LastResult is { } result)
        {
            text.Append(Localized.Format(AzureDevOpsStrings.LastRead, When(art, at))).Append(' ').Append(Describe(art, link, result));
            text.Append("\n\n").Append(AzureDevOpsStrings.NextRead);
        }
        else
        {
            text.Append(AzureDevOpsStrings.NeverRead);
        }

        return text.ToString();
    }

    private static string Describe(Art art, BacklogRefreshAttempt attempt) => attempt switch
    {
        { Kind: BacklogRefreshAttemptKind.NotConnected } => Localized.Format(AzureDevOpsStrings.NotConnected, art.Name),
        { Kind: BacklogRefreshAttemptKind.NoPi } => AzureDevOpsStrings.NoPi,
        { Kind: BacklogRefreshAttemptKind.Ran, Link: { } link, Result: { } result } => Describe(art, link, result),
        _ => AzureDevOpsStrings.Busy,
    };

    private static string Describe(Art art, BacklogLink link, BacklogRefreshResult result) => result.Status switch
    {
        BacklogRefreshStatus.Done => Localized.Format(AzureDevOpsStrings.ResultDone, result.Added, result.Changed, result.Removed),
        BacklogRefreshStatus.Throttled => Localized.Format(
            AzureDevOpsStrings.ResultThrottled, result.Added, result.Changed, result.Removed, When(art, result.RetryAt ?? DateTimeOffset.MinValue)),
        BacklogRefreshStatus.Unauthorized => Localized.Format(AzureDevOpsStrings.ResultUnauthorized, link.Organization),
        BacklogRefreshStatus.Forbidden => Localized.Format(AzureDevOpsStrings.ResultForbidden, link.Organization),
        BacklogRefreshStatus.NotFound => Localized.Format(AzureDevOpsStrings.ResultNotFound, link.Organization),
        BacklogRefreshStatus.NoToken => AzureDevOpsStrings.ResultNoToken,
        _ => Localized.Format(AzureDevOpsStrings.ResultFailed, result.HttpStatus == 0 ? "-" : result.HttpStatus.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>A moment in the ART's time zone, as "d MMM HH:mm" in the reader's language.</summary>
    private static string When(Art art, DateTimeOffset at)
    {
        var local = TimeZoneInfo.TryFindSystemTimeZoneById(art.Sync.TimeZoneId, out var zone) ? TimeZoneInfo.ConvertTime(at, zone) : at.ToUniversalTime();
        return local.ToString("d MMM HH:mm", CultureInfo.CurrentCulture);
    }

    /// <summary>The arguments as words; "double quoted" words may hold spaces (project and area path names).</summary>
    internal static IReadOnlyList<string> Words(string arguments)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in arguments.Replace('\u201c', '"').Replace('\u201d', '"'))
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    words.Add(word.ToString());
                }

                word.Clear();
                any = false;
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }

        if (any)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
