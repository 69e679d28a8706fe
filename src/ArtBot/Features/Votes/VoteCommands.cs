using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Text;
using ArtBot.Domain.Votes;
using ArtBot.Features.Common;

namespace ArtBot.Features.Votes;

/// <summary><c>vote [anonymous] &lt;question&gt;</c> starts a confidence vote; <c>votes</c> lists this conversation's votes.</summary>
public sealed class VoteCommands(IVoteStore store, IArtStore arts, VoteStarter starter) : IBotFeature
{
    public const string VoteName = "vote";
    public const string ListName = "votes";
    public const int ListMax = 20;
    /// <summary>How many votes the list reads to count those not shown.</summary>
    public const int ListCounted = 500;

    public void Register(FeatureTable table) => table
        .Command(VoteName, () => VoteStrings.CommandVoteUsage, () => VoteStrings.CommandVoteDescription, StartAsync)
        .Command(ListName, () => ListName, () => VoteStrings.CommandVotesDescription, ListAsync);

    private async Task StartAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var anonymous = false;
        var (first, rest) = CommandRouter.Split(arguments);
        if (first == "anonymous")
        {
            anonymous = true;
            arguments = rest;
        }

        if (string.IsNullOrWhiteSpace(arguments))
        {
            // No question: the "new vote" form offers the options for people who do not type commands.
            var membership = await arts.FindByConversationAsync(
                ConversationIds.Tenant(turn.Activity), ConversationIds.WithoutThread(turn.Activity.Conversation!.Id!), cancellationToken);
            (string, VoteScope)? art = membership is null ? null : (membership.Art.Name, membership.Team is null ? VoteScope.Art : VoteScope.Team);
            await turn.SendAsync(Activity.CreateMessage(attachments: VoteFormCard.Build(anonymous, art: art).ToAttachment()), cancellationToken);
            return;
        }

