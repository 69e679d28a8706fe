using ArtBot.Domain.Arts;

namespace ArtBot.Features.Common;

/// <summary>What the ARTs feature's commands and actions work with: the store, the clock, and who hears of a new PI.</summary>
public sealed class ArtContext(IArtStore store, TimeProvider time, IEnumerable<IPiChangeListener> piListeners)
{
    public IArtStore Store { get; } = store;

    public TimeProvider Time { get; } = time;

    public IEnumerable<IPiChangeListener> PiListeners { get; } = piListeners;
}
