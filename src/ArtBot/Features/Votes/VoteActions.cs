using System.Text.Json;
using ArtBot.BotFramework.Hosting;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Votes;
using ArtBot.Features.Installation;

namespace ArtBot.Features.Votes;

/// <summary>
/// Answers the vote card's Universal Actions (<c>adaptiveCard/action</c> invokes): <c>vote.cast</c> writes the
/// voter's ballot and answers with their own view; <c>vote.close</c> closes the vote (creator only). Bad input is
/// answered with an error Teams shows on the card, and changes nothing.
/// </summary>
public sealed partial class VoteActions(IVoteStore store, SharedVoteCardUpdater sharedCards, TimeProvider time, ILogger<VoteActions> logger) : ICardActions
{
    /// <summary>Registers the vote card's verbs.</summary>
    public CardActionRouter Map(CardActionRouter router) => router
        .On(VoteCard.CastVerb, CastAsync)
        .On(VoteCard.CloseVerb, CloseAsync)
        .On(VoteCard.ConcernVerb, ConcernAsync);

    private async Task<InvokeResponse> CastAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        if (!VoteRules.TryParseValue(ReadText(data, "value"), out var value))
        {
            return Error("InvalidValue", "A vote is a whole number from 1 to 5.");
        }

        var (vote, error) = await FindVoteAsync(turn, data, cancellationToken);
        if (vote is null)
        {
            return error!;
        }

        if (vote.IsClosed)
        {
            return Error("VoteClosed", "This vote is closed; ballots can no longer be cast or changed.");
        }

        if (VoterId(turn.Activity) is not { } voterId)
        {
            return Error("UnknownVoter", "Teams did not say who you are, so the vote could not be counted.");
        }

        await store.CastAsync(vote, voterId, turn.Activity.From?.Name, value, cancellationToken);
        sharedCards.Schedule(vote.Id);
        LogCast(vote.Id);

        var ballots = await store.GetBallotsAsync(vote.Id, cancellationToken);
        return Card(VoteCard.Build(vote, VoteTally.From(ballots.Select(b => b.Value)), ballots, value));
    }

    private async Task<InvokeResponse> CloseAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (vote, error) = await FindVoteAsync(turn, data, cancellationToken);
        if (vote is null)
        {
            return error!;
        }

        if (!string.Equals(VoterId(turn.Activity), vote.CreatorId, StringComparison.Ordinal))
        {
            var creator = vote.CreatorName is { Length: > 0 } name ? name : "the person who started it";
            return Error("NotCreator", $"Only {creator} can close this vote.");
        }

        var closedAt = vote.ClosedAt ?? time.GetUtcNow();
        var ballots = await store.GetBallotsAsync(vote.Id, cancellationToken);
        var tally = VoteTally.From(ballots.Select(b => b.Value));
        if (!vote.IsClosed && await store.CloseAsync(vote, closedAt, tally, cancellationToken))
        {
            LogClosed(vote.Id, tally.Count);
            await sharedCards.UpdateNowAsync(vote.Id, cancellationToken);
        }

        var closed = vote with { ClosedAt = closedAt };
        return Card(VoteCard.Build(closed, tally, ballots, concerns: await store.GetConcernsAsync(vote.Id, cancellationToken)));
    }

    private async Task<InvokeResponse> ConcernAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var (vote, error) = await FindVoteAsync(turn, data, cancellationToken);
        if (vote is null)
        {
            return error!;
        }

        if (vote.IsClosed)
        {
            return Error("VoteClosed", "This vote is closed; concerns can no longer be added to it.");
        }

        var check = VoteRules.CheckConcern(ReadText(data, VoteCard.ConcernInputId));
        if (check.Question is not { } text)
        {
            return Error("InvalidConcern", check.Error!);
        }

        var concernId = VoteIds.FromActivity(vote.TenantId, vote.Id, turn.Activity.Id ?? Guid.NewGuid().ToString("N"));
        await store.AddConcernAsync(vote, concernId, text, turn.Activity.From?.Name, cancellationToken);
        sharedCards.Schedule(vote.Id);

        var mine = VoterId(turn.Activity) is { } voterId ? await store.GetBallotAsync(vote, voterId, cancellationToken) : null;
        var ballots = await store.GetBallotsAsync(vote.Id, cancellationToken);
        var concerns = await store.GetConcernsAsync(vote.Id, cancellationToken);
        return Card(VoteCard.Build(vote, VoteTally.From(ballots.Select(b => b.Value)), ballots, mine, concerns, "Thank you, your concern was recorded."));
    }

    /// <summary>The vote named by the action's data, if it belongs to this tenant and conversation.</summary>
    private async Task<(Vote? Vote, InvokeResponse? Error)> FindVoteAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var notFound = Error("VoteNotFound", "This vote does not exist in this conversation.");
        var voteId = ReadText(data, "voteId");
        if (!VoteIds.IsWellFormed(voteId) || turn.Activity.Conversation?.Id is not { } conversationId)
        {
            return (null, notFound);
        }

        var vote = await store.GetAsync(voteId!, cancellationToken);
        if (vote is null
            || !string.Equals(vote.TenantId, ConversationIds.Tenant(turn.Activity), StringComparison.Ordinal)
            || !string.Equals(vote.ConversationId, ConversationIds.WithoutThread(conversationId), StringComparison.Ordinal))
        {
            LogNotFound(voteId!);
            return (null, notFound);
        }

        return (vote, null);
    }

    /// <summary>The stable identity of the person acting: Entra object id, else the Teams user id.</summary>
    public static string? VoterId(Activity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } aad ? aad
        : activity.From?.Id is { Length: > 0 } id ? id
        : null;

    private static string? ReadText(JsonElement? data, string name) =>
        data is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty(name, out var property)
            ? property.ValueKind switch
            {
                JsonValueKind.String => property.GetString(),
                JsonValueKind.Number => property.GetRawText(),
                _ => null,
            }
            : null;

    private static InvokeResponse Error(string code, string message) => InvokeErrors.UniversalActionError(400, code, message);

    private static InvokeResponse Card(BotFramework.Cards.AdaptiveCard card)
    {
        var body = new AdaptiveCardInvokeResponse(200, AdaptiveCardInvokeResponse.CardType, card.ToJsonElement());
        return new InvokeResponse(200, JsonSerializer.SerializeToElement(body, BotJsonContext.Default.AdaptiveCardInvokeResponse));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ballot cast in vote {VoteId}")]
    private partial void LogCast(string voteId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Vote {VoteId} closed with {Count} ballots")]
    private partial void LogClosed(string voteId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card action for vote {VoteId} refused: not a vote of this conversation")]
    private partial void LogNotFound(string voteId);
}
