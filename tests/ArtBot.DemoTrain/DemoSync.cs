using System.Globalization;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Sync;

namespace ArtBot.DemoTrain;

/// <summary>
/// The weekly ART sync check-ins of every team in every PI: mostly on track, at risk for a week or two now and then (the
/// teams that deliver less, more often), off track rarely; blockers that needed help (some raised as impediments by the
/// RTE), dependencies at risk, milestones. A team forgets now and then; in the latest sync one team has not answered.
/// </summary>
internal static class DemoSync
{
    /// <summary>The team that has not answered the latest sync (Lyra).</summary>
    private const int SilentTeam = 11;

    public static IReadOnlyList<CheckInAnswer> Plan(DemoTrain train, IReadOnlyList<DemoImpediment> impediments, IReadOnlyList<DemoDependency> dependencies, DemoRandom random)
    {
        var blockers = impediments
            .Where(i => i.Draft.Source.Kind == ImpedimentSourceKind.CheckInBlocker)
            .ToDictionary(i => (i.Draft.ConversationId, Date: i.Draft.Source.ReferenceId![(train.Art.Id.Length + 1)..]), i => i);
        var answers = new List<CheckInAnswer>();
        foreach (var (pi, p) in train.Calendar.Pis.Select((pi, p) => (pi, p)))
        {
            var dates = DemoCalendar.SyncDates(pi).ToList();
            var iterations = train.Art.Cadence.Of(pi);
            foreach (var team in train.Teams)
            {
                var status = ObjectiveStatus.OnTrack;
                var atRisk = Math.Clamp(0.12 - DemoObjectives.Delivery(team), 0.04, 0.4);
                foreach (var (date, w) in dates.Select((d, w) => (d, w)))
                {
                    status = status != ObjectiveStatus.OnTrack && random.Chance(0.5) ? status
                        : random.Chance(atRisk) ? (random.Chance(team.Index == 10 ? 0.4 : 0.1) ? ObjectiveStatus.OffTrack : ObjectiveStatus.AtRisk)
                        : ObjectiveStatus.OnTrack;
                    var latest = p == 2 && w == dates.Count - 1;
                    var flagged = blockers.TryGetValue((team.ConversationId, date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)), out var raised);
                    if (!flagged && ((latest && team.Index == SilentTeam) || (!latest && random.Chance(0.03))))
                    {
                        continue;
                    }

                    var occurrence = DemoCalendar.Occurrence(train.Art, date);
                    var items = new List<CheckInItem>();
                    if (raised is not null)
                    {
                        status = ObjectiveStatus.AtRisk;
                        items.Add(new CheckInItem(raised.Draft.Title, NeedsHelp: true) { ImpedimentId = raised.Id });
                    }
                    else if (status != ObjectiveStatus.OnTrack && (random.Chance(0.5) || latest))
                    {
                        items.Add(new CheckInItem(random.Pick(DemoTexts.Impediments), NeedsHelp: latest || random.Chance(0.5)));
                    }

                    // A dependency overdue since its iteration ended, mentioned now and then (the board tracks it anyway).
                    var waiting = dependencies.Select(d => d.Final)
                        .Where(d => d.Pi == pi.Name && d.RequesterConversationId == team.ConversationId && !d.IsClosed && iterations[d.NeededBy - 1].End < date)
                        .Take(random.Chance(0.35) ? 1 : 0)
                        .Select(d => new CheckInItem($"{d.Text} from {d.ProviderTeamName}", NeedsHelp: true) { DependencyId = d.Id })
                        .ToList();
                    answers.Add(new CheckInAnswer
                    {
                        Occurrence = OccurrenceKey.Of(train.Art, occurrence),
                        TeamConversationId = team.ConversationId,
                        TeamName = team.Name,
                        Status = status,
                        Progress = random.Pick(DemoTexts.Progress[(int)status]),
                        Blockers = items,
                        Dependencies = waiting,
                        Milestones = random.Chance(0.2) ? random.Pick(DemoTexts.Milestones) : "",
                        AnsweredBy = random.Chance(0.6) ? team.ScrumMaster : team.ProductOwner,
                        AnsweredAt = occurrence.PromptAt.AddMinutes(random.Next(30, 22 * 60)),
                    });
                }
            }
        }

        return answers;
    }

    /// <summary>Saves each answer unless the team's answer is there already.</summary>
    public static Task WriteAsync(DemoStores stores, IReadOnlyList<CheckInAnswer> answers, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(answers, DemoTrainSeeder.Parallelism(cancellationToken), async (answer, token) =>
        {
            if (await stores.Sync.GetAnswerAsync(answer.Occurrence, answer.TeamConversationId, token) is null)
            {
                await stores.Sync.SaveAnswerAsync(answer, token);
            }
        });
}
