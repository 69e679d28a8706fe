using ArtBot.Domain.Ids;
using ArtBot.Domain.Planning;

namespace ArtBot.Domain.Demos;

/// <summary>
/// Ids of the System Demo's rows: a demo and a team's part from what they are of (so every instance finds the same
/// row), feedback from the item and the person (one each), an item or an integration problem from the card action
/// that made it (a redelivery makes nothing twice). Same form as <see cref="PlanIds"/>.
/// </summary>
public static class DemoIds
{
    public static string Demo(string tenantId, string artId, string pi, int iteration) =>
        DerivedIds.Of(PlanIds.Length, "demo", tenantId, artId, pi, iteration.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string TeamAnswer(string tenantId, string artId, string demoId, string teamConversationId) =>
        DerivedIds.Of(PlanIds.Length, "demoteam", tenantId, artId, demoId, teamConversationId);

    /// <summary>An item's id: the same feature or objective shown again by the team keeps its id (and its feedback).</summary>
    public static string Item(string teamAnswerId, DemoItemKind kind, string key) =>
        DerivedIds.Of(PlanIds.Length, "demoitem", teamAnswerId, kind.ToString(), key);

    public static string Feedback(string tenantId, string artId, string itemId, string personId) =>
        DerivedIds.Of(PlanIds.Length, "demofeedback", tenantId, artId, itemId, personId);

    public static string Problem(string tenantId, string artId, string key) => DerivedIds.Of(PlanIds.Length, "integration", tenantId, artId, key);
}
