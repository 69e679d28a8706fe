namespace ArtBot.Domain.Planning;

/// <summary>The fields of a PI objective as its history names them.</summary>
public static class ObjectiveField
{
    public const string Created = PlanChange.CreatedField;
    public const string Text = "text";
    public const string Commitment = "commitment";
    public const string Planned = "planned";
    public const string Actual = "actual";
    /// <summary>The features it covers: the titles, comma-separated, as they were when the change was made.</summary>
    public const string Features = "features";

    /// <summary>The field's name in the reader's language.</summary>
    public static string Describe(string field) => field switch
    {
        Text => PlanRuleStrings.FieldText,
        Commitment => PlanRuleStrings.FieldCommitment,
        Planned => PlanRuleStrings.FieldPlanned,
        Actual => PlanRuleStrings.FieldActual,
        Features => PlanRuleStrings.FieldFeatures,
        _ => field,
    };
}
