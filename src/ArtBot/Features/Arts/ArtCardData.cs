using System.Text.Json.Serialization;
using ArtBot.BotFramework.Routing;

namespace ArtBot.Features.Arts;

/// <summary>
/// <c>art.save</c>: the settings form's inputs (all text, as Teams sends them) and, when it changes an ART rather than
/// setting one up, the ART and the version the form showed.
/// </summary>
public sealed record ArtSaveData
{
    public const string NameInput = "artName";
    public const string PiNameInput = "piName";
    public const string PiStartInput = "piStart";
    public const string PiEndInput = "piEnd";
    public const string DayInput = "syncDay";
    public const string TimeInput = "syncTime";
    public const string TimeZoneInput = "timeZone";
    public const string PromptLeadInput = "promptLead";
    public const string ReminderLeadInput = "reminderLead";
    public const string SummaryInput = "summaryChannel";
    public const string NameNonRespondersInput = "nameNonResponders";
    public const string IterationWeeksInput = "iterationWeeks";
    public const string IpIterationInput = "ipIteration";
    public const string LanguageInput = "language";

    public string? ArtId { get; init; }

    /// <summary>The ART's ETag when the form was shown: saved only if nobody changed it meanwhile.</summary>
    public string? Version { get; init; }

    [JsonPropertyName(NameInput)]
    public string? Name { get; init; }

    [JsonPropertyName(PiNameInput)]
    public string? PiName { get; init; }

    [JsonPropertyName(PiStartInput)]
    public string? PiStart { get; init; }

    [JsonPropertyName(PiEndInput)]
    public string? PiEnd { get; init; }

    [JsonPropertyName(DayInput)]
    public string? Day { get; init; }

    [JsonPropertyName(TimeInput)]
    public string? Time { get; init; }

    [JsonPropertyName(TimeZoneInput)]
    public string? TimeZone { get; init; }

    [JsonPropertyName(PromptLeadInput)]
    public string? PromptLead { get; init; }

    [JsonPropertyName(ReminderLeadInput)]
    public string? ReminderLead { get; init; }

    [JsonPropertyName(SummaryInput)]
    public string? Summary { get; init; }

    /// <summary>A toggle: <c>true</c> or <c>false</c>.</summary>
    [JsonPropertyName(NameNonRespondersInput)]
    public string? NameNonResponders { get; init; }

    [JsonPropertyName(IterationWeeksInput)]
    public string? IterationWeeks { get; init; }

    /// <summary>A toggle: <c>true</c> or <c>false</c>; absent on forms from before it existed.</summary>
    [JsonPropertyName(IpIterationInput)]
    public string? IpIteration { get; init; }

    [JsonPropertyName(LanguageInput)]
    public string? Language { get; init; }
}

/// <summary><c>art.edit</c> ("Change settings" on the overview): the ART.</summary>
public sealed record ArtEditData
{
    public string? ArtId { get; init; }
}

/// <summary><c>art.join</c> (the choice of ART when a tenant has several): the ART chosen and the team's name.</summary>
public sealed record ArtJoinData
{
    public string? ArtId { get; init; }

    public string? TeamName { get; init; }
}

/// <summary>The ART cards' data, as the cards write it and the handlers read it.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(CardTextConverter), typeof(CardNumberConverter)])]
[JsonSerializable(typeof(ArtSaveData))]
[JsonSerializable(typeof(ArtEditData))]
[JsonSerializable(typeof(ArtJoinData))]
public sealed partial class ArtCardDataContext : JsonSerializerContext;
