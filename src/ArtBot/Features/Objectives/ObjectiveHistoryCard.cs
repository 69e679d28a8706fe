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
            new TextBlock(ObjectiveStrings.HistoryTitle) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock(PlainText.EscapeMarkdown(objective.Text)) { Weight = "Bolder" },
            new TextBlock($"{PlainText.EscapeMarkdown(team.TeamName)} \u00b7 {PlainText.EscapeMarkdown(objective.Pi)} \u00b7 {TeamObjectivesCard.Describe(objective, null)}") { IsSubtle = true, Spacing = "None" },
        };
        body.AddRange(history.TakeLast(MaxShown).Select(change => new TextBlock(Describe(change)) { Size = "Small", Spacing = "Small" }));
        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction(ObjectiveStrings.HistoryBack, TeamObjectivesCard.ShowVerb, TeamObjectivesCard.ShowData(team))],
            FallbackText = Localized.Format(ObjectiveStrings.HistoryFallback, objective.Text),
        };
    }

    /// <summary>"3 Dec 2026 14:05 UTC · Lynne: planned business value none → 8".</summary>
    public static string Describe(PlanChange change)
    {
        var when = Localized.DateTime(change.At);
        var what = change.Field == ObjectiveField.Created
            ? change.To is { Length: > 0 } to ? Localized.Format(ObjectiveStrings.HistoryCreatedAs, to) : ObjectiveStrings.HistoryCreated
            : Localized.Format(ObjectiveStrings.HistoryChange, ObjectiveField.Describe(change.Field), Shorten(Value(change.Field, change.From)) ?? ObjectiveStrings.HistoryNone, Shorten(Value(change.Field, change.To)) ?? ObjectiveStrings.HistoryNone);
        return $"{when} \u00b7 {PlainText.EscapeMarkdown(change.By.DisplayName)}: {PlainText.EscapeMarkdown(what)}";
    }

    private static string? Shorten(string? text) => text is null ? null : PlainText.Shorten(text, 80);

    // Stored values are English; the commitment is shown in the reader's language.
    private static string? Value(string field, string? stored) => field == ObjectiveField.Commitment ? ObjectiveRules.DescribeStoredCommitment(stored) : stored;
}
