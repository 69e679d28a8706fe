using System.Text.Json.Serialization;
using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Votes;

/// <summary><c>vote.start</c>: the "new vote" form's inputs (the form's button sends no data of its own).</summary>
public sealed record VoteStartData
{
    public const string QuestionInput = "question";
    public const string ModeInput = "mode";
    public const string ResultsInput = "results";
    public const string DeadlineInput = "deadline";
    public const string ScopeInput = "scope";

    [JsonPropertyName(QuestionInput)]
    public string? Question { get; init; }

    [JsonPropertyName(ModeInput)]
    public string? Mode { get; init; }

    [JsonPropertyName(ResultsInput)]
    public string? Results { get; init; }

    [JsonPropertyName(DeadlineInput)]
    public string? Deadline { get; init; }

    [JsonPropertyName(ScopeInput)]
    public string? Scope { get; init; }
}

/// <summary><c>vote.cast</c>: a ballot button, the vote and its value.</summary>
public sealed record VoteCastData
{
    public string? VoteId { get; init; }

    public int? Value { get; init; }
}

/// <summary><c>vote.refresh</c> ("My vote", the card's refresh), <c>vote.close</c> and <c>vote.again</c>: the vote.</summary>
public sealed record VoteData
{
    public string? VoteId { get; init; }
}

/// <summary><c>vote.concern</c>: the vote, and the concern typed into the voter's own view.</summary>
public sealed record VoteConcernData
{
    public const string ConcernInput = "concern";

    public string? VoteId { get; init; }

    [JsonPropertyName(ConcernInput)]
    public string? Concern { get; init; }
}

/// <summary><c>vote.risk</c>: the vote and the concern to raise as a risk.</summary>
public sealed record VoteRiskData
{
    public string? VoteId { get; init; }

    public string? ConcernId { get; init; }
}

/// <summary>The vote cards' data, as the cards write it and the handlers read it.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CardTextConverter), typeof(CardNumberConverter)])]
[JsonSerializable(typeof(VoteStartData))]
[JsonSerializable(typeof(VoteCastData))]
[JsonSerializable(typeof(VoteData))]
[JsonSerializable(typeof(VoteConcernData))]
[JsonSerializable(typeof(VoteRiskData))]
public sealed partial class VoteCardDataContext : JsonSerializerContext;
