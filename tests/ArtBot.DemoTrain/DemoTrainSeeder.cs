using System.Globalization;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Text;
using Azure.Data.Tables;

namespace ArtBot.DemoTrain;

/// <summary>
/// Writes the demo train through the bot's stores: the ART and its teams, then votes, check-ins, impediments, objectives,
/// dependencies and improvement items side by side. Everything is drawn from the seed and dated from the day the ART was
/// set up (today's date on a first run, the stored ART's on later runs), and every write is a create-if-absent or a
/// step the store refuses when it was done: running it again finds everything and changes nothing.
/// </summary>
public sealed class DemoTrainSeeder(TableServiceClient tables, TimeProvider time, DemoTrainOptions options)
{
    private const int Writers = 8;

    /// <summary>How many writes of one kind run at once (six kinds side by side: about 50 requests in flight).</summary>
    internal static ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Writers, CancellationToken = cancellationToken };

    public async Task<DemoTrainResult> SeedAsync(CancellationToken cancellationToken)
    {
        using var english = Localized.Use(CultureInfo.GetCultureInfo("en-US")); // stored texts (commitments, history) are English
        var stores = await DemoStores.OpenAsync(tables, time, cancellationToken);
        var existing = await stores.Arts.GetAsync(options.TenantId, DemoTrain.ArtIdOf(options), cancellationToken);
        var calendar = existing is null
            ? DemoCalendar.For(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(DemoCalendar.TimeZoneId)).DateTime))
            : DemoCalendar.FromSetUpDay(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(existing.CreatedAt, TimeZoneInfo.FindSystemTimeZoneById(DemoCalendar.TimeZoneId)).DateTime));
        var train = DemoTrain.Build(options, calendar);
        await CreateArtAsync(stores, train, existing, cancellationToken);

        var random = new DemoRandom(options.Seed);
        var objectives = DemoObjectives.Plan(train, random);
        var (features, dependencies) = DemoBoard.Plan(train, DemoDependencies.Plan(train, random), random);
        var votes = DemoVotes.Plan(train, objectives, random);
        var impediments = DemoImpediments.Plan(train, votes, dependencies, random);
        var answers = DemoSync.Plan(train, impediments, dependencies, random);
        var improvements = DemoImprovements.Plan(train, random);
        var systemDemos = DemoSystemDemos.Plan(train, features, random);
        var pulses = DemoPulses.Plan(train, random);

        await Task.WhenAll(
            DemoVotes.WriteAsync(stores, votes, cancellationToken),
            DemoSync.WriteAsync(stores, answers, cancellationToken),
            DemoImpediments.WriteAsync(stores, impediments, cancellationToken),
            DemoObjectives.WriteAsync(stores, objectives, cancellationToken),
            DemoDependencies.WriteAsync(stores, dependencies, cancellationToken),
            DemoImprovements.WriteAsync(stores, train, improvements, cancellationToken),
            DemoBoard.WriteAsync(stores, train, features, cancellationToken),
            DemoSystemDemos.WriteAsync(stores, train, systemDemos, cancellationToken),
            DemoPulses.WriteAsync(stores, pulses, cancellationToken));

        return new DemoTrainResult(
            train.Art, train.Teams.Count, train.People.Count(), calendar.Pis.Count, votes.Count, votes.Sum(v => v.Ballots.Count), answers.Count,
            impediments.Count, objectives.Count, dependencies.Count, improvements.Count, Created: existing is null);
    }

    /// <summary>Sets the ART up in its channel and joins its teams, unless it was; a channel another ART holds stops the seeding.</summary>
    private static async Task CreateArtAsync(DemoStores stores, DemoTrain train, Art? existing, CancellationToken cancellationToken)
    {
        if (existing is null && !await stores.Arts.CreateAsync(train.Art, cancellationToken)
            && (await stores.Arts.FindByConversationAsync(train.TenantId, train.Art.HomeConversationId, cancellationToken))?.Art is { } other && other.Id != train.Art.Id)
        {
            throw new DemoTrainConflictException($"The channel {train.Art.HomeConversationId} already belongs to the ART \"{other.Name}\"; the demo train needs a storage without it.");
        }

        foreach (var team in train.Teams)
        {
            if (await stores.Arts.JoinAsync(team.Team, cancellationToken) == JoinResult.OtherArt)
            {
                throw new DemoTrainConflictException($"Team {team.Name}'s channel {team.ConversationId} already belongs to another ART; the demo train needs a storage without it.");
            }
        }
    }
}

/// <summary>What was seeded (counts of everything planned; on a later run the same counts, found rather than written).</summary>
public sealed record DemoTrainResult(
    Art Art, int Teams, int People, int Pis, int Votes, int Ballots, int CheckIns, int Impediments, int Objectives, int Dependencies, int Improvements, bool Created);

/// <summary>The storage already holds another ART in one of the demo train's channels.</summary>
public sealed class DemoTrainConflictException : Exception
{
    public DemoTrainConflictException()
        : this("Another ART holds one of the demo train's channels.")
    {
    }

    public DemoTrainConflictException(string message)
        : base(message)
    {
    }

    public DemoTrainConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
