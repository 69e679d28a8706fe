namespace ArtBot.Domain.Improvements;

/// <summary>The fields of an improvement item people change from its card.</summary>
public static class ImprovementField
{
    public const string Owner = "owner";
    public const string Status = "status";
    public const string Outcome = "outcome";
    public const string RootCause = "rootcause";
    public const string Impediments = "impediments";
    public const string Created = "created";
    public const string CarriedOver = "carried";

    public static IReadOnlyList<string> Editable { get; } = [Owner, Status, Outcome, RootCause, Impediments];

    /// <summary>The field's name in the reader's language.</summary>
    public static string Describe(string field) => field switch
    {
        Owner => ImprovementRuleStrings.FieldOwner,
        Status => ImprovementRuleStrings.FieldStatus,
        Outcome => ImprovementRuleStrings.FieldOutcome,
        RootCause => ImprovementRuleStrings.FieldRootCause,
        Impediments => ImprovementRuleStrings.FieldImpediments,
        Created => ImprovementRuleStrings.FieldCreated,
        CarriedOver => ImprovementRuleStrings.FieldCarriedOver,
        _ => field,
    };
}
