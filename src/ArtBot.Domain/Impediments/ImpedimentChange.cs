namespace ArtBot.Domain.Impediments;

/// <summary>
/// The result of applying a lifecycle rule to the current state: the changed impediment and the history line, or
/// why the change is refused (nothing is written then). A change without a history line is bookkeeping (e.g. the
/// id of the posted card).
/// </summary>
public sealed record ImpedimentChange(Impediment? Updated, string? HistoryText, string? Refusal)
{
    public bool IsRefused => Refusal is not null;

    /// <summary>The history line's event (see <see cref="ImpedimentEvent"/>), with <see cref="HistoryText"/> its English sentence.</summary>
    public ImpedimentEvent? Event { get; init; }

    public static ImpedimentChange To(Impediment updated, string historyText, ImpedimentEvent historyEvent) =>
        new(updated, historyText, null) { Event = historyEvent };

    public static ImpedimentChange Silently(Impediment updated) => new(updated, null, null);

    public static ImpedimentChange Refuse(string reason) => new(null, null, reason);
}
