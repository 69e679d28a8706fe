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

    public static string Describe(string field) => field switch
    {
        Owner => "owner",
        Status => "status",
        Outcome => "expected outcome",
        RootCause => "root cause",
        Impediments => "linked impediments",
        Created => "created",
        CarriedOver => "carried over",
        _ => field,
    };
}
