using System.Globalization;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Connector;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Dependencies;

/// <summary>
/// The ART's dependencies as the features use them: the current PI's, one dependency's card, a new request stored once
/// (keyed by what created it) and posted in the providing team's channel, and a note to the requesting team when the
/// providing team answers.
/// </summary>
public sealed partial class DependencyBoard(IPlanStore<Dependency> store, IPlanStore<Feature> features, ConnectorClient connector, ILogger<DependencyBoard> logger)
{
    /// <summary>Who history entries name for what time changed, not a person.</summary>
    public static readonly Person System = new("artbot", "ArtBot");

    public IPlanStore<Dependency> Store => store;

    /// <summary>
    /// The dependencies of the ART's current PI, oldest first, as of <paramref name="today"/>: one whose iteration ended
    /// without delivery is stored as at risk first, with a history entry by ArtBot (so the change is kept like any other).
    /// </summary>
    public async Task<IReadOnlyList<Dependency>> CurrentAsync(Art art, DateOnly today, CancellationToken cancellationToken)
    {
        var current = new List<Dependency>();
        foreach (var dependency in await store.ListCurrentPiAsync(art, cancellationToken))
        {
            current.Add(await RecordOverdueAsync(art, dependency, today, cancellationToken));
        }

        return current;
    }

    /// <summary>Stores the at-risk status of a dependency that became overdue (best effort: a concurrent change wins, and the next read tries again).</summary>
    public async Task<Dependency> RecordOverdueAsync(Art art, Dependency dependency, DateOnly today, CancellationToken cancellationToken)
    {
        if (art.CurrentPi is not { } pi || !string.Equals(dependency.Pi, pi.Name, StringComparison.Ordinal))
        {
            return dependency; // an earlier PI's: its iterations are not known any more
        }

        var iterations = art.Cadence.Of(pi);
        var (status, _) = DependencyRules.StatusOn(dependency, iterations, today);
        if (status != DependencyStatus.AtRisk || dependency.Status == DependencyStatus.AtRisk)
        {
            return dependency;
        }

        var due = iterations.First(i => i.Number == dependency.DueIteration);
        var at = new DateTimeOffset(due.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var marked = dependency with { Status = DependencyStatus.AtRisk, UpdatedAt = at };
        PlanChange change;
        using (Localized.Use(CultureInfo.InvariantCulture)) // the history stores English, like every other history row
        {
            change = new PlanChange(at, System, DependencyField.Status, DependencyRules.Describe(dependency.Status),
                $"{DependencyRules.Describe(DependencyStatus.AtRisk)}: {DependencyRules.StatusOn(dependency, iterations, today).Why}");
        }

        var changes = new[] { change };
        return await store.UpdateAsync(marked, changes, cancellationToken) ?? dependency;
    }

    public IPlanStore<Feature> Features => features;

    /// <summary>The dependency's card, with its history and the features tied to it (one read of the ART's features, when it needs them).</summary>
    public async Task<AdaptiveCard> CardAsync(Art art, Dependency dependency, DateOnly today, bool mayAnswer, string? notice, string? color, CancellationToken cancellationToken)
    {
        var history = await store.GetHistoryAsync(art.TenantId, art.Id, dependency.Id, cancellationToken);
        var tied = mayAnswer || dependency.RequesterFeatureId is not null || dependency.ProviderFeatureId is not null
            ? DependencyCardFeatures.From(await features.ListAsync(art.TenantId, art.Id, cancellationToken), art, dependency)
            : DependencyCardFeatures.None;
        return DependencyCard.Build(art, dependency, history, today, mayAnswer, notice, color, tied);
    }

    /// <summary>
    /// Stores a new dependency (its id derived from <paramref name="key"/>: a redelivery stores nothing), optionally tied to
    /// the requesting team's objective and feature (checked by the caller), and posts its card
    /// in the providing team's channel. Returns the stored dependency and whether it was new.
    /// </summary>
    public async Task<(Dependency Dependency, bool Created)> RequestAsync(
        Art art, ArtTeam requester, ArtTeam provider, string text, int neededBy, string? objectiveId, string? requesterFeatureId, Person by, DateTimeOffset now,
        DateOnly today, string key, CancellationToken cancellationToken)
    {
        var pi = art.CurrentPi!;
        var dependency = new Dependency
        {
            Id = PlanIds.Dependency(art.TenantId, art.Id, key),
            TenantId = art.TenantId,
            ArtId = art.Id,
            Pi = pi.Name,
            PiStart = pi.Start,
            Text = text,
            RequesterConversationId = requester.ConversationId,
            RequesterTeamName = requester.TeamName,
            ProviderConversationId = provider.ConversationId,
            ProviderTeamName = provider.TeamName,
            NeededBy = neededBy,
            ObjectiveId = objectiveId,
            RequesterFeatureId = requesterFeatureId,
            RequestedBy = by,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var created = await store.CreateAsync(dependency, new PlanChange(now, by, DependencyField.Created, null, $"{requester.TeamName} from {provider.TeamName}"), cancellationToken);
        if (!created)
        {
            return (await store.GetAsync(art.TenantId, art.Id, dependency.Id, cancellationToken) ?? dependency, false);
        }

        LogRequested(art.Id, dependency.Id);
        Activity posted;
        using (ArtLocale.ForCard(art).Use()) // posted in the providing team's channel: the ART's language and zone
        {
            var card = await CardAsync(art, dependency, today, mayAnswer: true,
                Localized.Format(DependencyStrings.PostedNotice, requester.TeamName, neededBy), "Accent", cancellationToken);
            posted = Activity.CreateMessage(attachments: card.ToAttachment()) with { Summary = Localized.Format(DependencyStrings.PostedSummary, requester.TeamName) };
        }

        var outcome = await connector.SendToConversationAsync(provider.ServiceUrl, art.TenantId, provider.ConversationId, posted, cancellationToken);
        if (!outcome.IsSuccess)
        {
            LogNotPosted(dependency.Id, outcome.Kind.ToString());
        }

        return (dependency, true);
    }

    /// <summary>
    /// Posts the dependency's card in the providing team's channel with a notice (a proposal from the program board,
    /// written in the ART's language), so the team answers where it always does. False when Teams did not take it.
    /// </summary>
    public async Task<bool> PostToProviderAsync(Art art, ArtTeam provider, Dependency dependency, Func<string> notice, DateOnly today, CancellationToken cancellationToken)
    {
        Activity posted;
        using (ArtLocale.ForCard(art).Use())
        {
            var text = notice();
            var card = await CardAsync(art, dependency, today, mayAnswer: true, text, "Attention", cancellationToken);
            posted = Activity.CreateMessage(attachments: card.ToAttachment()) with { Summary = text };
        }

        var outcome = await connector.SendToConversationAsync(provider.ServiceUrl, art.TenantId, provider.ConversationId, posted, cancellationToken);
        if (!outcome.IsSuccess)
        {
            LogNotPosted(dependency.Id, outcome.Kind.ToString());
        }

        return outcome.IsSuccess;
    }

    /// <summary>Tells the requesting team what the providing team answered (a short message in its channel; best effort).</summary>
    public async Task NotifyRequesterAsync(IReadOnlyList<ArtTeam> teams, Dependency dependency, string text, CancellationToken cancellationToken)
    {
        if (teams.FirstOrDefault(t => t.ConversationId == dependency.RequesterConversationId) is not { } requester)
        {
            return;
        }

        var outcome = await connector.SendToConversationAsync(
            requester.ServiceUrl, dependency.TenantId, requester.ConversationId, Activity.CreateMessage(text), cancellationToken);
        if (!outcome.IsSuccess)
        {
            LogNotPosted(dependency.Id, outcome.Kind.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ART {ArtId}: dependency {DependencyId} requested")]
    private partial void LogRequested(string artId, string dependencyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message about dependency {DependencyId} was not posted: {Kind}")]
    private partial void LogNotPosted(string dependencyId, string kind);
}
