namespace ArtBot.Domain.Planning;

/// <summary>The fields of a dependency as its history names them.</summary>
public static class DependencyField
{
    public const string Created = PlanChange.CreatedField;
    public const string Status = "status";
    public const string Iteration = "iteration";
    public const string Risk = "risk";
    /// <summary>The requesting team's feature that needs it.</summary>
    public const string RequesterFeature = "requesterFeature";
    /// <summary>The providing team's feature that delivers it.</summary>
    public const string ProviderFeature = "providerFeature";
}
