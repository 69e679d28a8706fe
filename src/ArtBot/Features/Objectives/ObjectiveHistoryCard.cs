using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Objectives;

/// <summary>One objective's history: every change with who made it and when, newest last; "Back" returns to the team's card.</summary>
public static class ObjectiveHistoryCard
{
    public const int MaxShown = 30;

    public static AdaptiveCard Build(ArtTeam team, PiObjective objective, IReadOnlyList<PlanChange> history)
    {
        var body = new List<CardElement>
        {
            new TextBlock("Objective history") { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(PlainText.EscapeMarkdown(objective.Text)) { Weight = "Bolder" },
            new TextBlock($"{PlainText.EscapeMarkdown(team.TeamName)} \u00b7 {PlainText.EscapeMarkdown(objective.Pi)} \u00b7 {TeamObjectivesCard.Describe(objective, null)}") { IsSubtle = true, Spacing = "None" },
        };
        body.AddRange(history.TakeLast(MaxShown).Select(change => new TextBlock(Describe(change)) { Size = "Small", Spacing = "Small" }));
        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Back", TeamObjectivesCard.ShowVerb, new JsonObject { ["team"] = team.ConversationId })],
            FallbackText = "Objective history: " + objective.Text,
        };
    }

    /// <summary>"3 Dec 2026 14:05 UTC · Lynne: planned business value none → 8".</summary>
    public static string Describe(PlanChange change)
    {
        var when = change.At.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC";
        var what = change.Field == ObjectiveField.Created
            ? "created it" + (change.To is { Length: > 0 } to ? $" ({to})" : "")
            : $"{ObjectiveField.Describe(change.Field)}: {Shorten(change.From) ?? "none"} \u2192 {Shorten(change.To) ?? "none"}";
        return $"{when} \u00b7 {PlainText.EscapeMarkdown(change.By.DisplayName)}: {PlainText.EscapeMarkdown(what)}";
    }

    private static string? Shorten(string? text) => text is null ? null : PlainText.Shorten(text, 80);
}
