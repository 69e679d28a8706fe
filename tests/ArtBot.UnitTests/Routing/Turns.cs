using ArtBot.Tests.Shared;
using ArtBot.BotFramework.Routing;
using ArtBot.BotFramework.Schema;

namespace ArtBot.UnitTests.Routing;

/// <summary>Turn contexts for routing tests; the connector is never called by them.</summary>
internal static class Turns
{
    public static TurnContext For(Activity activity) => new(activity, new ConnectorHarness().Create());

    public static TurnContext Of(string type, string? name = null, string? text = null) => For(new Activity
    {
        Type = type,
        Name = name,
        Text = text,
        Id = "act-1",
        Conversation = new ConversationAccount { Id = "a:1" },
    });
}
