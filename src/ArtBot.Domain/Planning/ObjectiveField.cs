namespace ArtBot.Domain.Planning;

/// <summary>The fields of a PI objective as its history names them.</summary>
public static class ObjectiveField
{
    public const string Created = PlanChange.CreatedField;
    public const string Text = "text";
    public const string Commitment = "commitment";
    public const string Planned = "planned";
    public const string Actual = "actual";

    /// <summary>The field's name in the reader's language.</summary>
    public static string Describe(string field) => field switch
    {
        Text => PlanRuleStrings.FieldText,
        Commitment => PlanRuleStrings.FieldCommitment,
        Planned => PlanRuleStrings.FieldPlanned,
        Actual => PlanRuleStrings.FieldActual,
        _ => field,
    };
}
