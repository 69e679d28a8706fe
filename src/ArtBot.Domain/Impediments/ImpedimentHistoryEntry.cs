using ArtBot.Domain.People;

namespace ArtBot.Domain.Impediments;

/// <summary>One change of an impediment: who, when, what (plain text, already escaped for display).</summary>
public sealed record ImpedimentHistoryEntry(DateTimeOffset At, Person By, string What)
{
    /// <summary>What happened, for showing it in the reader's language; null on rows stored before events were kept.</summary>
    public ImpedimentEvent? Event { get; init; }
}
