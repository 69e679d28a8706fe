namespace ArtBot.DemoTrain;

/// <summary>
/// Where the demo train lives: by default in the Agents Playground's tenant, homed in its team's General channel with
/// team Rocket in PI Planning and team Comet in the second Playground's channel (<c>.dev/playground*</c>), so the local
/// ART room and both Playgrounds show it; the other ten teams have channels of their own that no Playground emulates.
/// </summary>
public sealed record DemoTrainOptions
{
    public const string PlaygroundTenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string PlaygroundGeneral = "19:team-general@thread.tacv2";

    public string TenantId { get; init; } = PlaygroundTenant;

    /// <summary>The ART's channel: what the local room shows at <c>/room/?conversation=</c>.</summary>
    public string HomeConversationId { get; init; } = PlaygroundGeneral;

    /// <summary>Where the bot reaches the ART's team (the first Playground's connector).</summary>
    public string ServiceUrl { get; init; } = "http://localhost:56150/_connector";

    /// <summary>Where the bot reaches team Comet (the second Playground's connector).</summary>
    public string CometServiceUrl { get; init; } = "http://localhost:56151/_connector";

    /// <summary>The random seed every name, value and date offset is drawn from: the same seed, the same train.</summary>
    public int Seed { get; init; } = 2027;
}
