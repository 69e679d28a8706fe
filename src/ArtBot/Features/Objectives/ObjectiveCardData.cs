using System.Text.Json;
using System.Text.Json.Serialization;
using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Objectives;

/// <summary><c>objectives.show</c>: the team whose card to show; absent, every team's (from the ART's channel).</summary>
public sealed record ObjectivesShowData
{
    /// <summary>The team's conversation id.</summary>
    public string? Team { get; init; }
}

/// <summary><c>objective.add</c>: the team and the add form's inputs.</summary>
public sealed record ObjectiveAddData
{
    public const string TextInput = ObjectiveEditData.TextPrefix + NewId;
    public const string StretchInput = ObjectiveEditData.StretchPrefix + NewId;
    public const string FeaturesInput = ObjectiveFeaturesData.FeaturesPrefix + NewId;

    /// <summary>The add form's inputs are named as an objective's edit form's, for an objective "new".</summary>
    private const string NewId = "new";

    public string? Team { get; init; }

    [JsonPropertyName(TextInput)]
    public string? Text { get; init; }

    /// <summary>A toggle: <c>true</c> for a stretch (uncommitted) objective.</summary>
    [JsonPropertyName(StretchInput)]
    public string? Stretch { get; init; }

    /// <summary>The features it covers: ids, comma-separated; absent when the form offered none.</summary>
    [JsonPropertyName(FeaturesInput)]
    public string? Features { get; init; }
}

/// <summary>
/// <c>objective.edit</c>: the team, the objective, what the card showed (<see cref="Seen"/>) and the objective's edit
/// form, whose input ids carry the objective's id (one card holds a form per objective).
/// </summary>
public sealed record ObjectiveEditData
{
    public const string TextPrefix = "objectiveText-";
    public const string StretchPrefix = "objectiveStretch-";

    public string? Team { get; init; }

    public string? Id { get; init; }

    /// <summary>The text and commitment the card showed, so a change made meanwhile is reported, not overwritten.</summary>
    public string? Seen { get; init; }

    /// <summary>The card's inputs of every objective.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }

    public static string TextInput(string objectiveId) => TextPrefix + objectiveId;

    public static string StretchInput(string objectiveId) => StretchPrefix + objectiveId;

    /// <summary>The text typed for this objective.</summary>
    public string? Text() => CardData.Input(Inputs, TextInput(Id ?? ""));

    /// <summary>The stretch toggle of this objective.</summary>
    public string? Stretch() => CardData.Input(Inputs, StretchInput(Id ?? ""));
}

/// <summary>
/// <c>objective.planned</c> and <c>objective.actual</c>: the team, the objective, the value the card showed and the
/// value typed into the objective's own number input.
/// </summary>
public sealed record ObjectiveValueData
{
    private const string ValuePrefix = "objectiveValue-";

    public string? Team { get; init; }

    public string? Id { get; init; }

    /// <summary>The value the card showed, so a change made meanwhile is reported, not overwritten.</summary>
    public string? Seen { get; init; }

    /// <summary>The card's inputs of every objective.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }

    public static string ValueInput(string objectiveId) => ValuePrefix + objectiveId;

    /// <summary>The value typed for this objective.</summary>
    public string? Value() => CardData.Input(Inputs, ValueInput(Id ?? ""));
}

/// <summary>
/// <c>objective.features</c> (the objective's features form) and <c>objective.cover</c> (its "Save"): the team, the
/// objective, the features the form showed as covered (<see cref="Seen"/>) and the ids chosen in its multi-select.
/// </summary>
public sealed record ObjectiveFeaturesData
{
    public const string FeaturesPrefix = "objectiveFeatures-";

    public string? Team { get; init; }

    public string? Id { get; init; }

    /// <summary>The covered features the form showed, so a change made meanwhile is reported, not overwritten.</summary>
    public string? Seen { get; init; }

    /// <summary>The card's inputs.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }

    public static string FeaturesInput(string objectiveId) => FeaturesPrefix + objectiveId;

    /// <summary>The ids chosen for this objective, comma-separated.</summary>
    public string? Features() => CardData.Input(Inputs, FeaturesInput(Id ?? ""));
}

/// <summary><c>objective.history</c>: the team and the objective.</summary>
public sealed record ObjectiveHistoryData
{
    public string? Team { get; init; }

    public string? Id { get; init; }
}

/// <summary>The objectives cards' data, as the cards write it and the handlers read it.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CardTextConverter), typeof(CardNumberConverter)])]
[JsonSerializable(typeof(ObjectivesShowData))]
[JsonSerializable(typeof(ObjectiveAddData))]
[JsonSerializable(typeof(ObjectiveEditData))]
[JsonSerializable(typeof(ObjectiveValueData))]
[JsonSerializable(typeof(ObjectiveHistoryData))]
[JsonSerializable(typeof(ObjectiveFeaturesData))]
public sealed partial class ObjectiveCardDataContext : JsonSerializerContext;
