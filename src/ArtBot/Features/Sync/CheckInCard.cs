using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Sync;

namespace ArtBot.Features.Sync;

/// <summary>
/// The check-in prompt a team channel gets before the ART sync: status toward the PI objectives, progress, up to three
/// blockers and three dependencies (each can be flagged "needs help"), milestones or scope changes. Answered with
/// Action.Execute (<see cref="AnswerVerb"/>); once answered it shows the answer and who gave it, and stays editable
/// until the sync closes.
/// </summary>
public static class CheckInCard
{
    public const string AnswerVerb = "sync.answer";
    public const string StatusInput = "status";
    public const string ProgressInput = "progress";
    public const string MilestonesInput = "milestones";

    public static string BlockerInput(int slot) => "blocker" + (slot + 1).ToString(CultureInfo.InvariantCulture);

    public static string DependencyInput(int slot) => "dependency" + (slot + 1).ToString(CultureInfo.InvariantCulture);

    public static string HelpInput(string itemInput) => itemInput + "Help";

    public static AdaptiveCard Build(Art art, SyncOccurrence occurrence, string teamName, CheckInAnswer? answer, bool closed, string? notice = null)
    {
        var when = SyncText.When(art, occurrence);
        var body = new List<CardElement>
        {
            new TextBlock($"ART sync check-in: {teamName}") { Size = "Large", Weight = "Bolder", Style = "heading" },
            new TextBlock($"{art.Name} \u00b7 sync {when}" + (art.CurrentPi is { } pi ? $" \u00b7 {pi.Name}" : "")) { IsSubtle = true, Spacing = "None" },
        };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = "Good", Weight = "Bolder" });
        }

        if (answer is not null)
        {
            body.Add(new Container(AnswerElements(answer)) { Style = "emphasis" });
        }

        if (closed)
        {
            body.Add(new TextBlock(answer is null
                ? "The sync has closed; this team's check-in was not given."
                : "The sync has closed; this answer can no longer be changed.") { IsSubtle = true });
            return new AdaptiveCard { Body = body, FallbackText = $"ART sync check-in for {teamName}" };
        }

        body.Add(new TextBlock(answer is null
            ? "Answer before the sync, for the whole team. You can change the answer until the sync closes."
            : "Change the answer below until the sync closes.") { Wrap = true });
        body.Add(new ChoiceSetInput(
        [
            new Choice("On track", CheckInRules.OnTrackValue),
            new Choice("At risk", CheckInRules.AtRiskValue),
            new Choice("Off track", CheckInRules.OffTrackValue),
        ])
        {
            Id = StatusInput,
            Label = "Progress toward our PI objectives",
            Style = "expanded",
            IsRequired = true,
            ErrorMessage = "Pick on track, at risk or off track.",
            Value = answer is null ? null : CheckInRules.ValueOf(answer.Status),
        });
        body.Add(Text(ProgressInput, "Progress since the last sync", answer?.Progress, multiline: true));
        for (var slot = 0; slot < CheckInRules.ItemSlots; slot++)
        {
            body.AddRange(Item(BlockerInput(slot), $"Blocker {slot + 1}", answer?.Blockers.ElementAtOrDefault(slot)));
        }

        for (var slot = 0; slot < CheckInRules.ItemSlots; slot++)
        {
            body.AddRange(Item(DependencyInput(slot), $"Dependency on another team {slot + 1}", answer?.Dependencies.ElementAtOrDefault(slot)));
        }

        body.Add(Text(MilestonesInput, "Upcoming milestones or scope changes", answer?.Milestones, multiline: true));
        var data = new JsonObject { ["artId"] = art.Id, ["occurrence"] = occurrence.Id };
        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction(answer is null ? "Send check-in" : "Update check-in", AnswerVerb, data) { AssociatedInputs = "auto" }],
            FallbackText = $"ART sync check-in for {teamName}",
        };
    }

    private static List<CardElement> AnswerElements(CheckInAnswer answer)
    {
        var by = answer.AnsweredBy.Name is { Length: > 0 } name ? name : "a team member";
        var facts = new List<Fact>
        {
            new("Status", CheckInRules.Describe(answer.Status)),
            new("Answered by", $"{by}, {answer.AnsweredAt.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture)} UTC"),
        };
        if (answer.Progress.Length > 0)
        {
            facts.Add(new("Progress", answer.Progress));
        }

        facts.AddRange(answer.Blockers.Select((b, i) => new Fact($"Blocker {i + 1}", SyncText.Item(b))));
        facts.AddRange(answer.Dependencies.Select((d, i) => new Fact($"Dependency {i + 1}", SyncText.Item(d))));
        if (answer.Milestones.Length > 0)
        {
            facts.Add(new("Milestones / scope", answer.Milestones));
        }

        return [new TextBlock("Your team's check-in") { Weight = "Bolder" }, new FactSet(facts)];
    }

    private static TextInput Text(string id, string label, string? value, bool multiline) => new()
    {
        Id = id,
        Label = label,
        Value = string.IsNullOrEmpty(value) ? null : value,
        IsMultiline = multiline,
        MaxLength = CheckInRules.MaxTextLength,
    };

    private static CardElement[] Item(string id, string label, CheckInItem? item) =>
    [
        Text(id, label, item?.Text, multiline: false),
        new ToggleInput("Needs help from outside the team")
        {
            Id = HelpInput(id),
            Value = item?.NeedsHelp == true ? "true" : "false",
            ValueOn = "true",
            ValueOff = "false",
            Spacing = "None",
        },
    ];
}
