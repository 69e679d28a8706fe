using System.Text.Json.Serialization;
using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Improvements;

/// <summary><c>workshop.mine</c> ("My dots" on the shared card): the workshop.</summary>
public sealed record WorkshopData
{
    public string? WorkshopId { get; init; }
}

/// <summary><c>workshop.add</c>: the workshop and the problem typed.</summary>
public sealed record WorkshopAddData
{
    public const string ProblemInput = "problem";

    public string? WorkshopId { get; init; }

    [JsonPropertyName(ProblemInput)]
    public string? Problem { get; init; }
}

/// <summary><c>workshop.dot</c>: the workshop, the problem and whether the dot is spent or taken back.</summary>
public sealed record WorkshopDotData
{
    public string? WorkshopId { get; init; }

    public string? ProblemId { get; init; }

    /// <summary><see cref="WorkshopCard.SpendOp"/> or <see cref="WorkshopCard.TakeBackOp"/>.</summary>
    public string? Op { get; init; }
}

/// <summary><c>workshop.close</c>: the workshop, how many of the top problems to select, and any picked by hand (comma-separated ids).</summary>
public sealed record WorkshopCloseData
{
    public const string TopInput = "top";
    public const string PickInput = "pick";

    public string? WorkshopId { get; init; }

    [JsonPropertyName(TopInput)]
    public string? Top { get; init; }

    [JsonPropertyName(PickInput)]
    public string? Pick { get; init; }
}

/// <summary><c>improvement.show</c>: the item.</summary>
public sealed record ImprovementShowData
{
    public string? ItemId { get; init; }
}

/// <summary>
/// <c>improvement.set</c>: the item, the field the button changes, the value the card showed (<see cref="Seen"/>), and
/// the item card's inputs (each button reads those of its field).
/// </summary>
public sealed record ImprovementSetData
{
    public const string OwnerInput = "owner";
    public const string StatusInput = "status";
    public const string OutcomeInput = "outcome";
    public const string ImpedimentsInput = "impediments";
    public const string Why1Input = "why1";
    public const string Why2Input = "why2";
    public const string Why3Input = "why3";
    public const string Why4Input = "why4";
    public const string Why5Input = "why5";

    /// <summary>The root cause's inputs, first why first.</summary>
    public static IReadOnlyList<string> WhyInputs { get; } = [Why1Input, Why2Input, Why3Input, Why4Input, Why5Input];

    public string? ItemId { get; init; }

    /// <summary>One of <see cref="Domain.Improvements.ImprovementField.Editable"/>.</summary>
    public string? Field { get; init; }

    /// <summary>The field's value the card showed, so a change made meanwhile is reported, not overwritten.</summary>
    public string? Seen { get; init; }

    [JsonPropertyName(OwnerInput)]
    public string? Owner { get; init; }

    [JsonPropertyName(StatusInput)]
    public string? Status { get; init; }

    [JsonPropertyName(OutcomeInput)]
    public string? Outcome { get; init; }

    [JsonPropertyName(ImpedimentsInput)]
    public string? Impediments { get; init; }

    [JsonPropertyName(Why1Input)]
    public string? Why1 { get; init; }

    [JsonPropertyName(Why2Input)]
    public string? Why2 { get; init; }

    [JsonPropertyName(Why3Input)]
    public string? Why3 { get; init; }

    [JsonPropertyName(Why4Input)]
    public string? Why4 { get; init; }

    [JsonPropertyName(Why5Input)]
    public string? Why5 { get; init; }

    /// <summary>The five whys as typed, first why first.</summary>
    public IReadOnlyList<string?> Whys() => [Why1, Why2, Why3, Why4, Why5];
}

/// <summary>The workshop and improvement item cards' data, as the cards write it and the handlers read it.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CardTextConverter), typeof(CardNumberConverter)])]
[JsonSerializable(typeof(WorkshopData))]
[JsonSerializable(typeof(WorkshopAddData))]
[JsonSerializable(typeof(WorkshopDotData))]
[JsonSerializable(typeof(WorkshopCloseData))]
[JsonSerializable(typeof(ImprovementShowData))]
[JsonSerializable(typeof(ImprovementSetData))]
public sealed partial class ImprovementCardDataContext : JsonSerializerContext;
