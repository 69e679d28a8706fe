using ArtBot.Domain.Arts;
using ArtBot.Domain.Pulses;

namespace ArtBot.DemoTrain;

/// <summary>
/// The teams' satisfaction pulses: every team, every iteration that has started, four to nine answers (now and then only
/// two: too few for a figure), the train's mood rising a little PI by PI. Ended pulses are closed (their salts deleted),
/// so a later run can add nothing to them; the open one takes the same people's same answers again.
/// </summary>
internal static class DemoPulses
{
    private static readonly double[] Mood = [3.3, 3.6, 3.8];
    private static readonly string[] Words = ["focused", "busy", "proud", "tired", "blocked", "good flow", "calm", "rushed", "learning"];

    public static IReadOnlyList<DemoPulse> Plan(DemoTrain train, DemoRandom random)
    {
        var list = new List<DemoPulse>();
        for (var p = 0; p < train.Calendar.Pis.Count; p++)
        {
            var pi = train.Calendar.Pis[p];
            var iterations = train.Art.Cadence.Of(pi);
            foreach (var iteration in iterations.Where(i => i.Start <= train.Calendar.Today))
            {
                foreach (var team in train.Teams)
                {
                    var count = random.Chance(0.08) ? 2 : random.Next(4, Math.Min(10, team.Members.Count + 1));
                    var mood = Mood[p] + ((team.Index % 3) - 1) * 0.25;
                    var answers = Enumerable.Range(0, count)
                        .Select(n => (team.Member(n).Id, new PulseAnswer(
                            Math.Clamp((int)Math.Round(random.Gaussian(mood, 0.8)), PulseRules.MinScore, PulseRules.MaxScore),
                            random.Chance(0.4) ? random.Pick(Words) : null)))
                        .ToList();
                    list.Add(new DemoPulse(new Pulse
                    {
                        TenantId = train.TenantId,
                        ArtId = train.Art.Id,
                        Pi = pi.Name,
                        Iteration = iteration.Number,
                        IterationEnd = iteration.End,
                        IsInspectAndAdapt = iteration.Number == iterations.Count,
                        TeamConversationId = team.ConversationId,
                        PostedConversationId = team.ConversationId,
                        ServiceUrl = team.Team.ServiceUrl,
                        Language = train.Art.Language,
                        TimeZoneId = DemoCalendar.TimeZoneId,
                        CreatedAt = DemoCalendar.At(iteration.Start.AddDays(8), new TimeOnly(9, 0)),
                    }, answers, Ended: iteration.End < train.Calendar.Today));
                }
            }
        }

        return list;
    }

    public static Task WriteAsync(DemoStores stores, IReadOnlyList<DemoPulse> pulses, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(pulses, DemoTrainSeeder.Parallelism(cancellationToken), async (planned, token) =>
        {
            await stores.Pulses.CreateAsync(planned.Pulse, token);
            var answered = await Task.WhenAll(planned.Answers.Select(a => stores.Pulses.AnswerAsync(planned.Pulse.Key, a.Voter, a.Answer, token)));
            if (answered.Any(stored => !stored))
            {
                return; // closed by an earlier run: its answers are in
            }

            if (planned.Ended)
            {
                await stores.Pulses.CloseAsync(planned.Pulse.Key, token);
            }
        });
}

/// <summary>A pulse, its answers (by whom, only to key them as the bot does) and whether its iteration has ended.</summary>
internal sealed record DemoPulse(Pulse Pulse, IReadOnlyList<(string Voter, PulseAnswer Answer)> Answers, bool Ended);
