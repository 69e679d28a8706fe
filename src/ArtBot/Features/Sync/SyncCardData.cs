using System.Text.Json;
using System.Text.Json.Serialization;
using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Sync;

/// <summary>
/// <c>sync.answer</c>: the ART and the sync the check-in prompt is for, and the prompt's inputs: status, progress, three
/// blockers and three dependencies (each with its "needs help" toggle), milestones.
/// </summary>
public sealed record CheckInAnswerData
{
    public const string StatusInput = "status";
    public const string ProgressInput = "progress";
    public const string MilestonesInput = "milestones";
    public const string Blocker1Input = "blocker1";
    public const string Blocker2Input = "blocker2";
    public const string Blocker3Input = "blocker3";
    public const string Dependency1Input = "dependency1";
    public const string Dependency2Input = "dependency2";
    public const string Dependency3Input = "dependency3";
    public const string Blocker1HelpInput = Blocker1Input + HelpSuffix;
    public const string Blocker2HelpInput = Blocker2Input + HelpSuffix;
    public const string Blocker3HelpInput = Blocker3Input + HelpSuffix;
    public const string Dependency1HelpInput = Dependency1Input + HelpSuffix;
    public const string Dependency2HelpInput = Dependency2Input + HelpSuffix;
    public const string Dependency3HelpInput = Dependency3Input + HelpSuffix;
    private const string HelpSuffix = "Help";

    /// <summary>The inputs of the blocker slots: text and "needs help" toggle.</summary>
    public static IReadOnlyList<(string Text, string Help)> BlockerInputs { get; } =
        [(Blocker1Input, Blocker1HelpInput), (Blocker2Input, Blocker2HelpInput), (Blocker3Input, Blocker3HelpInput)];

    /// <summary>The inputs of the dependency slots: text and "needs help" toggle.</summary>
    public static IReadOnlyList<(string Text, string Help)> DependencyInputs { get; } =
        [(Dependency1Input, Dependency1HelpInput), (Dependency2Input, Dependency2HelpInput), (Dependency3Input, Dependency3HelpInput)];

    public string? ArtId { get; init; }

    /// <summary>The sync's date (<c>yyyyMMdd</c>).</summary>
    public string? Occurrence { get; init; }

    [JsonPropertyName(StatusInput)]
    public string? Status { get; init; }

    [JsonPropertyName(ProgressInput)]
    public string? Progress { get; init; }

    [JsonPropertyName(MilestonesInput)]
    public string? Milestones { get; init; }

    [JsonPropertyName(Blocker1Input)]
    public string? Blocker1 { get; init; }

    [JsonPropertyName(Blocker1HelpInput)]
    public string? Blocker1Help { get; init; }

    [JsonPropertyName(Blocker2Input)]
    public string? Blocker2 { get; init; }

    [JsonPropertyName(Blocker2HelpInput)]
    public string? Blocker2Help { get; init; }

    [JsonPropertyName(Blocker3Input)]
    public string? Blocker3 { get; init; }

    [JsonPropertyName(Blocker3HelpInput)]
    public string? Blocker3Help { get; init; }

    [JsonPropertyName(Dependency1Input)]
    public string? Dependency1 { get; init; }

    [JsonPropertyName(Dependency1HelpInput)]
    public string? Dependency1Help { get; init; }

    [JsonPropertyName(Dependency2Input)]
    public string? Dependency2 { get; init; }

    [JsonPropertyName(Dependency2HelpInput)]
    public string? Dependency2Help { get; init; }

    [JsonPropertyName(Dependency3Input)]
    public string? Dependency3 { get; init; }

    [JsonPropertyName(Dependency3HelpInput)]
    public string? Dependency3Help { get; init; }

    /// <summary>The blocker slots as sent: text and "needs help", in order.</summary>
    public IReadOnlyList<(string? Text, string? Help)> Blockers() => [(Blocker1, Blocker1Help), (Blocker2, Blocker2Help), (Blocker3, Blocker3Help)];

    /// <summary>The dependency slots as sent: text and "needs help", in order.</summary>
    public IReadOnlyList<(string? Text, string? Help)> Dependencies() =>
        [(Dependency1, Dependency1Help), (Dependency2, Dependency2Help), (Dependency3, Dependency3Help)];
}

/// <summary>
/// <c>sync.raise</c> and <c>sync.track</c>: one item needing help on the summary (the ART, the sync, the team, the kind
/// and the item's index in the team's answer) and, to track a dependency, the team chosen to provide it.
/// </summary>
public sealed record SummaryItemData
{
    private const string ProviderPrefix = "provider-";

    public string? ArtId { get; init; }

    /// <summary>The sync's date (<c>yyyyMMdd</c>).</summary>
    public string? Occurrence { get; init; }

    /// <summary>The team's conversation id.</summary>
    public string? Team { get; init; }

    /// <summary><c>blocker</c> or <c>dependency</c>.</summary>
    public string? Kind { get; init; }

    public int? Index { get; init; }

    /// <summary>The summary's "provided by" choices, one per item.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }

    /// <summary>The id of the "provided by" choice of the item keyed <paramref name="itemKey"/> (one per item on the card).</summary>
    public static string ProviderInput(string itemKey) => ProviderPrefix + SummaryCard.StableHash(itemKey);

    /// <summary>The team chosen to provide the item keyed <paramref name="itemKey"/>.</summary>
    public string? Provider(string itemKey) => CardData.Input(Inputs, ProviderInput(itemKey));
}

/// <summary>
/// The sync cards' data, as the cards write it and the handlers read it. A value that is there but not a string, number
/// or boolean reads as <c>?</c>, so the check-in's checks name it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CardCheckedTextConverter), typeof(CardNumberConverter)])]
[JsonSerializable(typeof(CheckInAnswerData))]
[JsonSerializable(typeof(SummaryItemData))]
public sealed partial class SyncCardDataContext : JsonSerializerContext;
