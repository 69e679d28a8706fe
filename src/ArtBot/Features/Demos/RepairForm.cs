using System.Globalization;
using System.Text.Json;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Demos;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Demos;

/// <summary>
/// An integration problem on a card: what failed, where its repair stands, and (while open) the repair form: root
/// cause, owner (a name, or "me"), due iteration, "Save repair plan" and "Repaired" (<see cref="DemoVerbs.Repair"/>).
/// One card holds several forms, so each input's id ends with the problem's id; none is required, so one form's
/// button never waits for another's inputs.
/// </summary>
public static class RepairForm
{
    public const int MaxOwner = 100;

    /// <summary>The input id of <paramref name="input"/> (a <see cref="DemoRepairData"/> name) for one problem.</summary>
    public static string InputId(string input, string problemId) => $"{input}.{problemId}";

    /// <summary>The problem's lines and, while open and <paramref name="withForm"/>, its form.</summary>
    public static Container Of(IntegrationProblem problem, string? repairPi, IReadOnlyList<int> iterations, bool withForm, int maxText, string? heading = null)
    {
        var items = new List<CardElement>();
        if (heading is not null)
        {
            items.Add(new TextBlock(heading) { IsSubtle = true, Size = "Small", Spacing = "None" });
        }

        items.Add(new TextBlock(Localized.Format(DemoFollowUpStrings.ProblemLine, PlainText.EscapeMarkdown(PlainText.Shorten(problem.WhatFailed, maxText)))) { Spacing = "Small" });
        items.Add(new TextBlock(State(problem, maxText)) { IsSubtle = true, Spacing = "None" });
        if (!problem.IsOpen || !withForm)
        {
            return new Container(items) { Separator = true };
        }

        var data = CardData.Write(new DemoRepairData { ProblemId = problem.Id }, DemoCardDataContext.Default.DemoRepairData);
        items.Add(new TextInput
        {
            Id = InputId(DemoRepairData.RootCauseInput, problem.Id),
            Label = DemoFollowUpStrings.FormRootCause,
            Value = problem.RootCause,
            MaxLength = IntegrationProblem.MaxText,
            IsMultiline = true,
        });
        items.Add(new TextInput
        {
            Id = InputId(DemoRepairData.OwnerInput, problem.Id),
            Label = DemoFollowUpStrings.FormOwner,
            Placeholder = DemoFollowUpStrings.FormOwnerPlaceholder,
            Value = problem.RepairOwner?.Name,
            MaxLength = MaxOwner,
        });
        if (iterations.Count > 0)
        {
            items.Add(new ChoiceSetInput([.. iterations.Select(i => new Choice(Localized.Format(DemoFollowUpStrings.FormDueChoice, i), i.ToString(CultureInfo.InvariantCulture)))])
            {
                Id = InputId(DemoRepairData.DueInput, problem.Id),
                Label = repairPi is { Length: > 0 } pi ? Localized.Format(DemoFollowUpStrings.FormDue, PlainText.EscapeMarkdown(pi)) : DemoFollowUpStrings.FormDueNoPi,
                Style = "compact",
                Value = problem.RepairDueIteration?.ToString(CultureInfo.InvariantCulture),
            });
        }

        items.Add(new ActionSet(
        [
            new ExecuteAction(DemoFollowUpStrings.ActionSavePlan, DemoVerbs.Repair, data),
            new ExecuteAction(DemoFollowUpStrings.ActionRepaired, DemoVerbs.Repair,
                CardData.Write(new DemoRepairData { ProblemId = problem.Id, Repaired = true }, DemoCardDataContext.Default.DemoRepairData)) { AssociatedInputs = "none" },
        ]) { Spacing = "Small" });
        return new Container(items) { Separator = true };
    }

    /// <summary>Where the repair stands, in words.</summary>
    public static string State(IntegrationProblem problem, int maxText = 200)
    {
        if (problem.RepairedAt is { } repaired)
        {
            return Localized.Format(DemoFollowUpStrings.StateRepaired, Localized.Date(repaired));
        }

        var parts = new List<string>();
        if (problem.RootCause is { Length: > 0 } cause)
        {
            parts.Add(Localized.Format(DemoFollowUpStrings.StateRootCause, PlainText.EscapeMarkdown(PlainText.Shorten(cause, maxText))));
        }

        var owner = problem.RepairOwner is { } person ? PlainText.EscapeMarkdown(person.DisplayName) : null;
        parts.Add((owner, problem.RepairDueIteration) switch
        {
            ({ } o, { } due) => Localized.Format(DemoFollowUpStrings.StateOwnerDue, o, due),
            ({ } o, null) => Localized.Format(DemoFollowUpStrings.StateOwner, o),
            (null, { } due) => Localized.Format(DemoFollowUpStrings.StateDue, due),
            _ => DemoFollowUpStrings.StateNoPlan,
        });
        return string.Join(" · ", parts);
    }

    /// <summary>The inputs a repair action sent: the plain names (a card with one form) or the per-problem ones.</summary>
    public static DemoRepairData Read(JsonElement? data, out string? problemId)
    {
        var read = CardData.Read(data, DemoCardDataContext.Default.DemoRepairData);
        problemId = read.ProblemId;
        if (data is not { ValueKind: JsonValueKind.Object } element || read.ProblemId is not { } id)
        {
            return read;
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            values[property.Name] = property.Value;
        }

        return read with
        {
            RootCause = read.RootCause ?? CardData.Input(values, InputId(DemoRepairData.RootCauseInput, id)),
            Owner = read.Owner ?? CardData.Input(values, InputId(DemoRepairData.OwnerInput, id)),
            DueIteration = read.DueIteration ?? CardData.Input(values, InputId(DemoRepairData.DueInput, id)),
        };
    }
}
