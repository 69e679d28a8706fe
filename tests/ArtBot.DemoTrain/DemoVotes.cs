using System.Globalization;
using ArtBot.Domain.Ids;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Domain.Votes;

namespace ArtBot.DemoTrain;

/// <summary>
/// The confidence votes of each PI Planning: every team on its own objectives (a third of the teams vote anonymously),
/// then the whole ART, anonymously. One team per PI averages below 3, voices its concerns (one raised as a risk) and
/// votes again after reworking its plan.
/// </summary>
internal static class DemoVotes
{
    private static readonly int[] ReworkTeam = [6, 10, 3];

    public static IReadOnlyList<DemoVote> Plan(DemoTrain train, IReadOnlyList<DemoObjective> objectives, DemoRandom random)
    {
        var list = new List<DemoVote>();
        var locale = new CardLocale("en-US", DemoCalendar.TimeZoneId);
        foreach (var (pi, p) in train.Calendar.Pis.Select((pi, p) => (pi, p)))
        {
            var planning = DemoCalendar.PlanningDay(pi);
            var ofPi = objectives.Select(o => o.Final).Where(o => o.Pi == pi.Name).ToList();
            foreach (var team in train.Teams)
            {
                var rework = ReworkTeam[p] == team.Index;
                var vote = new Vote
                {
                    Id = DerivedIds.FromActivity(train.TenantId, team.ConversationId, $"demo-vote-{p}-1"),
                    TenantId = train.TenantId,
                    ConversationId = team.ConversationId,
                    PostedConversationId = team.ConversationId,
                    ServiceUrl = team.Team.ServiceUrl,
                    Question = "Are we confident in our PI objectives?",
                    Anonymous = team.Index % 3 == 1,
                    CreatorId = team.ScrumMaster.Id,
                    CreatorName = team.ScrumMaster.Name,
                    CreatedAt = DemoCalendar.At(planning, new TimeOnly(14, 0).AddMinutes(4 * team.Index)),
                    ArtId = train.Art.Id,
                    PiName = pi.Name,
                    Scope = VoteScope.Team,
                    TeamName = team.Name,
                    Commitment = ObjectiveRules.DescribeCommitment([.. ofPi.Where(o => o.TeamConversationId == team.ConversationId)]),
                    Locale = locale,
                };
                var first = Ballots(team.Members, rework ? 2.4 : random.Between(3.6, 4.3), random, atLeastThree: !rework);
                var concerns = Concerns(train, team, vote, first, rework, random);
                list.Add(new DemoVote(vote, first, concerns, vote.CreatedAt.AddMinutes(20)));
                if (rework)
                {
                    var again = vote with
                    {
                        Id = DerivedIds.FromActivity(train.TenantId, team.ConversationId, $"demo-vote-{p}-2"),
                        CreatedAt = DemoCalendar.At(planning, new TimeOnly(15, 45)),
                        Round = 2,
                        PreviousVoteId = vote.Id,
                    };
                    list.Add(new DemoVote(again, Ballots(team.Members, 3.8, random, atLeastThree: true), [], again.CreatedAt.AddMinutes(20)));
                }
            }

            var art = new Vote
            {
                Id = DerivedIds.FromActivity(train.TenantId, train.Art.HomeConversationId, $"demo-vote-{p}-art"),
                TenantId = train.TenantId,
                ConversationId = train.Art.HomeConversationId,
                PostedConversationId = train.Art.HomeConversationId,
                ServiceUrl = train.Art.ServiceUrl,
                Question = $"Is {train.Art.Name} confident in the plan for {pi.Name}?",
                Anonymous = true,
                CreatorId = train.Rte.Id,
                CreatorChannelId = "29:1-rte-alex",
                CreatorName = train.Rte.Name,
                CreatedAt = DemoCalendar.At(planning, new TimeOnly(16, 30)),
                ArtId = train.Art.Id,
                PiName = pi.Name,
                Scope = VoteScope.Art,
                Commitment = ObjectiveRules.DescribeCommitment(ofPi),
                Locale = locale,
            };
            var present = train.People.Where(_ => random.Chance(0.92)).ToList(); // a few are away on the day
            list.Add(new DemoVote(art, Ballots(present, 3.7 + (0.15 * p), random, atLeastThree: true), [], art.CreatedAt.AddMinutes(25)));
        }

        return list;
    }