        var seed = turn.Activity.Id ?? Guid.NewGuid().ToString("N");
        var started = await starter.StartAsync(turn, seed, arguments, new VoteOptions(anonymous), null, cancellationToken);
        if (started.Error is { } error)
        {
            await turn.SendAsync(Activity.CreateMessage(error), cancellationToken);
        }
    }

    private async Task ListAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var tenant = ConversationIds.Tenant(activity);
        var conversation = ConversationIds.WithoutThread(activity.Conversation!.Id!);
        var membership = await arts.FindByConversationAsync(tenant, conversation, cancellationToken);

        var body = new List<CardElement>();
        if (membership is { } inArt)
        {
            body.AddRange(await RollUpAsync(store, inArt.Art, cancellationToken));
        }

        // The newest ListMax votes (cards stay far under the size limit), and how many older ones are not shown.
        var all = await store.ListAsync(tenant, conversation, ListCounted, cancellationToken);
        var votes = all.Take(ListMax).ToList();
        body.Add(new TextBlock(VoteStrings.ListTitle) { Size = membership is null ? "Large" : "Medium", Weight = "Bolder", Style = "heading", Separator = membership is not null });
        if (votes.Count == 0)
        {
            body.Add(new TextBlock(VoteStrings.ListEmpty));
        }

        foreach (var summary in votes)
        {
            var tally = await TallyOfAsync(store, summary, cancellationToken);
            body.Add(new Container(
            [
                new TextBlock(summary.Question) { Weight = "Bolder" },
                new TextBlock(Line(summary, tally)) { IsSubtle = true, Spacing = "None" },
                new ActionSet([new ExecuteAction(summary.ClosedAt is null ? VoteStrings.ListOpenToVote : VoteStrings.ListOpen, VoteCard.RefreshVerb, CardData.Write(new VoteData { VoteId = summary.VoteId }, VoteCardDataContext.Default.VoteData))]) { Spacing = "Small" },
            ]) { Separator = true });
        }

        if (all.Count > votes.Count)
        {
            var hidden = all.Count - votes.Count;
            body.Add(new TextBlock(hidden == 1 ? VoteStrings.ListMoreOne : Localized.Format(VoteStrings.ListMoreOther, hidden)) { IsSubtle = true, Separator = true });
        }

        var card = new AdaptiveCard { Body = body, FallbackText = VoteStrings.ListFallback };
        await turn.SendAsync(Activity.CreateMessage(attachments: card.ToAttachment()), cancellationToken);
    }

    /// <summary>
    /// The PI roll-up of an ART: this PI's ART vote and each team's latest vote side by side (the latest round of
    /// each), so the RTE sees at a glance which teams committed and which rework their plans.
    /// </summary>
    private static async Task<IReadOnlyList<CardElement>> RollUpAsync(IVoteStore store, Art art, CancellationToken cancellationToken)
    {
        var pi = art.CurrentPi?.Name;
        var ofPi = (await store.ListForArtAsync(art.TenantId, art.Id, 200, cancellationToken)).Where(v => v.PiName == pi).ToList();
        var elements = new List<CardElement>
        {
            new TextBlock(pi is null ? Localized.Format(VoteStrings.ListRollUpTitleNoPi, art.Name) : Localized.Format(VoteStrings.ListRollUpTitle, art.Name, pi))
            {
                Size = "Large", Weight = "Bolder", Style = "heading",
            },
        };
        if (ofPi.Count == 0)
        {
            elements.Add(new TextBlock(VoteStrings.ListRollUpEmpty));
            return elements;
        }

        // Newest first: the first vote seen per team (or for the ART) is its latest round.
        var artVote = ofPi.FirstOrDefault(v => v.Scope == VoteScope.Art);
        var teams = ofPi.Where(v => v.Scope == VoteScope.Team).GroupBy(v => v.TeamName ?? v.ConversationId ?? "").Select(g => g.First())
            .OrderBy(v => v.TeamName, StringComparer.OrdinalIgnoreCase).ToList();
        var facts = new List<Fact>();
        if (artVote is not null)
        {
            facts.Add(new Fact(VoteStrings.ListRollUpArt, Line(artVote, await TallyOfAsync(store, artVote, cancellationToken))));
        }

        foreach (var team in teams)
        {
            facts.Add(new Fact(team.TeamName ?? VoteStrings.ListRollUpUnnamedTeam, Line(team, await TallyOfAsync(store, team, cancellationToken))));
        }

        elements.Add(new FactSet(facts));
        return elements;
    }

    private static async Task<VoteTally> TallyOfAsync(IVoteStore store, VoteSummary summary, CancellationToken cancellationToken) =>
        summary.FinalTally ?? (await store.ReadStateAsync(summary.VoteId, cancellationToken))?.Tally ?? VoteTally.Empty;

    /// <summary>"Closed 20 Nov 2026 · 12 votes · average 3.4 · Commitment accepted".</summary>
    public static string Line(VoteSummary summary, VoteTally tally)
    {
        var parts = new List<string>();
        if (summary.Round > 1)
        {
            parts.Add(Localized.Format(VoteStrings.LineRound, summary.Round));
        }

        parts.Add(summary.ClosedAt is { } closed ? Localized.Format(VoteStrings.LineClosed, Localized.Date(closed)) : VoteStrings.LineOpen);
        if (summary.Anonymous)
        {
            parts.Add(VoteStrings.LineAnonymous);
        }

        parts.Add(tally.Count == 1 ? VoteStrings.VotesOne : Localized.Format(VoteStrings.VotesOther, tally.Count));
        if (summary.ClosedAt is null && summary.HideResults)
        {
            parts.Add(VoteStrings.LineResultsHidden);
        }
        else if (tally.Count > 0)
        {
            var average = Localized.Number(tally.Average);
            if (summary.ClosedAt is null)
            {
                parts.Add(Localized.Format(VoteStrings.LineAverageSoFar, average));
            }
            else
            {
                parts.Add(Localized.Format(VoteStrings.LineAverage, average));
                parts.Add(VoteRules.Describe(VoteRules.OutcomeOf(tally)));
            }
        }

        return string.Join(" \u00b7 ", parts);
    }

}
