using ArtBot.Domain.Ids;
using ArtBot.Features.Common;
using ArtBot.Hosting.Telemetry;
using System.Text.Json;
using ArtBot.BotFramework.Hosting;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Text;
using ArtBot.Domain.Votes;
using ArtBot.Features.Impediments;

namespace ArtBot.Features.Votes;

/// <summary>
/// Answers the vote cards' Universal Actions (<c>adaptiveCard/action</c> invokes): <c>vote.start</c> (the form),
/// <c>vote.cast</c> (answers with the voter's own view), <c>vote.refresh</c> (a user-specific view), <c>vote.close</c>
/// and <c>vote.again</c> (creator only), <c>vote.concern</c>. Bad input is answered with an error Teams shows on the
/// card, and changes nothing.
/// </summary>
public sealed partial class VoteActions(
    IVoteStore store,
    VoteStateReader reader,
    VoteStarter starter,
    VoteCloser closer,
    SharedVoteCardUpdater sharedCards,
    RosterCache rosters,
    IArtStore arts,
    VoteConcernRisks risks,
    IEnumerable<IVoteBallotListener> ballotListeners,
    ArtBotMetrics metrics,
    TimeProvider time,
    ILogger<VoteActions> logger) : IBotFeature
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<VoteState, OwnViews> _ownViews = [];
    private readonly IVoteBallotListener[] _ballotListeners = [.. ballotListeners]; // an array: no enumerator allocated per ballot

    /// <summary>Registers the vote cards' verbs.</summary>
    public void Register(FeatureTable table) => table
        .Verb(VoteFormCard.StartVerb, StartAsync)
        .Verb(VoteCard.CastVerb, CastAsync)
        .Verb(VoteCard.RefreshVerb, RefreshAsync)
        .Verb(VoteCard.CloseVerb, CloseAsync)
        .Verb(VoteCard.AgainVerb, AgainAsync)
        .Verb(VoteCard.ConcernVerb, ConcernAsync)
        .Verb(VoteCard.RiskVerb, RaiseRiskAsync);

    private async Task<InvokeResponse> StartAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var form = CardData.Read(data, Data.VoteStartData);
        if (form.Mode is not (null or "" or VoteFormCard.Named or VoteFormCard.Anonymous)
            || form.Results is not (null or "" or VoteFormCard.Live or VoteFormCard.Hidden)
            || form.Scope is not (null or "" or VoteFormCard.TeamScope or VoteFormCard.ArtScope)
            || !VoteOptions.TryParseDuration(form.Deadline, out var minutes))
        {
            return Error("InvalidOptions", VoteStrings.ErrorInvalidOptions);
        }

        VoteScope? chosenScope = form.Scope switch { VoteFormCard.ArtScope => VoteScope.Art, VoteFormCard.TeamScope => VoteScope.Team, _ => null };
        var options = new VoteOptions(form.Mode == VoteFormCard.Anonymous, form.Results == VoteFormCard.Hidden, minutes, chosenScope);

        // One form starts one vote: keyed by the form card's message id, so a double click or a redelivery of the
        // invoke finds the same vote instead of starting a second one.
        var seed = "form:" + (turn.Activity.ReplyToId is { Length: > 0 } replyTo ? replyTo : turn.Activity.Id ?? Guid.NewGuid().ToString("N"));
        var started = await starter.StartAsync(turn, seed, form.Question, options, null, cancellationToken);
        return started.Vote is { } vote ? Card(VoteFormCard.Started(vote)) : Error("InvalidQuestion", started.Error!);
    }

    private async Task<InvokeResponse> CastAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var ballot = CardData.Read(data, Data.VoteCastData);
        if (ballot.Value is not { } value || !VoteScale.IsValid(value))
        {
            return Error("InvalidValue", VoteStrings.ErrorInvalidValue);
        }

        var (vote, error) = await FindVoteAsync(turn, ballot.VoteId, cancellationToken);
        if (vote is null)
        {
            return error!;
        }

        if (vote.IsClosed)
        {
            return Error("VoteClosed", VoteStrings.ErrorVoteClosed);
        }

        if (turn.Activity.UserId() is not { } voterId)
        {
            return Error("UnknownVoter", VoteStrings.ErrorUnknownVoter);
        }

        VoteState state;
        string receipt;
        try
        {
            (state, receipt) = await reader.CastAsync(vote, voterId, turn.Activity.From?.Name, turn.Activity.From?.Id, value, cancellationToken);
        }
        catch (VoteClosedException)
        {
            return Error("VoteClosed", VoteStrings.ErrorVoteClosed);
        }

        metrics.BallotCast(vote.Anonymous);
        sharedCards.Schedule(vote.Id);
        foreach (var listener in _ballotListeners)
        {
            listener.OnBallot(vote, voterId, turn.Activity.From?.Id, value);
        }

        if (state.Vote.IsClosed)
        {
            // The close race (see VoteCloser): the frozen result says whether exactly this ballot was counted.
            var final = await closer.FinalOfAsync(state, cancellationToken);
            var counted = final.Final!.HasCounted(receipt);
            LogLateBallot(vote.Id, counted);
            var notice = counted ? VoteStrings.NoticeLateCounted : VoteStrings.NoticeLateNotCounted;
            return Card(VoteViews.For(final, counted ? value : null, rosters.TryGetCached(vote), notice));
        }

        LogCast(vote.Id);
        return OwnView(state, value, rosters.TryGetCached(vote));
    }

    /// <summary>
    /// The voter's own view of a state. Every cast answered from one shared read gets the same card for the same
    /// value, so it is rendered (and serialized) at most once per read and value, not once per voter.
    /// </summary>
    private InvokeResponse OwnView(VoteState state, int value, IReadOnlyList<RosterMember>? roster)
    {
        var views = _ownViews.GetOrCreateValue(state);
        var key = value - VoteScale.Min;
        var cached = Volatile.Read(ref views[key]);
        var locale = Localized.Culture.Name + "|" + Localized.Zone.Id; // texts and times are the viewer's
        if (cached is not null && ReferenceEquals(cached.Roster, roster) && string.Equals(cached.Locale, locale, StringComparison.Ordinal))
        {
            return cached.Response;
        }

        var rendered = new RenderedView(roster, locale, Card(VoteViews.For(state, value, roster)));
        Volatile.Write(ref views[key], rendered);
        return rendered.Response;
    }

    private sealed record RenderedView(IReadOnlyList<RosterMember>? Roster, string Locale, InvokeResponse Response);

    private sealed class OwnViews
    {
        private readonly RenderedView?[] _views = new RenderedView?[VoteScale.Max];

        public ref RenderedView? this[int index] => ref _views[index];
    }

    private async Task<InvokeResponse> RefreshAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (vote, error) = await FindVoteAsync(turn, CardData.Read(data, Data.VoteData).VoteId, cancellationToken);
        if (vote is null)
        {
            return error!;
        }

        var state = await reader.ReadFreshAsync(vote.Id, cancellationToken) ?? throw new InvalidOperationException($"Vote {vote.Id} vanished.");
        if (state.Vote.IsClosed)
        {
            state = await closer.FinalOfAsync(state, cancellationToken);
        }

        var mine = await reader.MyValueAsync(state, turn.Activity.UserId(), cancellationToken);
        return Card(VoteViews.For(state, mine, rosters.TryGetCached(vote)));
    }

    private async Task<InvokeResponse> CloseAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (vote, error) = await FindVoteAsync(turn, CardData.Read(data, Data.VoteData).VoteId, cancellationToken);
        if (vote is null)
        {
            return error!;
        }

        if (!await CanManageAsync(turn, vote, cancellationToken))
        {
            return Error("NotCreator", vote.CreatorName is { Length: > 0 } creator
                ? Localized.Format(VoteStrings.ErrorNotCreatorClose, creator) : VoteStrings.ErrorStarterClose);
        }

        var (final, _) = await closer.CloseAsync(vote.Id, time.GetUtcNow(), repairCard: false, cancellationToken);
        var mine = await reader.MyValueAsync(final, turn.Activity.UserId(), cancellationToken);
        return Card(VoteViews.For(final, mine, await rosters.GetAsync(vote, cancellationToken)));
    }

    private async Task<InvokeResponse> AgainAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (vote, error) = await FindVoteAsync(turn, CardData.Read(data, Data.VoteData).VoteId, cancellationToken);
        if (vote is null)
        {
            return error!;
        }

        if (!await CanManageAsync(turn, vote, cancellationToken))
        {
            return Error("NotCreator", vote.CreatorName is { Length: > 0 } creator
                ? Localized.Format(VoteStrings.ErrorNotCreatorAgain, creator) : VoteStrings.ErrorStarterAgain);
        }

        var state = await reader.ReadFreshAsync(vote.Id, cancellationToken) ?? throw new InvalidOperationException($"Vote {vote.Id} vanished.");
        if (!state.Vote.IsClosed)
        {
            return Error("VoteOpen", VoteStrings.ErrorVoteOpen);
        }

        var final = await closer.FinalOfAsync(state, cancellationToken);
        var options = new VoteOptions(vote.Anonymous, vote.HideResults, vote.DurationMinutes, vote.Scope);
        var started = await starter.StartAsync(turn, "again:" + vote.Id, null, options, final.Vote, cancellationToken);
        var round = final.Vote.Round + 1;
        var notice = Localized.Format(started.Created ? VoteStrings.NoticeRoundStarted : VoteStrings.NoticeRoundAlreadyStarted, round);
        var mine = await reader.MyValueAsync(final, turn.Activity.UserId(), cancellationToken);
        return Card(VoteViews.For(final, mine, rosters.TryGetCached(vote), notice));
    }

    private async Task<InvokeResponse> ConcernAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var sent = CardData.Read(data, Data.VoteConcernData);
        var (vote, error) = await FindVoteAsync(turn, sent.VoteId, cancellationToken);
        if (vote is null)
        {
            return error!;
        }

        if (vote.IsClosed)
        {
            return Error("VoteClosed", VoteStrings.ErrorConcernClosed);
        }

        var check = VoteRules.CheckConcern(sent.Concern);
        if (check.Question is not { } text)
        {
            return Error("InvalidConcern", check.Error!);
        }

        var concernId = DerivedIds.FromActivity(vote.TenantId, vote.Id, turn.Activity.Id ?? Guid.NewGuid().ToString("N"));
        await store.AddConcernAsync(vote, concernId, text, turn.Activity.From?.Name, cancellationToken);
        sharedCards.Schedule(vote.Id);

        var state = await reader.ReadFreshAsync(vote.Id, cancellationToken) ?? throw new InvalidOperationException($"Vote {vote.Id} vanished.");
        if (state.Vote.IsClosed)
        {
            state = await closer.FinalOfAsync(state, cancellationToken);
        }

        var mine = await reader.MyValueAsync(state, turn.Activity.UserId(), cancellationToken);
        return Card(VoteViews.For(state, mine, rosters.TryGetCached(vote), VoteStrings.NoticeConcernRecorded));
    }

    /// <summary>The vote named by the action's data, if it belongs to this tenant and conversation.</summary>
    private async Task<(Vote? Vote, InvokeResponse? Error)> FindVoteAsync(TurnContext turn, string? voteId, CancellationToken cancellationToken)
    {
        static InvokeResponse NotFound() => Error("VoteNotFound", VoteStrings.ErrorVoteNotFound); // built only when needed: not on every ballot
        if (!DerivedIds.IsWellFormed(voteId) || turn.Activity.Conversation?.Id is not { } conversationId)
        {
            return (null, NotFound());
        }

        var vote = await reader.GetVoteAsync(voteId!, cancellationToken);
        if (vote is null
            || !string.Equals(vote.TenantId, ConversationIds.Tenant(turn.Activity), StringComparison.Ordinal)
            || !string.Equals(vote.ConversationId, ConversationIds.WithoutThread(conversationId), StringComparison.Ordinal))
        {
            LogNotFound(voteId!);
            return (null, NotFound());
        }

        return (vote, null);
    }

    /// <summary>A concern of this vote becomes a risk to ROAM (once; again finds the same risk).</summary>
    private async Task<InvokeResponse> RaiseRiskAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var asked = CardData.Read(data, Data.VoteRiskData);
        var (vote, error) = await FindVoteAsync(turn, asked.VoteId, cancellationToken);
        if (vote is null)
        {
            return error!;
        }

        if (ImpedimentScope.Actor(turn.Activity) is not { } actor)
        {
            return Error("UnknownVoter", VoteStrings.ErrorUnknownRaiser);
        }

        var state = await reader.ReadFreshAsync(vote.Id, cancellationToken) ?? throw new InvalidOperationException($"Vote {vote.Id} vanished.");
        if (state.Concerns.FirstOrDefault(c => c.Id.Length > 0 && c.Id == asked.ConcernId) is not { } concern)
        {
            return Error("ConcernNotFound", VoteStrings.ErrorConcernNotFound);
        }

        var risk = await risks.RaiseAsync(turn.Activity, state.Vote, concern, actor, cancellationToken);
        var fresh = await reader.ReadFreshAsync(vote.Id, cancellationToken) ?? state;
        var shown = fresh.Vote.IsClosed ? await closer.FinalOfAsync(fresh, cancellationToken) : fresh;
        var mine = await reader.MyValueAsync(shown, turn.Activity.UserId(), cancellationToken);
        return Card(VoteViews.For(shown, mine, rosters.TryGetCached(vote), Localized.Format(VoteStrings.NoticeRaisedAsRisk, PlainText.EscapeMarkdown(risk.Title))));
    }

    /// <summary>The creator manages a vote (close, vote again); so do the RTEs of the ART the conversation belongs to.</summary>
    private async Task<bool> CanManageAsync(TurnContext turn, Vote vote, CancellationToken cancellationToken)
    {
        if (string.Equals(turn.Activity.UserId(), vote.CreatorId, StringComparison.Ordinal))
        {
            return true;
        }

        var membership = await arts.FindByConversationAsync(vote.TenantId, vote.ConversationId, cancellationToken);
        return membership is not null && turn.Activity.IsRteOf(membership.Art);
    }

    private static VoteCardDataContext Data => VoteCardDataContext.Default;

    private static InvokeResponse Error(string code, string message) => CardResponses.Error(code, message);

    private static InvokeResponse Card(BotFramework.Cards.AdaptiveCard card) => CardResponses.Card(card);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ballot cast in vote {VoteId}")]
    private partial void LogCast(string voteId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A ballot reached vote {VoteId} while it closed; counted: {Counted}")]
    private partial void LogLateBallot(string voteId, bool counted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action for vote {VoteId} refused: not a vote of this conversation")]
    private partial void LogNotFound(string voteId);
}
