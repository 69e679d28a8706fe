using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Improvements;

namespace ArtBot.Features.Improvements;

/// <summary>
/// One improvement item: its fields, the latest history, and inputs to set owner, status, expected outcome, root
/// cause (5 whys) and linked impediments. Each "Set" button sends the field it changes and the value the card showed,
/// so a change made meanwhile by someone else is detected instead of overwritten.
/// </summary>
public static class ImprovementCard
{
    public const string ShowVerb = "improvement.show";
    public const string SetVerb = "improvement.set";
    public const string OwnerInputId = "owner";
    public const string StatusInputId = "status";
    public const string OutcomeInputId = "outcome";
    public const string ImpedimentsInputId = "impediments";
    public const string WhyInputPrefix = "why";
    public const int HistoryShown = 5;

    /// <summary>A person the owner can be set to (<paramref name="Id"/>: their Teams user id).</summary>
    public sealed record OwnerChoice(string Id, string Name);

    public static AdaptiveCard Build(
        ImprovementItem item, IReadOnlyList<ImprovementChange> history, IReadOnlyList<OwnerChoice> owners,
        DateTimeOffset now, string? notice = null, string? noticeColor = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock($"Improvement item \u00b7 {ImprovementRules.Describe(item.Status)}") { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock(item.Title) { Size = "Large", Weight = "Bolder", Style = "heading" },
        };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = noticeColor ?? "Good" });
        }

        body.Add(new FactSet(Facts(item, now)));
        body.Add(new TextBlock("Problem") { Weight = "Bolder", Separator = true });
        body.Add(new TextBlock(item.Problem));
        if (item.Whys.Count > 0)
        {
            body.Add(new TextBlock("Root cause (5 whys)") { Weight = "Bolder" });
            body.AddRange(item.Whys.Select((why, i) => new TextBlock($"{i + 1}. Why? {why}") { Spacing = "Small" }));
        }

        body.AddRange(OwnerSection(item, owners));
        body.AddRange(StatusSection(item));
        body.AddRange(OutcomeSection(item));
        body.AddRange(RootCauseSection(item));
        body.AddRange(ImpedimentSection(item));

        if (history.Count > 0)
        {
            body.Add(new TextBlock("History") { Weight = "Bolder", Separator = true });
            body.AddRange(history.TakeLast(HistoryShown).Select(change => new TextBlock(Describe(change)) { IsSubtle = true, Size = "Small", Spacing = "None" }));
        }

        return new AdaptiveCard { Body = body, FallbackText = "Improvement item: " + item.Title };
    }

    /// <summary>"20 Nov 2026 Ceri: status Proposed → Committed".</summary>
    public static string Describe(ImprovementChange change)
    {
        var who = change.ByName is { Length: > 0 } name ? ImprovementRules.EscapeMarkdown(name) : "ArtBot";
        var when = change.At.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
        var what = change.Field switch
        {
            ImprovementField.Created => "created" + (change.To is { Length: > 0 } to ? $" ({to})" : string.Empty),
            ImprovementField.CarriedOver => $"carried over from {change.From ?? "no PI"} into {change.To}",
            _ => $"{ImprovementField.Describe(change.Field)}: {Short(change.From) ?? "none"} \u2192 {Short(change.To) ?? "none"}",
        };
        return $"{when} \u00b7 {who}: {what}";
    }

    private static List<Fact> Facts(ImprovementItem item, DateTimeOffset now)
    {
        var facts = new List<Fact>
        {
            new("Owner", item.OwnerName is { Length: > 0 } owner ? ImprovementRules.EscapeMarkdown(owner) : "nobody yet"),
            new("Status", ImprovementRules.Describe(item.Status)),
            new("Target PI", item.TargetPi is { Length: > 0 } target ? ImprovementRules.EscapeMarkdown(target) : "the next PI"),
            new("Expected outcome", item.ExpectedOutcome ?? "not set"),
        };
        if (item.SourcePi is { Length: > 0 } source)
        {
            facts.Add(new("From the I&A of", ImprovementRules.EscapeMarkdown(source)));
        }

        if (item.CarriedFromPi is { Length: > 0 } carried)
        {
            facts.Add(new("Carried over from", ImprovementRules.EscapeMarkdown(carried)));
        }

        if (item.ImpedimentIds.Count > 0)
        {
            facts.Add(new("Impediments", string.Join(", ", item.ImpedimentIds)));
        }

        facts.Add(new("Dots", item.Dots.ToString(CultureInfo.InvariantCulture)));
        facts.Add(new("Age", ImprovementRules.Age(item.CreatedAt, now)));
        return facts;
    }

    private static IEnumerable<CardElement> OwnerSection(ImprovementItem item, IReadOnlyList<OwnerChoice> owners)
    {
        var choices = owners
            .GroupBy(o => o.Id, StringComparer.Ordinal).Select(g => g.First())
            .Select(o => new Choice(o.Name, o.Id)).ToList();
        if (item.OwnerTeamsId is { Length: > 0 } current && !choices.Any(c => c.Value == current))
        {
            choices.Insert(0, new Choice(item.OwnerName ?? current, current));
        }

        if (choices.Count == 0)
        {
            // Teams did not list the members: the owner's email (UPN) works too, and is checked the same way.
            yield return new TextInput
            {
                Id = OwnerInputId,
                Label = "Owner (email)",
                Placeholder = "name@example.com",
                MaxLength = 200,
                Separator = true,
            };
        }
        else
        {
            yield return new ChoiceSetInput(choices)
            {
                Id = OwnerInputId,
                Label = "Owner",
                Value = item.OwnerTeamsId,
                Style = "filtered",
                Placeholder = "Choose a person",
                Separator = true,
            };
        }

        yield return new ActionSet([Set(item, ImprovementField.Owner, "Set owner")]);
    }

    private static IEnumerable<CardElement> StatusSection(ImprovementItem item)
    {
        yield return new ChoiceSetInput([.. Enum.GetValues<ImprovementStatus>().Select(s => new Choice(ImprovementRules.Describe(s), ImprovementRules.Value(s)))])
        {
            Id = StatusInputId,
            Label = "Status",
            Value = ImprovementRules.Value(item.Status),
            Style = "compact",
        };
        yield return new ActionSet([Set(item, ImprovementField.Status, "Set status")]);
    }

    private static IEnumerable<CardElement> OutcomeSection(ImprovementItem item)
    {
        yield return new TextInput
        {
            Id = OutcomeInputId,
            Label = "Expected outcome",
            Placeholder = "What will be better, and how will we know?",
            Value = Unescape(item.ExpectedOutcome),
            IsMultiline = true,
            MaxLength = ImprovementRules.MaxOutcomeLength,
        };
        yield return new ActionSet([Set(item, ImprovementField.Outcome, "Save outcome")]);
    }

    private static IEnumerable<CardElement> RootCauseSection(ImprovementItem item)
    {
        for (var i = 0; i < ImprovementRules.MaxWhys; i++)
        {
            yield return new TextInput
            {
                Id = WhyInputPrefix + (i + 1).ToString(CultureInfo.InvariantCulture),
                Label = i == 0 ? "Root cause: why did it happen? (5 whys)" : null,
                Placeholder = i == 0 ? "Why?" : "And why is that?",
                Value = i < item.Whys.Count ? Unescape(item.Whys[i]) : null,
                MaxLength = ImprovementRules.MaxWhyLength,
                Spacing = i == 0 ? null : "Small",
            };
        }

        yield return new ActionSet([Set(item, ImprovementField.RootCause, "Save root cause")]);
    }

    private static IEnumerable<CardElement> ImpedimentSection(ImprovementItem item)
    {
        yield return new TextInput
        {
            Id = ImpedimentsInputId,
            Label = "Impediments it addresses (ids)",
            Placeholder = "e.g. imp-12, imp-15",
            Value = string.Join(", ", item.ImpedimentIds),
            MaxLength = 400,
        };
        yield return new ActionSet([Set(item, ImprovementField.Impediments, "Save links")]);
    }

    private static ExecuteAction Set(ImprovementItem item, string field, string title) =>
        new(title, SetVerb, new JsonObject { ["itemId"] = item.Id, ["field"] = field, ["seen"] = ImprovementRules.Read(item, field) })
        {
            Id = $"set-{field}",
        };

    /// <summary>Inputs show stored (Markdown-escaped) text as typed.</summary>
    public static string? Unescape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    private static string? Short(string? text) => text is null ? null : text.Length <= 60 ? text : text[..59].TrimEnd('\\') + "\u2026";
}
