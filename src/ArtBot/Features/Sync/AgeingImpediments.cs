using ArtBot.Domain.Arts;
using ArtBot.Domain.Impediments;

namespace ArtBot.Features.Sync;

/// <summary>The ART's open impediments older than <paramref name="Days"/> days, oldest first.</summary>
public sealed record AgeingImpediments(int Days, IReadOnlyList<Impediment> Items)
{
    /// <summary>Reads them from the impediments store (every team of the ART).</summary>
    public static async Task<AgeingImpediments> LoadAsync(IImpedimentStore store, Art art, int days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await store.ListForArtAsync(art.TenantId, art.Id, new ImpedimentQuery(ImpedimentKind.Impediment), 500, cancellationToken);
        return new AgeingImpediments(days, [.. open.Items.Where(i => ImpedimentRules.IsAgeing(i, now, days))]);
    }
}
