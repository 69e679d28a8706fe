using System.Text.Json;
using ArtBot.BotFramework.Schema;
using ArtBot.Tests.Shared;

namespace ArtBot.UnitTests.Schema;

/// <summary>The real Teams payloads, deserialised the way the endpoint does it.</summary>
internal static class FixtureActivities
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:7a2b1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public const string UserId = "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrWcfOw";
    public const string UserAadObjectId = "c9a8f1e2-3b4d-4e5f-8a7b-6c5d4e3f2a1b";
    public const string TeamId = "19:f1e2d3c4b5a6470889706a5b4c3d2e1f@thread.tacv2";
    public const string ChannelId = "19:0a1b2c3d4e5f40718293a4b5c6d7e8f9@thread.tacv2";
    public const string PersonalConversationId =
        "a:1Sy8VyZr_ZbBzqRg5t1XtsD1CVdV0C9yOwAdHkOeYqQu6EtNGVnjfyK7_kZNxXTWEAF8VndJqU6X0MStBB0fh9ZuOEBSgEcCsVSRTo8C0HVyW9yE2nRcQ2nBXBYXQZFJx";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/72f988bf-86f1-41af-91ab-2d7cd011db47/";

    public static IEnumerable<string> Names { get; } =
    [
        TeamsPayloads.PersonalMessage,
        TeamsPayloads.ChannelMention,
        TeamsPayloads.BotAddedToTeam,
        TeamsPayloads.InstallationAddPersonal,
        TeamsPayloads.CardAction,
        TeamsPayloads.Reaction,
        TeamsPayloads.FetchTaskMessage,
        TeamsPayloads.SubmitActionMessage,
    ];

    public static TheoryData<string> All => [.. Names];

    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Teams", name + ".json"));

    public static Activity Load(string name) =>
        JsonSerializer.Deserialize(Text(name), BotJsonContext.Default.Activity)
        ?? throw new InvalidOperationException($"{name} deserialised to null");
}
