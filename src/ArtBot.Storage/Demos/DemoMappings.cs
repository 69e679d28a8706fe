using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Planning;
using ArtBot.Storage.Planning;
using Azure.Data.Tables;

namespace ArtBot.Storage.Demos;

/// <summary>
/// The System Demo's stores over the <c>planning</c> table (<see cref="PlanMappings.TableName"/>): the same
/// <see cref="PlanStore{T, TEntity}"/> as objectives, so each row has its history and ETag-guarded updates.
/// </summary>
public static class DemoMappings
{
    public static IPlanStore<SystemDemo> Demos(TableClient table) => Store(table, "demo", DemoJsonContext.Default.SystemDemo, (d, v) => d with { Version = v });

    public static IPlanStore<DemoTeamAnswer> TeamAnswers(TableClient table) => Store(table, "demoteam", DemoJsonContext.Default.DemoTeamAnswer, (a, v) => a with { Version = v });

    public static IPlanStore<DemoFeedback> Feedback(TableClient table) => Store(table, "demofeedback", DemoJsonContext.Default.DemoFeedback, (f, v) => f with { Version = v });

    public static IPlanStore<IntegrationProblem> Problems(TableClient table) => Store(table, "integration", DemoJsonContext.Default.IntegrationProblem, (p, v) => p with { Version = v });

    // The version is the row's ETag, never what the JSON carried when it was written.
    private static PlanStore<T, DemoEntity> Store<T>(TableClient table, string kind, JsonTypeInfo<T> json, Func<T, string, T> withVersion)
        where T : class, IPlanItem =>
        new(table, kind,
            item => new DemoEntity { Pi = item.Pi, CreatedAt = item.CreatedAt, Data = JsonSerializer.Serialize(item, json) },
            entity => withVersion(JsonSerializer.Deserialize(entity.Data, json)!, entity.ETag.ToString()));
}
