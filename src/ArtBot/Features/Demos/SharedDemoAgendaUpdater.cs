using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Features.Common;

namespace ArtBot.Features.Demos;

/// <summary>
/// Keeps every posted copy of a demo's agenda (the ART's channel, the meeting chat) in step with what is stored, through
/// the <see cref="SharedCardUpdater"/>: a burst of answers and feedback becomes one update per copy, in the ART's language.
/// </summary>
public sealed class SharedDemoAgendaUpdater(DemoAgendaReader reader, SharedCardUpdater updater) : IDemoChangeListener
{
    /// <summary>Trailing delay between the first change of a burst and the update.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    public void Changed(DemoChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        updater.Schedule(CardKey(change), Delay, ct => UpdateNowAsync(change.TenantId, change.ArtId, change.DemoId, ct));
    }

    public async Task UpdateNowAsync(string tenantId, string artId, string demoId, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(tenantId, artId, demoId, cancellationToken) is not { } agenda)
        {
            return;
        }

        var demo = agenda.Demo;
        var card = Shared(agenda);
        var key = $"demo {tenantId} {artId} {demoId}";
        if (demo.AgendaActivityId is { } activityId)
        {
            await updater.ReplaceAsync(key, agenda.Art.ServiceUrl, tenantId, demo.AgendaConversationId ?? agenda.Art.SummaryConversationId, activityId, card, cancellationToken);
        }

        if (demo.MeetingAgendaActivityId is { } meetingActivityId && demo.MeetingConversationId is { } chat)
        {
            await updater.ReplaceAsync(key, demo.MeetingServiceUrl ?? agenda.Art.ServiceUrl, tenantId, chat, meetingActivityId, card, cancellationToken);
        }
    }

    /// <summary>The card everyone sees, in the ART's language (when it has one), refreshing for the latest feedback givers.</summary>
    public static AdaptiveCard Shared(DemoAgenda agenda, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        using var locale = agenda.Art.Language is { Length: > 0 } ? ArtLocale.ForCard(agenda.Art).Use() : null;
        return DemoAgendaCard.Build(agenda, notice: notice);
    }

    private static string CardKey(DemoChange change) => $"demo {change.TenantId} {change.ArtId} {change.DemoId}";
}