    /// <summary>Creates each vote, casts its ballots, voices its concerns and closes it; a vote found closed is left as it is.</summary>
    public static Task WriteAsync(DemoStores stores, IReadOnlyList<DemoVote> votes, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(votes, DemoTrainSeeder.Parallelism(cancellationToken), async (planned, token) =>
        {
            var vote = planned.Vote;
            if (!await stores.Votes.CreateAsync(vote, token) && (await stores.Votes.GetAsync(vote.Id, token))?.IsClosed != false)
            {
                return;
            }

            // Anonymous: the store reads the vote's own salt (not the one of the vote record written here) to key the ballots.
            var stored = await stores.Votes.GetAsync(vote.Id, token) ?? vote;
            await Parallel.ForEachAsync(planned.Ballots, token, async (ballot, inner) =>
                await stores.Votes.CastAsync(stored, ballot.Voter.Id, ballot.Voter.Name, null, ballot.Value, inner));
            foreach (var concern in planned.Concerns)
            {
                await stores.Votes.AddConcernAsync(stored, concern.Id, concern.Text, concern.AuthorName, token);
                if (concern.RiskId is { } risk)
                {
                    await stores.Votes.MarkConcernRaisedAsync(vote.Id, concern.Id, risk, token);
                }
            }

            await stores.Votes.BeginCloseAsync(vote.Id, planned.ClosedAt, token);
            await stores.Votes.FinishCloseAsync(vote.Id, token);
        });

    /// <summary>Fists of five around <paramref name="mean"/>; a vote meant to pass averages 3 or more, one meant for rework below 3.</summary>
    private static List<DemoBallot> Ballots(IReadOnlyList<Person> voters, double mean, DemoRandom random, bool atLeastThree)
    {
        var values = voters.Select(_ => Math.Clamp((int)Math.Round(random.Gaussian(mean, 0.8)), VoteScale.Min, VoteScale.Max)).ToArray();
        while (values.Average() >= 3 != atLeastThree)
        {
            var i = random.Next(0, values.Length);
            values[i] = Math.Clamp(values[i] + (atLeastThree ? 1 : -1), VoteScale.Min, VoteScale.Max);
        }

        return [.. voters.Select((voter, i) => new DemoBallot(voter, values[i]))];
    }

    /// <summary>What voters of 1 or 2 said; on a vote that needs rework the first concern is raised as a risk.</summary>
    private static List<VoteConcern> Concerns(DemoTrain train, DemoTeam team, Vote vote, List<DemoBallot> ballots, bool rework, DemoRandom random)
    {
        var concerns = new List<VoteConcern>();
        var first = random.Next(0, DemoTexts.Concerns.Length);
        foreach (var ballot in ballots.Where(b => VoteScale.InvitesConcern(b.Value) && (rework || random.Chance(0.5))).Take(rework ? 3 : 1))
        {
            var other = train.Teams[(team.Index + 1 + random.Next(0, train.Teams.Count - 1)) % train.Teams.Count].Name;
            var id = DerivedIds.Of(16, "demo-concern", vote.Id, concerns.Count.ToString(CultureInfo.InvariantCulture));
            concerns.Add(new VoteConcern(DemoTexts.Concerns[(first + concerns.Count) % DemoTexts.Concerns.Length].Replace("{team}", other, StringComparison.Ordinal), vote.Anonymous ? null : ballot.Voter.Name)
            {
                Id = id,
                RiskId = rework && concerns.Count == 0 ? ImpedimentIds.FromKey(train.TenantId, team.ScopeId, "voteConcern:" + id) : null,
            });
        }

        return concerns;
    }
}

/// <summary>A vote with the ballots cast, the concerns voiced, and when it closed.</summary>
internal sealed record DemoVote(Vote Vote, IReadOnlyList<DemoBallot> Ballots, IReadOnlyList<VoteConcern> Concerns, DateTimeOffset ClosedAt);

internal sealed record DemoBallot(Person Voter, int Value);
