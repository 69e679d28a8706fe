using ArtBot.Domain.Ids;
using ArtBot.Domain.Planning;

namespace ArtBot.Features.Objectives;

/// <summary>
/// The edits an objective's card offers (its content: text and commitment; the features it covers; its planned value; its actual value)
/// and the value each one reads, which the card sends back as <c>seen</c>: an edit whose field changed since the card
/// was shown is a conflict, one that finds the wanted value already stored is a redelivery.
/// </summary>
public static class ObjectiveEdits
{
    public const string Content = "content";
    public const string Planned = "planned";
    public const string Actual = "actual";
    public const string Features = "features";

    /// <summary>The content's text as a fingerprint, so ten objectives' cards do not carry every text a third time.</summary>
    public static string Seen(string edit, PiObjective objective) => edit switch
    {
        Content => ObjectiveRules.Commitment(objective.Committed) + "|" + DerivedIds.Of(16, objective.Text),
        Features => string.Join(",", objective.FeatureIds),
        Planned => ObjectiveRules.Value(objective.PlannedValue) ?? "",
        _ => ObjectiveRules.Value(objective.ActualValue) ?? "",
    };

    /// <summary>Did the card show what is stored? Cards posted before the fingerprint sent the whole text.</summary>
    public static bool ShowedStored(string edit, string seen, PiObjective stored) =>
        seen == Seen(edit, stored) || (edit == Content && seen == ObjectiveRules.Commitment(stored.Committed) + "|" + stored.Text);
}
