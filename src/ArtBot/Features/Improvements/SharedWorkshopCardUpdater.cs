using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Connector;
using ArtBot.Domain.Improvements;
using ArtBot.Features.Common;

namespace ArtBot.Features.Improvements;

/// <summary>
/// Keeps the shared workshop card (the message everyone sees) in step with problems and dots through the
/// <see cref="SharedCardUpdater"/>: the first change of a burst schedules an update after <see cref="Delay"/> that
/// reads the state when it runs, and a change meanwhile causes one more, so the card converges to the final state.
/// </summary>
public sealed class SharedWorkshopCardUpdater(IWorkshopStore store, SharedCardUpdater updater)
{
    /// <summary>Trailing delay between the first change of a burst and the update.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    /// <summary>Asks for an update of the workshop's shared card; returns at once.</summary>
    public void Schedule(string workshopId) => updater.Schedule("workshop " + workshopId, Delay, ct => UpdateNowAsync(workshopId, ct));

    /// <summary>Replaces the shared card now with the workshop's current state (e.g. after close).</summary>
    public async Task<ConnectorOutcome?> UpdateNowAsync(string workshopId, CancellationToken cancellationToken)
    {
        var current = await store.GetStateAsync(workshopId, cancellationToken);
        if (current?.Workshop is not { ActivityId: { } activityId } workshop)
        {
            return null;
        }

        return await updater.ReplaceAsync(
            "workshop " + workshopId, workshop.ServiceUrl, workshop.Scope.TenantId, workshop.PostedConversationId, activityId, Shared(current), cancellationToken);
    }

    /// <summary>The card everyone sees, in the workshop's language and zone whoever's action changed it.</summary>
    public static AdaptiveCard Shared(WorkshopState state)
    {
        using var locale = state.Workshop.Locale?.Use();
        return WorkshopCard.Build(state);
    }
}
