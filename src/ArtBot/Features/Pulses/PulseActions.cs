using System.Text.Json;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;
using ArtBot.Domain.Pulses;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Pulses;

/// <summary>
/// <c>pulse.send</c>: saves (or replaces) the person's anonymous answer and answers with their own view; the shared
/// card's count follows. Answers come from the team's own channel only, and only while the iteration runs.
/// </summary>
public sealed partial class PulseActions(
    ArtContext arts, IPulseStore store, PulseClosing closing, SharedPulseCardUpdater cards, ILogger<PulseActions> logger) : IBotFeature
{
    public void Register(FeatureTable table) => table.Verb(PulseCard.SendVerb, SendAsync);

    private async Task<InvokeResponse> SendAsync(TurnContext turn, JsonElement? data, CancellationToken cancellationToken)
    {
        var sent = CardData.Read(data, PulseCardDataContext.Default.PulseSendData);
        var art = new ArtTurn(turn, arts);
        if (await ArtPlace.ResolveAsync(art, cancellationToken) is not { Team: { } team } place)
        {
            return CardResponses.Error("NotTeam", PulseStrings.ErrorNotTeam);
        }

        if (sent is not { Pi: { Length: > 0 } pi, Iteration: { } iteration }
            || await store.GetAsync(new PulseKey(art.TenantId, place.Art.Id, pi, iteration, team.ConversationId), cancellationToken) is not { } pulse)
        {
            return CardResponses.Error("UnknownPulse", PulseStrings.ErrorUnknownPulse);
        }

        var closed = await closing.CloseIfEndedAsync(pulse, place.Today, cancellationToken) ?? pulse;
        if (closed.IsClosed)
        {
            return CardResponses.Error("PulseClosed", Localized.Format(PulseStrings.ErrorClosed, pulse.Iteration));
        }

        if (sent.Score is not { } score || !PulseRules.IsScore(score))
        {
            return CardResponses.Error("InvalidScore", PulseStrings.ErrorScore);
        }

        if (!PulseRules.TryWord(sent.Word, out var word))
        {
            return CardResponses.Error("InvalidWord", Localized.Format(PulseStrings.ErrorWord, PulseRules.MaxWordLength));
        }

        if (turn.Activity.UserId() is not { } voterId)
        {
            return CardResponses.Error("UnknownPerson", PulseStrings.ErrorUnknownPerson);
        }

        var answer = new PulseAnswer(score, word);
        if (!await store.AnswerAsync(pulse.Key, voterId, answer, cancellationToken))
        {
            return CardResponses.Error("PulseClosed", Localized.Format(PulseStrings.ErrorClosed, pulse.Iteration));
        }

        LogAnswered(pulse.ArtId, pulse.Iteration);
        cards.Schedule(pulse.Key);
        var results = await store.GetResultsAsync(pulse.Key, cancellationToken) ?? new PulseResults(pulse, [answer]);
        return CardResponses.Card(PulseCard.Build(results, answer, PulseStrings.NoticeSaved));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pulse answered in ART {ArtId}, iteration {Iteration}")]
    private partial void LogAnswered(string artId, int iteration);
}
