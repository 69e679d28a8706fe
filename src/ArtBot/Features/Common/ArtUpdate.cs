using ArtBot.Domain.Arts;

namespace ArtBot.Features.Common;

/// <summary>
/// Changes an ART on fresh state: reads it, applies the change, saves with its ETag, and tries again when someone
/// else saved in between (so no concurrent change is lost). Tells <see cref="IPiChangeListener"/>s about a new PI.
/// </summary>
public static class ArtUpdate
{
    private const int Attempts = 5;

    /// <summary>The saved ART, or null when it no longer exists. <paramref name="change"/> may be called more than once.</summary>
    public static async Task<Art?> ApplyAsync(ArtTurn turn, string artId, Func<Art, Art> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await turn.Store.GetAsync(turn.TenantId, artId, cancellationToken) is not { } current)
            {
                return null;
            }

            if (await turn.Store.UpdateAsync(change(current), cancellationToken) is { } saved)
            {
                await NotifyPiChangeAsync(turn, current, saved, cancellationToken);
                return saved;
            }
        }

        throw new InvalidOperationException($"ART {artId} kept changing; gave up after {Attempts} attempts.");
    }

    /// <summary>Saves <paramref name="changed"/> only if the ART is unchanged since it was read; null on a conflict.</summary>
    public static async Task<Art?> SaveIfUnchangedAsync(ArtTurn turn, Art before, Art changed, CancellationToken cancellationToken)
    {
        var saved = await turn.Store.UpdateAsync(changed, cancellationToken);
        if (saved is not null)
        {
            await NotifyPiChangeAsync(turn, before, saved, cancellationToken);
        }

        return saved;
    }

    private static async Task NotifyPiChangeAsync(ArtTurn turn, Art before, Art after, CancellationToken cancellationToken)
    {
        if (after.CurrentPi is { } pi && pi != before.CurrentPi)
        {
            foreach (var listener in turn.Context.PiListeners)
            {
                await listener.OnPiChangedAsync(after, before.CurrentPi, pi, cancellationToken);
            }
        }
    }
}
