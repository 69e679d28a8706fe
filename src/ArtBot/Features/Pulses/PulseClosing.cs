using System.Collections.Concurrent;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Pulses;

namespace ArtBot.Features.Pulses;

/// <summary>
/// Closes pulses whose iteration has ended: when they are read, and on the scheduler's pass once an iteration is over
/// (<see cref="SweepAsync"/>), so an unread pulse's salt does not linger. The salt is deleted, so no answer can be linked
/// to anybody any more, and the shared card shows it closed. A new PI closes every pulse of the last one.
/// </summary>
public sealed class PulseClosing(IPulseStore store, SharedPulseCardUpdater cards) : IPiChangeListener
{
    // Per instance, the iteration each ART was last swept in: a pass reads the ART's pulses once per iteration, not per
    // tick. Losing it (a restart) only costs one read more; closing is idempotent, so instances need not share it.
    private readonly ConcurrentDictionary<string, (string Pi, int Iteration)> _swept = new(StringComparer.Ordinal);

    /// <summary>Closes the ART's pulses of iterations that have ended on <paramref name="today"/>, once per iteration per instance.</summary>
    public async Task SweepAsync(Art art, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(art);
        if (art.CurrentPi is not { } pi)
        {
            return;
        }

        // In iteration 1 nothing of this PI has ended; after the PI's end, every iteration has.
        var iteration = art.Cadence.At(pi, today)?.Number ?? (today > pi.End ? int.MaxValue : 0);
        if (iteration <= 1 || (_swept.TryGetValue(art.Id, out var last) && last == (pi.Name, iteration)))
        {
            return;
        }

        await CloseEndedAsync(await store.ListAsync(art.TenantId, art.Id, pi.Name, cancellationToken), today, cancellationToken);
        _swept[art.Id] = (pi.Name, iteration);
    }

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
