using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;

namespace ArtBot.Features.Objectives;

/// <summary>
/// One team's PI objectives for the current PI: each with its commitment and business values, an "Edit" form while the
/// objectives are open, "Business value" for Business Owners, "Actual value" from the PI's last iteration, and its
/// history; an "Add an objective" form at the end. Each button sends the value the card showed (<c>seen</c>), so a change
/// made meanwhile by someone else is reported instead of overwritten.
/// </summary>
public static class TeamObjectivesCard
{
    public const string ShowVerb = "objectives.show";
    public const string AddVerb = "objective.add";
    public const string EditVerb = "objective.edit";
    public const string PlannedVerb = "objective.planned";
    public const string ActualVerb = "objective.actual";
    public const string HistoryVerb = "objective.history";
    public const string TextInput = "objectiveText";
    public const string StretchInput = "objectiveStretch";
    public const string ValueInput = "objectiveValue";

    /// <summary>Input ids are per objective: several forms share one card.</summary>
    public static string InputFor(string input, string objectiveId) => input + "-" + objectiveId;

    public static AdaptiveCard Build(
        Art art, ArtTeam team, IReadOnlyList<PiObjective> objectives, DateOnly today, bool inArtChannel, string? notice = null, string? noticeColor = null)
    {
        var pi = art.CurrentPi!;
        var open = ObjectiveRules.IsOpenForEdits(art, today);
        var actualsOpen = ObjectiveRules.IsOpenForActuals(art, today);
        var body = new List<CardElement>
        {
            new TextBlock($"PI objectives: {PlainText.EscapeMarkdown(team.TeamName)}") { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock($"{PlainText.EscapeMarkdown(pi.Name)} \u00b7 {PlainText.EscapeMarkdown(art.Name)}") { IsSubtle = true, Spacing = "None" },
        };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = noticeColor ?? "Good", Weight = "Bolder" });
        }

        body.Add(new TextBlock(objectives.Count == 0 ? "No objectives yet." : ObjectiveRules.DescribeCommitment(objectives)) { Weight = "Bolder" });
        body.Add(new TextBlock(Window(art, pi, today, open, actualsOpen)) { IsSubtle = true, Size = "Small" });

        var number = 0;
        foreach (var objective in objectives)
        {
            number++;
            body.Add(new Container(
            [
                new TextBlock($"{number}\\. {PlainText.EscapeMarkdown(objective.Text)}") { Weight = "Bolder" },
                new TextBlock(Describe(objective, pi)) { IsSubtle = true, Spacing = "None" },
                new ActionSet(Actions(team, objective, open, actualsOpen)) { Spacing = "Small" },
            ]) { Separator = true });
        }

        if (open && objectives.Count < ObjectiveRules.MaxPerTeam)
        {
            body.Add(new TextBlock("Add an objective") { Weight = "Bolder", Separator = true, Spacing = "Medium" });
            body.AddRange(Form(null));
            body.Add(new ActionSet([new ExecuteAction("Add objective", AddVerb, new JsonObject { ["team"] = team.ConversationId }) { AssociatedInputs = "auto" }]));
        }

        var actions = new List<CardAction> { new ExecuteAction("Refresh", ShowVerb, new JsonObject { ["team"] = team.ConversationId }) };
        if (inArtChannel)
        {
            actions.Add(new ExecuteAction("All teams", ShowVerb, new JsonObject()));
        }

        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = $"PI objectives of {team.TeamName}" };
    }

    /// <summary>"Committed · planned business value 8 · actual 7" (or what is missing).</summary>
    public static string Describe(PiObjective objective, ProgramIncrement? pi)
    {
        var text = (objective.Committed ? "Committed" : "Uncommitted (stretch)")
            + (objective.PlannedValue is { } planned ? $" \u00b7 planned business value {planned}" : " \u00b7 no planned business value yet")
            + (objective.ActualValue is { } actual ? $" \u00b7 actual {actual}" : "");
        return pi is not null && Predictability.IsAddedLate(objective) ? text + " \u00b7 added after the PI started" : text;
    }

    private static string Window(Art art, ProgramIncrement pi, DateOnly today, bool open, bool actualsOpen)
    {
        var edits = open
            ? today < pi.Start
                ? $"Open for changes until the PI starts on {Day(pi.Start)}."
                : "Reopened for changes by the RTEs."
            : $"Locked since the PI started on {Day(pi.Start)}; the RTEs can reopen them (`objectives reopen`).";
        var values = actualsOpen
            ? " The PI's last iteration: the Business Owners rate the business value actually delivered."
            : $" The Business Owners set each objective's planned business value; they rate what was delivered from {Day(ObjectiveRules.ActualsFrom(art))}, the PI's last iteration.";
        return edits + values;
    }

    private static List<CardAction> Actions(ArtTeam team, PiObjective objective, bool open, bool actualsOpen)
    {
        var actions = new List<CardAction>();
        if (open)
        {
            actions.Add(new ShowCardAction("Edit", new AdaptiveCard
            {
                Body = Form(objective),
                Actions = [Execute("Save", EditVerb, team, objective, ObjectiveEdits.Seen(ObjectiveEdits.Content, objective))],
            }));
            actions.Add(ValueCard("Business value", PlannedVerb, team, objective, ObjectiveRules.MinPlanned, objective.PlannedValue, ObjectiveEdits.Planned));
        }

        if (actualsOpen)
        {
            actions.Add(ValueCard("Actual value", ActualVerb, team, objective, 0, objective.ActualValue, ObjectiveEdits.Actual));
        }

        actions.Add(Execute("History", HistoryVerb, team, objective, null));
        return actions;
    }

    private static ShowCardAction ValueCard(string title, string verb, ArtTeam team, PiObjective objective, int min, int? value, string edit) => new(title, new AdaptiveCard
    {
        Body =
        [
            new NumberInput
            {
                Id = InputFor(ValueInput, objective.Id),
                Label = title + $" ({min} to {ObjectiveRules.MaxValue})",
                Value = value,
                Min = min,
                Max = ObjectiveRules.MaxValue,
                IsRequired = true,
                ErrorMessage = $"Enter a whole number from {min} to {ObjectiveRules.MaxValue}.",
            },
        ],
        Actions = [Execute("Save " + title.ToLowerInvariant(), verb, team, objective, ObjectiveEdits.Seen(edit, objective))],
    });

    private static List<CardElement> Form(PiObjective? objective)
    {
        var id = objective?.Id ?? "new";
        return
        [
            new TextInput
            {
                Id = InputFor(TextInput, id),
                Label = "Objective",
                Placeholder = "What the team will deliver, and the benefit (one sentence)",
                Value = objective?.Text,
                IsMultiline = true,
                MaxLength = ObjectiveRules.MaxTextLength,
                IsRequired = true,
                ErrorMessage = "Write the objective.",
            },
            new ToggleInput("Uncommitted (a stretch objective)")
            {
                Id = InputFor(StretchInput, id),
                Value = objective is { Committed: false } ? "true" : "false",
                ValueOn = "true",
                ValueOff = "false",
            },
        ];
    }

    private static ExecuteAction Execute(string title, string verb, ArtTeam team, PiObjective objective, string? seen)
    {
        var data = new JsonObject { ["team"] = team.ConversationId, ["id"] = objective.Id };
        if (seen is not null)
        {
            data["seen"] = seen;
        }

        return new ExecuteAction(title, verb, data) { AssociatedInputs = "auto" };
    }

    private static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
