using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Planning;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Objectives;

/// <summary>
/// One team's PI objectives for the current PI: each with its commitment and business values, an "Edit" form while the
/// objectives are open, "Business value" for Business Owners, "Actual value" from the PI's last iteration, and its
/// history; the titles of the features each one covers and, while open, "Covers features" to choose them; an "Add an
/// objective" form at the end (with the team's features to choose from). Each button sends the value the card showed (<c>seen</c>), so a change
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
    public const string FeaturesVerb = "objective.features";
    public const string CoverVerb = "objective.cover";

    /// <summary>The add form offers the team's first features in backlog order; each objective's "Covers features" offers all.</summary>
    public const int AddChoicesShown = 25;

    /// <param name="features">The features of the current PI (every team's).</param>
    public static AdaptiveCard Build(
        Art art, ArtTeam team, IReadOnlyList<PiObjective> objectives, IReadOnlyList<Feature> features, DateOnly today, bool inArtChannel,
        string? notice = null, string? noticeColor = null)
    {
        var pi = art.CurrentPi!;
        var byId = ObjectiveFeatures.ById(features);
        var choosable = ObjectiveFeatures.Choosable(team, features);
        var open = ObjectiveRules.IsOpenForEdits(art, today);
        var actualsOpen = ObjectiveRules.IsOpenForActuals(art, today);
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(ObjectiveStrings.CardTitle, PlainText.EscapeMarkdown(team.TeamName))) { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock($"{PlainText.EscapeMarkdown(pi.Name)} \u00b7 {PlainText.EscapeMarkdown(art.Name)}") { IsSubtle = true, Spacing = "None" },
        };
        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, noticeColor ?? "Good", bolder: true));
        }

        body.Add(new TextBlock(objectives.Count == 0 ? ObjectiveStrings.NoObjectivesYet : ObjectiveRules.DescribeCommitment(objectives)) { Weight = "Bolder" });
        body.Add(new TextBlock(Window(art, pi, today, open, actualsOpen)) { IsSubtle = true, Size = "Small" });

        var number = 0;
        foreach (var objective in objectives)
        {
            number++;
            var items = new List<CardElement>
            {
                new TextBlock($"{number}\\. {PlainText.EscapeMarkdown(objective.Text)}") { Weight = "Bolder" },
                new TextBlock(Describe(objective, pi) + (ObjectiveFeatures.Covers(objective, byId) is { } covers ? " \u00b7 " + covers : "")) { IsSubtle = true, Spacing = "None" },
            };
            items.Add(new ActionSet(Actions(team, objective, open, actualsOpen, choosable.Count > 0 || objective.FeatureIds.Count > 0)) { Spacing = "Small" });
            body.Add(new Container(items) { Separator = true });
        }

        if (open && objectives.Count < ObjectiveRules.MaxPerTeam)
        {
            body.Add(new TextBlock(ObjectiveStrings.AddHeading) { Weight = "Bolder", Separator = true, Spacing = "Medium" });
            body.AddRange(Form(null));
            if (choosable.Count > 0)
            {
                body.Add(FeatureChoices(ObjectiveAddData.FeaturesInput, choosable.Take(AddChoicesShown), []));
                if (choosable.Count > AddChoicesShown)
                {
                    body.Add(new TextBlock(Localized.Format(ObjectiveStrings.AddFeaturesFirst, AddChoicesShown, choosable.Count)) { IsSubtle = true, Size = "Small", Spacing = "None" });
                }
            }

            body.Add(new ActionSet([new ExecuteAction(ObjectiveStrings.AddButton, AddVerb, CardData.Write(new ObjectiveAddData { Team = team.ConversationId }, Data.ObjectiveAddData)) { AssociatedInputs = "auto" }]));
        }

        var actions = new List<CardAction> { new ExecuteAction(ObjectiveStrings.Refresh, ShowVerb, ShowData(team)) };
        if (inArtChannel)
        {
            actions.Add(new ExecuteAction(ObjectiveStrings.AllTeams, ShowVerb, ShowData(null)));
        }

        return new AdaptiveCard { Body = body, Actions = actions, FallbackText = Localized.Format(ObjectiveStrings.CardFallback, team.TeamName) };
    }

    /// <summary>"Committed · planned business value 8 · actual 7" (or what is missing).</summary>
    public static string Describe(PiObjective objective, ProgramIncrement? pi)
    {
        var text = (objective.Committed ? ObjectiveStrings.DescribeCommitted : ObjectiveStrings.DescribeUncommitted)
            + " \u00b7 " + (objective.PlannedValue is { } planned ? Localized.Format(ObjectiveStrings.DescribePlanned, planned) : ObjectiveStrings.DescribeNoPlanned)
            + (objective.ActualValue is { } actual ? " \u00b7 " + Localized.Format(ObjectiveStrings.DescribeActual, actual) : "");
        return pi is not null && Predictability.IsAddedLate(objective) ? text + " \u00b7 " + ObjectiveStrings.DescribeAddedLate : text;
    }

    private static string Window(Art art, ProgramIncrement pi, DateOnly today, bool open, bool actualsOpen)
    {
        var edits = open
            ? today < pi.Start
                ? Localized.Format(ObjectiveStrings.WindowOpenUntil, Localized.Date(pi.Start))
                : ObjectiveStrings.WindowReopened
            : Localized.Format(ObjectiveStrings.WindowLocked, Localized.Date(pi.Start));
        var values = actualsOpen
            ? ObjectiveStrings.WindowActualsOpen
            : Localized.Format(ObjectiveStrings.WindowActualsLater, Localized.Date(ObjectiveRules.ActualsFrom(art)));
        return edits + " " + values;
    }

    private static List<CardAction> Actions(ArtTeam team, PiObjective objective, bool open, bool actualsOpen, bool features)
    {
        var actions = new List<CardAction>();
        if (open)
        {
            actions.Add(new ShowCardAction(ObjectiveStrings.Edit, new AdaptiveCard
            {
                Body = Form(objective),
                Actions = [Execute(ObjectiveStrings.Save, EditVerb,
                    CardData.Write(new ObjectiveEditData { Team = team.ConversationId, Id = objective.Id, Seen = ObjectiveEdits.Seen(ObjectiveEdits.Content, objective) }, Data.ObjectiveEditData))],
                Msteams = null,
            }));
            if (features)
            {
                actions.Add(new ExecuteAction(ObjectiveStrings.CoversFeatures, FeaturesVerb,
                    CardData.Write(new ObjectiveFeaturesData { Team = team.ConversationId, Id = objective.Id }, Data.ObjectiveFeaturesData)));
            }

            actions.Add(ValueCard(ObjectiveStrings.BusinessValue, ObjectiveStrings.SaveBusinessValue, PlannedVerb, team, objective, ObjectiveRules.MinPlanned, objective.PlannedValue, ObjectiveEdits.Planned));
        }

        if (actualsOpen)
        {
            actions.Add(ValueCard(ObjectiveStrings.ActualValue, ObjectiveStrings.SaveActualValue, ActualVerb, team, objective, 0, objective.ActualValue, ObjectiveEdits.Actual));
        }

        actions.Add(Execute(ObjectiveStrings.History, HistoryVerb, CardData.Write(new ObjectiveHistoryData { Team = team.ConversationId, Id = objective.Id }, Data.ObjectiveHistoryData)));
        return actions;
    }

    private static ShowCardAction ValueCard(string title, string saveTitle, string verb, ArtTeam team, PiObjective objective, int min, int? value, string edit) => new(title, new AdaptiveCard
    {
        Body =
        [
            new NumberInput
            {
                Id = ObjectiveValueData.ValueInput(objective.Id),
                Label = Localized.Format(ObjectiveStrings.ValueLabel, title, min, ObjectiveRules.MaxValue),
                Value = value,
                Min = min,
                Max = ObjectiveRules.MaxValue,
                IsRequired = true,
                ErrorMessage = Localized.Format(ObjectiveStrings.ValueError, min, ObjectiveRules.MaxValue),
            },
        ],
        Actions = [Execute(saveTitle, verb,
            CardData.Write(new ObjectiveValueData { Team = team.ConversationId, Id = objective.Id, Seen = ObjectiveEdits.Seen(edit, objective) }, Data.ObjectiveValueData))],
        // A shown card takes its width from the card around it; every byte counts with ten objectives.
        Msteams = null,
    });

    private static List<CardElement> Form(PiObjective? objective)
    {
        return
        [
            new TextInput
            {
                Id = objective is null ? ObjectiveAddData.TextInput : ObjectiveEditData.TextInput(objective.Id),
                Label = ObjectiveStrings.FormObjective,
                Placeholder = ObjectiveStrings.FormPlaceholder,
                Value = objective?.Text,
                IsMultiline = true,
                MaxLength = ObjectiveRules.MaxTextLength,
                IsRequired = true,
                ErrorMessage = ObjectiveStrings.FormError,
            },
            new ToggleInput(ObjectiveStrings.FormStretch)
            {
                Id = objective is null ? ObjectiveAddData.StretchInput : ObjectiveEditData.StretchInput(objective.Id),
                Value = objective is { Committed: false } ? "true" : "false",
                ValueOn = "true",
                ValueOff = "false",
            },
        ];
    }

    /// <summary>The optional multi-select of the features an objective covers, <paramref name="covered"/> preselected.</summary>
    public static ChoiceSetInput FeatureChoices(string id, IEnumerable<Feature> choices, IReadOnlyList<string> covered) =>
        new([.. choices.Select(f => new Choice(PlainText.Shorten(f.Title, ObjectiveFeatures.TitleShown), f.Id))])
        {
            Id = id,
            Label = ObjectiveStrings.FormFeatures,
            IsMultiSelect = true,
            Style = "compact",
            Value = covered.Count == 0 ? null : string.Join(",", covered),
            Placeholder = ObjectiveStrings.FormFeaturesPlaceholder,
        };

    /// <summary>The data of "objectives.show": the team's card, or (null) every team's.</summary>
    public static JsonObject ShowData(ArtTeam? team) => CardData.Write(new ObjectivesShowData { Team = team?.ConversationId }, Data.ObjectivesShowData);

    private static ObjectiveCardDataContext Data => ObjectiveCardDataContext.Default;

    private static ExecuteAction Execute(string title, string verb, JsonObject data) => new(title, verb, data) { AssociatedInputs = "auto" };
}
