using ArtBot.Domain.Arts;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Pulses;
using ArtBot.Domain.Sync;
using ArtBot.Domain.Votes;
using ArtBot.Storage.Arts;
using ArtBot.Storage.Demos;
using ArtBot.Storage.Impediments;
using ArtBot.Storage.Improvements;
using ArtBot.Storage.Planning;
using ArtBot.Storage.Pulses;
using ArtBot.Storage.Sync;
using ArtBot.Storage.Votes;
using Azure.Data.Tables;

namespace ArtBot.DemoTrain;

/// <summary>The bot's own stores over its own tables (the same classes and table names the bot registers).</summary>
public sealed class DemoStores
{
    private readonly TableClient _impediments;

    private DemoStores(TableServiceClient tables, TimeProvider time)
    {
        Arts = new ArtStore(tables.GetTableClient(ArtStore.TableName), tables.GetTableClient(ArtStore.ConversationsTableName), time);
        Votes = new VoteStore(tables.GetTableClient(VoteStore.TableName), tables.GetTableClient(VoteStore.IndexTableName), tables.GetTableClient(VoteStore.DueTableName));
        Sync = new SyncStore(tables.GetTableClient(SyncStore.TableName));
        Improvements = new ImprovementStore(tables.GetTableClient(ImprovementStore.TableName));
        var planning = tables.GetTableClient(PlanMappings.TableName);
        Objectives = PlanMappings.Objectives(planning);
        Dependencies = PlanMappings.Dependencies(planning);
        Features = PlanMappings.Features(planning);
        Milestones = PlanMappings.Milestones(planning);
        Capacities = PlanMappings.Capacities(planning);
        SystemDemos = DemoMappings.Demos(planning);
        DemoAnswers = DemoMappings.TeamAnswers(planning);
        DemoFeedback = DemoMappings.Feedback(planning);
        IntegrationProblems = DemoMappings.Problems(planning);
        Pulses = new PulseStore(tables.GetTableClient(PulseStore.TableName));
        _impediments = tables.GetTableClient(ImpedimentStore.TableName);
        Impediments = ImpedimentsAt(time);
    }

    /// <summary>Every table the stores write to.</summary>
    public static IReadOnlyList<string> TableNames { get; } =
    [
        ArtStore.TableName, ArtStore.ConversationsTableName, VoteStore.TableName, VoteStore.IndexTableName, VoteStore.DueTableName,
        SyncStore.TableName, ImprovementStore.TableName, PlanMappings.TableName, ImpedimentStore.TableName, PulseStore.TableName,
    ];

    public IArtStore Arts { get; }

    public IVoteStore Votes { get; }

    public ISyncStore Sync { get; }

    public IImprovementStore Improvements { get; }

    public IPlanStore<PiObjective> Objectives { get; }

    public IPlanStore<Dependency> Dependencies { get; }

    public IPlanStore<Feature> Features { get; }

    public IPlanStore<Milestone> Milestones { get; }

    public IPlanStore<TeamCapacity> Capacities { get; }

    public IImpedimentStore Impediments { get; }

    public IPlanStore<SystemDemo> SystemDemos { get; }

    public IPlanStore<DemoTeamAnswer> DemoAnswers { get; }

    public IPlanStore<DemoFeedback> DemoFeedback { get; }

    public IPlanStore<IntegrationProblem> IntegrationProblems { get; }

    public IPulseStore Pulses { get; }

    /// <summary>Creates the tables (as the bot does at start-up) and the stores over them.</summary>
    public static async Task<DemoStores> OpenAsync(TableServiceClient tables, TimeProvider time, CancellationToken cancellationToken)
    {
        await Task.WhenAll(TableNames.Select(name => tables.CreateTableIfNotExistsAsync(name, cancellationToken)));
        return new DemoStores(tables, time);
    }

    /// <summary>The impediment store with its clock at <paramref name="at"/>: the history records a change then.</summary>
    public IImpedimentStore ImpedimentsAt(DateTimeOffset at) => ImpedimentsAt(new FixedTime(at));

    private ImpedimentStore ImpedimentsAt(TimeProvider time) => new(_impediments, time);

    /// <summary>A clock that always says one instant.</summary>
    private sealed class FixedTime(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}
