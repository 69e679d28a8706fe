namespace ArtBot.Domain.Planning;

/// <summary>The fields of a PI objective as its history names them.</summary>
public static class ObjectiveField
{
    public const string Created = PlanChange.CreatedField;
    public const string Text = "text";
    public const string Commitment = "commitment";
    public const string Planned = "planned";
    public const string Actual = "actual";

    public static string Describe(string field) => field switch
    {
        Text => "text",
        Commitment => "commitment",
        Planned => "planned business value",
        Actual => "actual business value",
        _ => field,
    };
}
