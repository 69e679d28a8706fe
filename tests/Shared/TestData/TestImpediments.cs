using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;

namespace ArtBot.Tests.Shared;

/// <summary>Impediments in known states for the unit tests.</summary>
public static class TestImpediments
{
    public static readonly DateTimeOffset RaisedAt = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);
    public static readonly Person Alex = new("alex-aad", "Alex Wilber");
    public static readonly Person Megan = new("megan-aad", "Megan Bowen");

    public static Impediment Open(ImpedimentKind kind = ImpedimentKind.Impediment) => new()
    {
        Id = "0123456789abcdef01234567",
        TenantId = "tenant",
        ScopeId = "19:team@thread.tacv2",
        ConversationId = "19:channel@thread.tacv2",
        TeamId = "19:team@thread.tacv2",
        TeamName = "Phoenix",
        Kind = kind,
        Title = "Test environment down",
        Description = "Since Monday; we cannot deploy.",
        Severity = Severity.High,
        RaisedBy = Alex,
        RaisedAt = RaisedAt,
        Source = ImpedimentSource.Message("1763631200456", "https://teams.microsoft.com/l/message/19:channel@thread.tacv2/1763631200456", "Lee Gu"),
        History = [new ImpedimentHistoryEntry(RaisedAt, Alex, "raised it") { Event = new(ImpedimentEventKind.Raised) }],
        HistoryCount = 1,
    };

    public static Impediment Resolved() => Open() with
    {
        Owner = Megan,
        Roam = RoamStatus.Resolved,
        ResolvedAt = RaisedAt.AddDays(3),
        ResolutionNote = "Ops restarted the cluster",
    };
}
