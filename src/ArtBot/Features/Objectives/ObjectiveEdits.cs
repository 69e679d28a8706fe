using ArtBot.Domain.Planning;

namespace ArtBot.Features.Objectives;

/// <summary>
/// The three edits an objective's card offers (its content: text and commitment; its planned value; its actual value)
/// and the value each one reads, which the card sends back as <c>seen</c>: an edit whose field changed since the card
/// was shown is a conflict, one that finds the wanted value already stored is a redelivery.
/// </summary>
public static class ObjectiveEdits
{
    public const string Content = "content";
    public const string Planned = "planned";
    public const string Actual = "actual";

    public static string Seen(string edit, PiObjective objective) => edit switch
    {
        Content => ObjectiveRules.Commitment(objective.Committed) + "|" + objective.Text,
        Planned => ObjectiveRules.Value(objective.PlannedValue) ?? "",
        _ => ObjectiveRules.Value(objective.ActualValue) ?? "",
    };
}
