using System.Text.Json.Serialization;
using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Pulses;

/// <summary><c>pulse.send</c>: the pulse (PI and iteration; the team is the channel's) and the answer chosen.</summary>
public sealed record PulseSendData
{
    public const string ScoreInput = "score";
    public const string WordInput = "word";

    public string? Pi { get; init; }

    public int? Iteration { get; init; }

    [JsonPropertyName(ScoreInput)]
    public int? Score { get; init; }

    [JsonPropertyName(WordInput)]
    public string? Word { get; init; }
}

/// <summary>The pulse card's data, as the card writes it and the handler reads it.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CardTextConverter), typeof(CardNumberConverter)])]
[JsonSerializable(typeof(PulseSendData))]
public sealed partial class PulseCardDataContext : JsonSerializerContext;
