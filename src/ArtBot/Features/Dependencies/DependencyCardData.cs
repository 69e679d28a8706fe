using System.Text.Json.Serialization;
using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Dependencies;

/// <summary>
/// <c>dependency.create</c>: the requesting team the form is for, and what was asked: the need, the providing team, the
/// iteration it is needed by and, optionally, the team's objective it serves (<see cref="DependencyFormCard.NoObjective"/>: none)
/// and the team's feature that needs it (<see cref="DependencyFeatures.None"/>: none).
/// </summary>
public sealed record DependencyCreateData
{
    public const string TextInput = "dependencyText";
    public const string ProviderInput = "dependencyProvider";
    public const string NeededByInput = "dependencyNeededBy";
    public const string ObjectiveInput = "dependencyObjective";
    public const string FeatureInput = "dependencyForFeature";

    /// <summary>The requesting team's conversation id.</summary>
    public string? Team { get; init; }

    [JsonPropertyName(TextInput)]
    public string? Text { get; init; }

    [JsonPropertyName(ProviderInput)]
    public string? Provider { get; init; }

    [JsonPropertyName(NeededByInput)]
    public string? NeededBy { get; init; }

    [JsonPropertyName(ObjectiveInput)]
    public string? Objective { get; init; }

    [JsonPropertyName(FeatureInput)]
    public string? Feature { get; init; }
}

/// <summary><c>dependency.show</c>, <c>dependency.deliver</c> and <c>dependency.risk</c>: the dependency.</summary>
public sealed record DependencyData
{
    public string? Id { get; init; }
}

/// <summary>
/// <c>dependency.commit</c>: the dependency, the iteration the providing team commits to and, when the card offered it,
/// the team's feature that delivers it (<see cref="DependencyFeatures.None"/>: none; absent: as it was).
/// </summary>
public sealed record DependencyCommitData
{
    public const string IterationInput = "dependencyIteration";
    public const string FeatureInput = "dependencyByFeature";

    public string? Id { get; init; }

    [JsonPropertyName(IterationInput)]
    public string? Iteration { get; init; }

    [JsonPropertyName(FeatureInput)]
    public string? Feature { get; init; }
}

/// <summary><c>dependency.decline</c>: the dependency and why the providing team cannot provide it.</summary>
public sealed record DependencyDeclineData
{
    public const string ReasonInput = "dependencyReason";

    public string? Id { get; init; }

    [JsonPropertyName(ReasonInput)]
    public string? Reason { get; init; }
}

/// <summary>The dependency cards' data, as the cards write it and the handlers read it.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CardTextConverter), typeof(CardNumberConverter)])]
[JsonSerializable(typeof(DependencyCreateData))]
[JsonSerializable(typeof(DependencyData))]
[JsonSerializable(typeof(DependencyCommitData))]
[JsonSerializable(typeof(DependencyDeclineData))]
public sealed partial class DependencyCardDataContext : JsonSerializerContext;
