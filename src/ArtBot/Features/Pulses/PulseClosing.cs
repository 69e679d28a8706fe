using ArtBot.Domain.Arts;
using ArtBot.Domain.Pulses;

namespace ArtBot.Features.Pulses;

/// <summary>
/// Closes pulses whose iteration has ended when they are read (no background loop): the salt is deleted, so no answer
/// can be linked to anybody any more, and the shared card shows it closed. A new PI closes every pulse of the last one,
/// which nothing reads again.
/// </summary>
public sealed class PulseClosing(IPulseStore store, SharedPulseCardUpdater cards) : IPiChangeListener
{
    public async Task OnPiChangedAsync(Art art, ProgramIncrement? previous, ProgramIncrement current, CancellationToken cancellationToken)
    {
        if (previous is null || previous.Name == current.Name)
        {
            return;
        }

        foreach (var results in await store.ListAsync(art.TenantId, art.Id, previous.Name, cancellationToken))
        {
            if (!results.Pulse.IsClosed)
            {
                await store.CloseAsync(results.Pulse.Key, cancellationToken);
                cards.Schedule(results.Pulse.Key);
            }
        }
    }

    /// <summary>Closes the ended ones among <paramref name="pulses"/>; returns them as they are now.</summary>
    public async Task<IReadOnlyList<PulseResults>> CloseEndedAsync(IReadOnlyList<PulseResults> pulses, DateOnly today, CancellationToken cancellationToken)
    {
        var now = new List<PulseResults>(pulses.Count);
        foreach (var results in pulses)
        {
            now.Add(await CloseIfEndedAsync(results.Pulse, today, cancellationToken) is { } closed ? results with { Pulse = closed } : results);
        }

        return now;
    }

    /// <summary>Closes <paramref name="pulse"/> if its iteration has ended; returns it closed, or null when it stays as it was.</summary>
    public async Task<Pulse?> CloseIfEndedAsync(Pulse pulse, DateOnly today, CancellationToken cancellationToken)
    {
        if (pulse.IsClosed || !pulse.HasEnded(today))
        {
            return null;
        }

        await store.CloseAsync(pulse.Key, cancellationToken);
        cards.Schedule(pulse.Key);
        return pulse with { IsClosed = true };
    }
}
