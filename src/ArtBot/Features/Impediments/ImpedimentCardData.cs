using System.Text.Json;
using System.Text.Json.Serialization;
using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Impediments;

/// <summary>
/// <c>impediment.show</c>, <c>impediment.take</c>, <c>impediment.chooseOwner</c>, <c>impediment.escalate</c> and
/// <c>impediment.reopen</c>: the impediment (the scope comes from the activity).
/// </summary>
public sealed record ImpedimentData
{
    public string? ImpedimentId { get; init; }
}

/// <summary><c>impediment.setOwner</c>: the impediment, the people the picker offered (id to name) and the one chosen.</summary>
public sealed record ImpedimentOwnerData
{
    public const string OwnerInput = "ownerId";

    public string? ImpedimentId { get; init; }

    public IReadOnlyDictionary<string, string>? People { get; init; }

    [JsonPropertyName(OwnerInput)]
    public string? OwnerId { get; init; }
}

/// <summary>
/// <c>impediment.roam</c>: the impediment and the status chosen: input <see cref="RoamInput"/> on its card,
/// <see cref="ListRoamInput"/> on its line of a list (one list holds many).
/// </summary>
public sealed record ImpedimentRoamData
{
    public const string RoamInput = "roam";

    public string? ImpedimentId { get; init; }

    [JsonPropertyName(RoamInput)]
    public string? Roam { get; init; }

    /// <summary>The list's per-line inputs.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Inputs { get; set; }

    /// <summary>The id of the ROAM choice on the list line of <paramref name="impedimentId"/>.</summary>
    public static string ListRoamInput(string? impedimentId) => RoamInput + "-" + impedimentId;

    /// <summary>The status chosen, on the card or on the list line.</summary>
    public string? Chosen() => Roam ?? CardData.Input(Inputs, ListRoamInput(ImpedimentId));
}

/// <summary><c>impediment.resolve</c>: the impediment and the resolution note.</summary>
public sealed record ImpedimentResolveData
{
    public const string NoteInput = "note";

    public string? ImpedimentId { get; init; }

    [JsonPropertyName(NoteInput)]
    public string? Note { get; init; }
}

/// <summary>
/// <c>impediment.raise</c> (the form <c>impediment</c> answers with) and the message extension dialog's submit: the
/// fields typed, and the message the dialog was started from.
/// </summary>
public sealed record ImpedimentRaiseData
{
    public const string TitleInput = "title";
    public const string DescriptionInput = "description";
    public const string KindInput = "kind";
    public const string SeverityInput = "severity";
    public const string TeamInput = "team";

    [JsonPropertyName(TitleInput)]
    public string? Title { get; init; }

    [JsonPropertyName(DescriptionInput)]
    public string? Description { get; init; }

    [JsonPropertyName(KindInput)]
    public string? Kind { get; init; }

    [JsonPropertyName(SeverityInput)]
    public string? Severity { get; init; }

    [JsonPropertyName(TeamInput)]
    public string? Team { get; init; }

    public string? SourceMessageId { get; init; }
}

/// <summary><c>impediments.page</c>: which list (kind and filter) and how many items to skip.</summary>
public sealed record ImpedimentPageData
{
    /// <summary><c>impediment</c> or <c>risk</c>.</summary>
    public string? Kind { get; init; }

    /// <summary><c>open</c> (or empty), <c>all</c> or <c>mine</c>.</summary>
    public string? Filter { get; init; }

    public int? Skip { get; init; }
}

/// <summary>The impediment cards' and the raise dialog's data, as the cards write it and the handlers read it.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CardTextConverter), typeof(CardNumberConverter)])]
[JsonSerializable(typeof(ImpedimentData))]
[JsonSerializable(typeof(ImpedimentOwnerData))]
[JsonSerializable(typeof(ImpedimentRoamData))]
[JsonSerializable(typeof(ImpedimentResolveData))]
[JsonSerializable(typeof(ImpedimentRaiseData))]
[JsonSerializable(typeof(ImpedimentPageData))]
public sealed partial class ImpedimentCardDataContext : JsonSerializerContext;
