using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Pulses;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Pulses;

/// <summary>
/// <c>pulse</c> in a team's channel posts the team's pulse for the current iteration (once per team and iteration: a
/// second <c>pulse</c> shows the same one again); in the ART's channel it answers with the spread across the teams.
/// </summary>
public sealed partial class PulseCommands(ArtContext arts, IPulseStore store, PulseClosing closing, ILogger<PulseCommands> logger) : IBotFeature
{
    public const string Name = "pulse";

    public void Register(FeatureTable table) =>
        table.Command(Name, () => PulseStrings.CommandPulseUsage, () => PulseStrings.CommandPulseDescription, PulseAsync);

    private async Task PulseAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var art = new ArtTurn(turn, arts);
        if (await ArtPlace.ResolveAsync(art, cancellationToken) is not { } place)
        {
            await art.SendAsync(PulseStrings.ErrorNotInArt, cancellationToken);
            return;
        }

        if (place.Art.CurrentPi is not { } pi)
        {
            await art.SendAsync(Localized.Format(PulseStrings.ErrorNoPi, PlainText.EscapeMarkdown(place.Art.Name)), cancellationToken);
            return;
        }

        var today = place.Today;
        var iteration = place.Art.Cadence.At(pi, today);
        var pulses = await closing.CloseEndedAsync(await store.ListAsync(art.TenantId, place.Art.Id, pi.Name, cancellationToken), today, cancellationToken);
        if (place.Team is not { } team)
        {
            var spreads = PulseRules.Review(pi.Name, pulses).Art;
            await art.SendAsync(PulseSpreadCard.Build(place.Art, pi.Name, place.Teams.Count, spreads, iteration?.Number), cancellationToken);
            return;
        }

        if (iteration is null)
        {
            await art.SendAsync(Localized.Format(PulseStrings.ErrorNoIteration, PlainText.EscapeMarkdown(pi.Name), Localized.Date(pi.Start), Localized.Date(pi.End)), cancellationToken);
            return;
        }

        var key = new PulseKey(art.TenantId, place.Art.Id, pi.Name, iteration.Number, team.ConversationId);
        var existing = pulses.FirstOrDefault(p => p.Pulse.Key == key)?.Pulse;
        if (existing is null)
        {
            var locale = ArtLocale.ForCard(place.Art);
            var created = await store.CreateAsync(new Pulse
            {
                TenantId = key.TenantId,
                ArtId = key.ArtId,
                Pi = key.Pi,
                Iteration = key.Iteration,
                IterationEnd = iteration.End,
                IsInspectAndAdapt = iteration.IsIp || iteration.Number == place.Art.Cadence.Of(pi).Count,
                TeamConversationId = key.TeamConversationId,
                PostedConversationId = art.Activity.Conversation!.Id!,
                ServiceUrl = art.Activity.ServiceUrl!,
                SourceActivityId = art.Activity.Id,
                Language = locale.Language,
                TimeZoneId = locale.TimeZoneId,
                CreatedAt = art.Now,
            }, cancellationToken);
            if (created)
            {
                LogCreated(key.ArtId, key.Iteration);
            }
        }
        else if (existing.SourceActivityId is { } source && source == art.Activity.Id)
        {
            return; // a redelivery of the command that created it: its card was posted
        }

        if (await store.GetResultsAsync(key, cancellationToken) is not { } results)
        {
            return;
        }

        var outcome = await art.SendAsync(SharedPulseCardUpdater.Shared(results), cancellationToken);
        if (outcome.IsSuccess && outcome.Id is { Length: > 0 } activityId)
        {
            // The card posted last is the one kept up to date; earlier ones still take answers.
            await store.SetActivityIdAsync(key, activityId, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pulse opened in ART {ArtId} for iteration {Iteration}")]
    private partial void LogCreated(string artId, int iteration);
}
