using System.Text.Json.Serialization;
using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Demos;

/// <summary>The System Demo cards' verbs: one place, so the agenda card (which offers them) and their handlers agree.</summary>
public static class DemoVerbs
{
    /// <summary>A team says what it will show (its prompt card): <see cref="DemoAnswerData"/>.</summary>
    public const string Answer = "demo.answer";
    /// <summary>Feedback on one agenda item: <see cref="DemoFeedbackData"/>.</summary>
    public const string Feedback = "demo.feedback";
    /// <summary>The agenda card's refresh and "My feedback": the person's own view. <see cref="DemoRefData"/>.</summary>
    public const string Refresh = "demo.refresh";
    /// <summary>"Integration problem" on an item (or the demo): <see cref="DemoProblemData"/>.</summary>
    public const string Problem = "demo.problem";
    /// <summary>Root cause and repair plan of an integration problem, or "repaired": <see cref="DemoRepairData"/>.</summary>
    public const string Repair = "demo.repair";
    /// <summary>"Make an improvement item" from a "needs work" (the team's feedback card): <see cref="DemoFollowUpData"/>.</summary>
    public const string Improve = "demo.improve";
    /// <summary>"Change the feature" from a "needs work" (the team's feedback card): <see cref="DemoFollowUpData"/>.</summary>
    public const string ChangeFeature = "demo.feature";
}

/// <summary>Names the demo (and the item, where one is meant).</summary>
public record DemoRefData
{
    public string? DemoId { get; init; }
    public string? ItemId { get; init; }
}

/// <summary><c>demo.answer</c>: the team's picks (comma-separated feature and objective ids), free text items (one per line), presenter, or nothing to show.</summary>
public sealed record DemoAnswerData : DemoRefData
{
    public const string FeaturesInput = "features";
    public const string ObjectivesInput = "objectives";
    public const string TextInput = "other";
    public const string PresenterInput = "presenter";
    public const string NothingInput = "nothing";

    [JsonPropertyName(FeaturesInput)]
    public string? Features { get; init; }

    [JsonPropertyName(ObjectivesInput)]
    public string? Objectives { get; init; }

    [JsonPropertyName(TextInput)]
    public string? Other { get; init; }

    [JsonPropertyName(PresenterInput)]
    public string? Presenter { get; init; }

    [JsonPropertyName(NothingInput)]
    public string? Nothing { get; init; }
}

/// <summary><c>demo.feedback</c>: accepted, needs work or not shown (<c>DemoVerdict</c> names), and an optional comment.</summary>
public sealed record DemoFeedbackData : DemoRefData
{
    public const string VerdictInput = "verdict";
    public const string CommentInput = "comment";

    [JsonPropertyName(VerdictInput)]
    public string? Verdict { get; init; }

    [JsonPropertyName(CommentInput)]
    public string? Comment { get; init; }
}

/// <summary><c>demo.problem</c>: what failed.</summary>
public sealed record DemoProblemData : DemoRefData
{
    public const string WhatInput = "whatFailed";

    [JsonPropertyName(WhatInput)]
    public string? WhatFailed { get; init; }
}

/// <summary><c>demo.repair</c>: root cause, repair owner (a name typed, or the person acting), due iteration; or repaired.</summary>
public sealed record DemoRepairData
{
    public const string RootCauseInput = "rootCause";
    public const string OwnerInput = "owner";
    public const string DueInput = "dueIteration";

    public string? ProblemId { get; init; }

    /// <summary>True: the repair is done.</summary>
    public bool? Repaired { get; init; }

    [JsonPropertyName(RootCauseInput)]
    public string? RootCause { get; init; }

    [JsonPropertyName(OwnerInput)]
    public string? Owner { get; init; }

    [JsonPropertyName(DueInput)]
    public string? DueIteration { get; init; }
}

/// <summary><c>demo.improve</c> and <c>demo.feature</c>: the feedback row they follow up.</summary>
public sealed record DemoFollowUpData
{
    public string? FeedbackId { get; init; }
}

/// <summary>The System Demo cards' data, as the cards write it and the handlers read it.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CardTextConverter), typeof(CardNumberConverter)])]
[JsonSerializable(typeof(DemoRefData))]
[JsonSerializable(typeof(DemoAnswerData))]
[JsonSerializable(typeof(DemoFeedbackData))]
[JsonSerializable(typeof(DemoProblemData))]
[JsonSerializable(typeof(DemoRepairData))]
[JsonSerializable(typeof(DemoFollowUpData))]
public sealed partial class DemoCardDataContext : JsonSerializerContext;
