using System.Security.Cryptography;
using System.Text;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Ids;
using ArtBot.Domain.People;

namespace ArtBot.DemoTrain;

/// <summary>
/// The Aurora ART: its RTE, Product Manager, System Architect and Business Owners, and twelve teams of 9 to 11 people
/// (125 people in all). The Agents Playground's people have their Playground ids and roles: Alex Wilber is the RTE,
/// Lynne Robbins a Business Owner, Megan Bowen and Adele Vance team Rocket's Scrum Master and Product Owner.
/// </summary>
public sealed record DemoTrain(Art Art, IReadOnlyList<DemoTeam> Teams, DemoCalendar Calendar, Person ProductManager, Person Architect)
{
    public const int TeamCount = 12;
    public const int PeopleCount = 125;
    private static readonly int[] TeamSizes = [11, 10, 10, 9, 10, 10, 11, 9, 10, 10, 9, 10];

    public static readonly Person Alex = new("00000000-0000-0000-0000-000000000020", "Alex Wilber");
    public static readonly Person Megan = new("00000000-0000-0000-0000-000000000021", "Megan Bowen");
    public static readonly Person Adele = new("00000000-0000-0000-0000-000000000022", "Adele Vance");
    public static readonly Person Isaiah = new("00000000-0000-0000-0000-000000000023", "Isaiah Langer");
    public static readonly Person Patti = new("00000000-0000-0000-0000-000000000024", "Patti Fernandez");
    public static readonly Person Lynne = new("00000000-0000-0000-0000-000000000025", "Lynne Robbins");

    public string TenantId => Art.TenantId;

    public Person Rte => Art.Rtes[0];

    public IEnumerable<Person> People =>
        new[] { Rte, ProductManager, Architect }.Concat(Art.BusinessOwners).Concat(Teams.SelectMany(t => t.Members)).Distinct();

    /// <summary>The ART's id in a tenant and home channel: the same on every run.</summary>
    public static string ArtIdOf(DemoTrainOptions options) => DerivedIds.FromActivity(options.TenantId, options.HomeConversationId, "artbot-demo-train");

    /// <summary>The train for <paramref name="calendar"/>: the same people, teams and ids for the same options.</summary>
    public static DemoTrain Build(DemoTrainOptions options, DemoCalendar calendar)
    {
        var generated = new Queue<Person>(Enumerable.Range(0, DemoNames.Given.Length)
            .Select(i => $"{DemoNames.Given[i]} {DemoNames.Family[((i * 37) + options.Seed) % DemoNames.Family.Length]}")
            .Select(name => new Person(PersonId(name), name)));
        var productManager = generated.Dequeue();
        var architect = generated.Dequeue();
        var owners = new[] { Lynne, generated.Dequeue(), generated.Dequeue() };
        var setUp = DemoCalendar.At(calendar.SetUpDay, new TimeOnly(9, 0));
        var art = new Art
        {
            Id = ArtIdOf(options),
            TenantId = options.TenantId,
            Name = DemoTexts.ArtName,
            HomeConversationId = options.HomeConversationId,
            ServiceUrl = options.ServiceUrl,
            SummaryConversationId = options.HomeConversationId,
            CurrentPi = calendar.Current,
            Sync = new SyncSchedule(DayOfWeek.Wednesday, DemoCalendar.SyncTime, DemoCalendar.TimeZoneId),
            Rtes = [Alex],
            BusinessOwners = owners,
            ProductManagers = [productManager],
            Language = "en-US",
            SkippedDates = [DemoCalendar.SkippedSync(calendar.Current)],
            CreatedBy = Alex,
            CreatedAt = setUp,
        };

        var teams = new List<DemoTeam>();
        for (var t = 0; t < TeamCount; t++)
        {
            var text = DemoTexts.Teams[t];
            var (conversation, teamsTeam, group, serviceUrl) = t switch
            {
                0 => ("19:team-planning@thread.tacv2", options.HomeConversationId, "00000000-0000-0000-0000-000000000031", options.ServiceUrl),
                1 => ("19:comet-planning@thread.tacv2", "19:comet-general@thread.tacv2", "00000000-0000-0000-0000-000000000032", options.CometServiceUrl),
                _ => ($"19:aurora-{text.Name.ToLowerInvariant()}@thread.tacv2", $"19:aurora-{text.Name.ToLowerInvariant()}@thread.tacv2", null, options.ServiceUrl),
            };
            var fixedMembers = t switch
            {
                0 => new[] { Megan, Adele, Patti },
                1 => [Isaiah],
                _ => [],
            };
            // Comet's Scrum Master and Product Owner come first, then Isaiah, a developer.
            var members = t == 1
                ? [generated.Dequeue(), generated.Dequeue(), .. fixedMembers, .. Enumerable.Range(0, TeamSizes[t] - 3).Select(_ => generated.Dequeue())]
                : fixedMembers.Concat(Enumerable.Range(0, TeamSizes[t] - fixedMembers.Length).Select(_ => generated.Dequeue())).ToList();
            var team = new ArtTeam
            {
                TenantId = options.TenantId,
                ArtId = art.Id,
                ConversationId = conversation,
                TeamName = text.Name,
                ServiceUrl = serviceUrl,
                TeamsTeamId = teamsTeam,
                AadGroupId = group,
                JoinedBy = members[0],
                JoinedAt = setUp.AddHours(2 + t),
            };
            teams.Add(new DemoTeam(team, members, text, t));
        }

        return new DemoTrain(art, teams, calendar, productManager, architect);
    }

    /// <summary>An Entra-like object id for a made-up person.</summary>
    private static string PersonId(string name)
    {
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("artbot-demo-person\n" + name)));
        return $"{hex[..8]}-{hex[8..12]}-4{hex[13..16]}-8{hex[17..20]}-{hex[20..32]}";
    }
}

/// <summary>A team of the train: its channel in the ART, its people (Scrum Master first, then Product Owner), its texts.</summary>
public sealed record DemoTeam(ArtTeam Team, IReadOnlyList<Person> Members, DemoTeamText Text, int Index)
{
    public string Name => Team.TeamName;

    public string ConversationId => Team.ConversationId;

    /// <summary>Where the team's impediments are kept: its Teams team.</summary>
    public string ScopeId => Team.TeamsTeamId ?? Team.ConversationId;

    public Person ScrumMaster => Members[0];

    public Person ProductOwner => Members[1];

    /// <summary>The <paramref name="n"/>th member, cycling (for who raised, owns or answered something).</summary>
    public Person Member(int n) => Members[n % Members.Count];
}
