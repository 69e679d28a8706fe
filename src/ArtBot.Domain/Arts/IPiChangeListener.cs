namespace ArtBot.Domain.Arts;

/// <summary>Told when an ART starts a new PI (Inspect &amp; Adapt carries its open improvement items over).</summary>
public interface IPiChangeListener
{
    Task OnPiChangedAsync(Art art, ProgramIncrement? previous, ProgramIncrement current, CancellationToken cancellationToken);
}
