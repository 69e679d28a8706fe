using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Pulses;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Pulses;

/// <summary>
/// Keeps a team's shared pulse card (the message everyone in the channel sees) in step with its answers through the
/// <see cref="SharedCardUpdater"/>: bursts of answers become one update that reads the count when it runs.
/// </summary>
public sealed class SharedPulseCardUpdater(IPulseStore store, SharedCardUpdater updater)
{
    /// <summary>Trailing delay between the first answer of a burst and the update.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    public void Schedule(PulseKey key) => updater.Schedule(CardKey(key), Delay, ct => UpdateNowAsync(key, ct));

    public async Task UpdateNowAsync(PulseKey key, CancellationToken cancellationToken)
    {
        if (await store.GetResultsAsync(key, cancellationToken) is not { Pulse.ActivityId: { } activityId } results)
        {
            return;
        }

        var pulse = results.Pulse;
        await updater.ReplaceAsync(CardKey(key), pulse.ServiceUrl, pulse.TenantId, pulse.PostedConversationId, activityId, Shared(results), cancellationToken);
    }

    /// <summary>The card everyone sees, in the ART's language whoever's answer changed it.</summary>
    public static AdaptiveCard Shared(PulseResults results)
    {
        using var locale = results.Pulse.Language is { Length: > 0 } language ? new CardLocale(language, results.Pulse.TimeZoneId).Use() : null;
        return PulseCard.Build(results);
    }

    private static string CardKey(PulseKey key) => $"pulse {key.TenantId} {key.ArtId} {key.Pi} {key.Iteration} {key.TeamConversationId}";
}
