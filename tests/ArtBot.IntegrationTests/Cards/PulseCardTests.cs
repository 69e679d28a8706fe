using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.People;
using ArtBot.Domain.Pulses;
using ArtBot.Features.Pulses;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>The pulse cards for the catalog: open, own view, below and above the threshold, the I&amp;A one, closed, the ART's spread.</summary>
public sealed class PulseCardTests
{
    private static readonly DateTimeOffset T0 = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private static Pulse Pulse(bool closed = false, bool inspect = false) => new()
    {
        TenantId = "t",
        ArtId = "art-1",
        Pi = "PI 2027.1 **bold** <b>x</b>",
        Iteration = inspect ? 6 : 3,
        IterationEnd = new DateOnly(2027, 2, 14),
        IsInspectAndAdapt = inspect,
        TeamConversationId = "19:rocket@thread.tacv2",
        PostedConversationId = "19:rocket@thread.tacv2",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        IsClosed = closed,
        CreatedAt = T0,
    };

    private static IReadOnlyList<PulseAnswer> Answers(int count, int wordLength = 8) =>
        [.. Enumerable.Range(0, count).Select(i => new PulseAnswer(i % 5 + 1, i % 2 == 0 ? new string((char)('a' + i % 26), wordLength) : null))];

    private static Art Art() => new()
    {
        Id = "art-1",
        TenantId = "t",
        Name = "Rocket ART",
        HomeConversationId = "19:home@thread.tacv2",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        SummaryConversationId = "19:home@thread.tacv2",
        Sync = new SyncSchedule(DayOfWeek.Wednesday, new TimeOnly(10, 0), "UTC"),
        Rtes = [new Person("rte", "Riley RTE")],
        CreatedBy = new Person("rte", "Riley RTE"),
    };

    public static Dictionary<string, AdaptiveCard> All() => new(StringComparer.Ordinal)
    {
        ["pulse-new"] = PulseCard.Build(new PulseResults(Pulse(), [])),
        ["pulse-below-threshold-own-view"] = PulseCard.Build(new PulseResults(Pulse(), Answers(2)), new PulseAnswer(4, "focused"), PulseStrings.NoticeSaved),
        ["pulse-figure-shared"] = SharedPulseCardUpdater.Shared(new PulseResults(Pulse(), Answers(9))),
        ["pulse-figure-max-words"] = PulseCard.Build(new PulseResults(Pulse(inspect: true), Answers(60, PulseRules.MaxWordLength)), new PulseAnswer(5, new string('w', PulseRules.MaxWordLength))),
        ["pulse-closed"] = PulseCard.Build(new PulseResults(Pulse(closed: true), Answers(4))),
        ["pulse-spread-none"] = PulseSpreadCard.Build(Art(), "PI 2027.1", 2, [], 1),
        ["pulse-spread"] = PulseSpreadCard.Build(Art(), "PI 2027.1", 12,
        [
            .. Enumerable.Range(1, 6).Select(i => new PulseSpread(i, 12, 10, 2.5, 3.6, 4.7, 90, i % 2 == 0 ? 3.7 : null)),
        ], 6),
    };
}
