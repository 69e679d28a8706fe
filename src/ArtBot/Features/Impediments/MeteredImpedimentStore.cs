using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Hosting.Telemetry;

namespace ArtBot.Features.Impediments;

/// <summary>The impediment store, counting what is raised (every way in: command, message extension, vote concern, check-in blocker) in one place.</summary>
public sealed class MeteredImpedimentStore(IImpedimentStore inner, ArtBotMetrics metrics) : IImpedimentStore
{
    public async Task<RaiseResult> RaiseAsync(Impediment draft, string key, CancellationToken cancellationToken)
    {
        var raised = await inner.RaiseAsync(draft, key, cancellationToken);
        if (raised.Created)
        {
            metrics.ImpedimentRaised(draft.Kind.ToString(), draft.Source.Kind.ToString());
        }

        return raised;
    }

    public Task<Impediment?> GetAsync(string tenantId, string scopeId, string id, CancellationToken cancellationToken) =>
        inner.GetAsync(tenantId, scopeId, id, cancellationToken);

    public Task<ImpedimentUpdate> UpdateAsync(string tenantId, string scopeId, string id, Person actor, Func<Impediment, ImpedimentChange> change, CancellationToken cancellationToken) =>
        inner.UpdateAsync(tenantId, scopeId, id, actor, change, cancellationToken);

    public Task<ImpedimentList> ListAsync(string tenantId, string scopeId, ImpedimentQuery query, int max, CancellationToken cancellationToken) =>
        inner.ListAsync(tenantId, scopeId, query, max, cancellationToken);

    public Task<ImpedimentList> ListForArtAsync(string tenantId, string artId, ImpedimentQuery query, int max, CancellationToken cancellationToken) =>
        inner.ListForArtAsync(tenantId, artId, query, max, cancellationToken);
}
