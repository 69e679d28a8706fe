using ArtBot.BotFramework.Cards;
using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Conversations;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Impediments;

/// <summary>
/// <c>impediment &lt;text&gt;</c> / <c>blocked &lt;text&gt;</c> raise an impediment and post its card;
/// <c>impediments [mine|all]</c> and <c>risks [mine|all]</c> list them, oldest first.
/// </summary>
public sealed class ImpedimentCommands(
    IImpedimentStore store, IArtStore arts, IConversationStore conversations, SharedImpedimentCards cards, TimeProvider time) : IBotFeature
{
    public const string RaiseName = "impediment";
    public const string BlockedName = "blocked";
    public const string ListName = "impediments";
    public const string RisksName = "risks";
    /// <summary>Items per page of a list: with their actions, a page stays far under the card size limit.</summary>
    public const int PageSize = 15;
    public const string PageVerb = "impediments.page";

    public void Register(FeatureTable table) => table
        .Command(RaiseName, () => ImpedimentStrings.CommandRaiseUsage, () => ImpedimentStrings.CommandRaiseDescription, RaiseAsync)
        .Command(BlockedName, () => ImpedimentStrings.CommandBlockedUsage, () => ImpedimentStrings.CommandBlockedDescription, RaiseAsync)
        .Command(ListName, () => ImpedimentStrings.CommandListUsage, () => ImpedimentStrings.CommandListDescription, ListAsync)
        .Command(RisksName, () => ImpedimentStrings.CommandRisksUsage, () => ImpedimentStrings.CommandRisksDescription, RisksAsync)
        .Verb(PageVerb, PageAsync);

    private async Task RaiseAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(arguments))
        {
            // No text: the form, with kind and severity, for people who do not type commands (help's "Raise an impediment").
            var here = ImpedimentScope.Of(turn.Activity);
            var team = (await ImpedimentDrafts.ArtOfAsync(arts, here, cancellationToken)).TeamName
                ?? await ImpedimentDrafts.TeamNameAsync(conversations, turn.Activity, here, cancellationToken);
            var form = ImpedimentDialog.Build(new ImpedimentDialog.Values("", "", "impediment", "medium", team, null, null, null, null, false), ImpedimentCard.RaiseVerb);
            await turn.SendAsync(Activity.CreateMessage(attachments: form.ToAttachment()), cancellationToken);
            return;
        }

        var check = ImpedimentRules.CheckCommandText(arguments);
        if (!check.IsOk)
        {
            await turn.SendAsync(Activity.CreateMessage(check.Error), cancellationToken);
            return;
        }

        var activity = turn.Activity;
        var scope = ImpedimentScope.Of(activity);
        if (ImpedimentScope.Actor(activity) is not { } actor)
        {
            await turn.SendAsync(Activity.CreateMessage(ImpedimentStrings.ErrorRaiseUnknownUser), cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var art = await ImpedimentDrafts.ArtOfAsync(arts, scope, cancellationToken);
        var teamName = art.TeamName ?? await ImpedimentDrafts.TeamNameAsync(conversations, activity, scope, cancellationToken);
        var (title, description) = check.Value;
        var draft = ImpedimentDrafts.For(activity, scope, actor, now, title, description, ImpedimentKind.Impediment, Severity.Medium, teamName,
            ImpedimentSource.Command(activity.Id), art.ArtId, art.Locale);

        var raised = await store.RaiseAsync(draft, "activity:" + (activity.Id ?? Guid.NewGuid().ToString("N")), cancellationToken);
        if (!raised.Created)
        {
            return; // a redelivery of the same command: it is stored and its card was posted
        }

        await cards.PostAsync(raised.Impediment, activity, cancellationToken);
    }

    private Task ListAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        ShowListAsync(turn, arguments, ImpedimentKind.Impediment, cancellationToken);

    private Task RisksAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        ShowListAsync(turn, arguments, ImpedimentKind.Risk, cancellationToken);

    private async Task ShowListAsync(TurnContext turn, string arguments, ImpedimentKind kind, CancellationToken cancellationToken)
    {
        var (filter, _) = CommandRouter.Split(arguments);
        var (card, hint) = await ListCardAsync(turn, kind, filter, 0, cancellationToken);
        await turn.SendAsync(card is null ? Activity.CreateMessage(hint) : Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
    }

    /// <summary>"Next" or "Previous" on a list: the other page, in place of the list.</summary>
    private async Task<InvokeResponse> PageAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var page = CardData.Read(data, ImpedimentCardDataContext.Default.ImpedimentPageData);
        var kind = page.Kind == "risk" ? ImpedimentKind.Risk : ImpedimentKind.Impediment;
        var (card, hint) = await ListCardAsync(turn, kind, page.Filter ?? "", Math.Max(0, page.Skip ?? 0), cancellationToken);
        return card is null ? CardResponses.Error("InvalidFilter", hint!) : CardResponses.Card(card);
    }

    /// <summary>A page of the list (<paramref name="filter"/>: open, all or mine), or the hint on how to filter.</summary>
    private async Task<(AdaptiveCard? Card, string? Hint)> ListCardAsync(TurnContext turn, ImpedimentKind kind, string filter, int skip, CancellationToken cancellationToken)
    {
        var noun = kind == ImpedimentKind.Risk ? RisksName : ListName;
        var actor = ImpedimentScope.Actor(turn.Activity);
        ImpedimentQuery? query = filter switch
        {
            "" or "open" => new ImpedimentQuery(kind),
            "all" => new ImpedimentQuery(kind, IncludeResolved: true),
            "mine" when actor is not null => new ImpedimentQuery(kind, PersonId: actor.Id),
            _ => null,
        };
        if (query is null)
        {
            return (null, Localized.Format(ImpedimentStrings.ListFilterHint, noun));
        }

        var scope = ImpedimentScope.Of(turn.Activity);
        var membership = await arts.FindByConversationAsync(scope.TenantId, scope.ConversationId, cancellationToken);
        var artWide = membership is { Team: null }; // the ART's own channel lists every team's
        query = query with { Skip = skip };
        var list = artWide
            ? await store.ListForArtAsync(scope.TenantId, membership!.Art.Id, query, PageSize, cancellationToken)
            : await store.ListAsync(scope.TenantId, scope.ScopeId, query, PageSize, cancellationToken);
        var where = artWide ? Localized.Format(ImpedimentStrings.ListWhereArt, membership!.Art.Name) : scope.TeamId is null ? ImpedimentStrings.ListWhereChat : ImpedimentStrings.ListWhereTeam;
        var risks = kind == ImpedimentKind.Risk;
        var heading = filter switch
        {
            "all" => Localized.Format(risks ? ImpedimentStrings.ListHeadingAllRisks : ImpedimentStrings.ListHeadingAllImpediments, where),
            "mine" => Localized.Format(risks ? ImpedimentStrings.ListHeadingMineRisks : ImpedimentStrings.ListHeadingMineImpediments, where),
            _ => Localized.Format(risks ? ImpedimentStrings.ListHeadingOpenRisks : ImpedimentStrings.ListHeadingOpenImpediments, where),
        };
        var empty = risks ? ImpedimentStrings.ListEmptyRisks : ImpedimentStrings.ListEmptyImpediments;
        var page = new ImpedimentListPage(PageVerb, new ImpedimentPageData { Kind = risks ? "risk" : "impediment", Filter = filter }, PageSize);
        // Items of the conversation's own list can be opened, taken over and ROAMed from it; the ART-wide list only reads.
        return (ImpedimentListCard.Build(heading, list, time.GetUtcNow(), empty, actionable: !artWide, page), null);
    }
}
