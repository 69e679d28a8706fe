using System.Text.Json;
using System.Text.Json.Serialization;
using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Backlog;

/// <summary><c>feature.add</c>: the feature form's inputs (the ART is the channel's).</summary>
public sealed record FeatureAddData
{
    public const string TitleInput = "featureTitle";
    public const string DescriptionInput = "featureDescription";
    public const string BusinessValueInput = "featureBusinessValue";
    public const string ValueInput = "featureWsjfValue";
    public const string CriticalityInput = "featureWsjfCriticality";
    public const string RiskInput = "featureWsjfRisk";
    public const string SizeInput = "featureWsjfSize";
    public const string TeamsInput = "featureTeams";

    [JsonPropertyName(TitleInput)]
    public string? Title { get; init; }

    [JsonPropertyName(DescriptionInput)]
    public string? Description { get; init; }

    [JsonPropertyName(BusinessValueInput)]
    public string? BusinessValue { get; init; }

    [JsonPropertyName(ValueInput)]
    public string? WsjfValue { get; init; }

    [JsonPropertyName(CriticalityInput)]
    public string? WsjfCriticality { get; init; }

    [JsonPropertyName(RiskInput)]
    public string? WsjfRisk { get; init; }

    [JsonPropertyName(SizeInput)]
    public string? WsjfSize { get; init; }

    /// <summary>The teams chosen: their conversation ids, comma-separated (a multi-select's value).</summary>
    [JsonPropertyName(TeamsInput)]
    public string? Teams { get; init; }
}

/// <summary><c>features.show</c>: the page of the PI's features to show (1 first).</summary>
public sealed record FeaturesShowData
{
    public int? Page { get; init; }
}

/// <summary><c>plan.show</c>: the team whose plan card to show, and its page.</summary>
public sealed record PlanShowData
{
    public string? Team { get; init; }

    public int? Page { get; init; }
}

/// <summary>
/// <c>plan.save</c>: the team, the page, what the card showed of each feature's part (<see cref="Seen"/>: feature id →
/// "iteration|points", empty for none) and of the capacity ("20,20,,10": one figure per iteration), and the card's
/// inputs, whose ids carry the feature id or the iteration.
/// </summary>
public sealed record PlanSaveData
{
    public const string IterationPrefix = "planIteration-";
    public const string PointsPrefix = "planPoints-";
    public const string CapacityPrefix = "planCapacity-";
    /// <summary>The iteration choice's value for "not planned".</summary>
    public const string NotPlanned = "none";

    public string? Team { get; init; }

    public int? Page { get; init; }

    public Dictionary<string, string>? Seen { get; init; }

    public string? SeenCapacity { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }

    public static string IterationInput(string featureId) => IterationPrefix + featureId;

    public static string PointsInput(string featureId) => PointsPrefix + featureId;

    public static string CapacityInput(int iteration) => CapacityPrefix + iteration.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string? Iteration(string featureId) => CardData.Input(Inputs, IterationInput(featureId));

    public string? Points(string featureId) => CardData.Input(Inputs, PointsInput(featureId));

    public string? Capacity(int iteration) => CardData.Input(Inputs, CapacityInput(iteration));
}

/// <summary><c>milestone.remove</c>: the milestone to take off the board.</summary>
public sealed record MilestoneRemoveData
{
    public string? Id { get; init; }
}

/// <summary>The backlog cards' data, as the cards write it and the handlers read it.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CardTextConverter), typeof(CardNumberConverter)])]
[JsonSerializable(typeof(FeatureAddData))]
[JsonSerializable(typeof(FeaturesShowData))]
[JsonSerializable(typeof(PlanShowData))]
[JsonSerializable(typeof(PlanSaveData))]
[JsonSerializable(typeof(MilestoneRemoveData))]
public sealed partial class BacklogCardDataContext : JsonSerializerContext;
