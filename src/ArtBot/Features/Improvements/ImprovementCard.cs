using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Improvements;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

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
    public const int HistoryShown = 5;

    /// <summary>A person the owner can be set to (<paramref name="Id"/>: their Teams user id).</summary>
    public sealed record OwnerChoice(string Id, string Name);

    public static AdaptiveCard Build(
        ImprovementItem item, IReadOnlyList<ImprovementChange> history, IReadOnlyList<OwnerChoice> owners,
        DateTimeOffset now, string? notice = null, string? noticeColor = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock(Localized.Format(ImprovementStrings.ItemHeader, ImprovementRules.Describe(item.Status))) { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock(item.Title) { Size = "Large", Weight = "Bolder", Style = "heading" },
        };
        if (notice is not null)
        {
            body.Add(CardNotice.Of(notice, noticeColor ?? "Good"));
        }

        body.Add(new FactSet(Facts(item, now)));
        body.Add(new TextBlock(ImprovementStrings.ItemProblem) { Weight = "Bolder", Separator = true });
        body.Add(new TextBlock(item.Problem));
        if (item.Whys.Count > 0)
        {
            body.Add(new TextBlock(ImprovementStrings.ItemRootCause) { Weight = "Bolder" });
            body.AddRange(item.Whys.Select((why, i) => new TextBlock(Localized.Format(ImprovementStrings.ItemWhy, i + 1, why)) { Spacing = "Small" }));
        }

        body.AddRange(OwnerSection(item, owners));
        body.AddRange(StatusSection(item));
        body.AddRange(OutcomeSection(item));
        body.AddRange(RootCauseSection(item));
        body.AddRange(ImpedimentSection(item));

        if (history.Count > 0)
        {
            body.Add(new TextBlock(ImprovementStrings.ItemHistory) { Weight = "Bolder", Separator = true });
            body.AddRange(history.TakeLast(HistoryShown).Select(change => new TextBlock(Describe(change, item)) { IsSubtle = true, Size = "Small", Spacing = "None" }));
        }

        return new AdaptiveCard { Body = body, FallbackText = Localized.Format(ImprovementStrings.ItemFallback, item.Title) };
    }

    /// <summary>"20 Nov 2026 Ceri: status Proposed → Committed".</summary>
    /// <param name="item">The item, when known: its creation from a workshop is then said in the reader's language.</param>
    public static string Describe(ImprovementChange change, ImprovementItem? item = null)
    {
        var who = change.ByName is { Length: > 0 } name ? PlainText.EscapeMarkdown(name) : "ArtBot";
        var when = change.At.ToString(ImprovementStrings.HistoryDateTimePattern, Localized.Culture);
        var what = change.Field switch
        {
            ImprovementField.Created when item?.WorkshopId is not null => Localized.Format(ImprovementStrings.HistoryCreatedFromWorkshop,
                item.SourcePi is { Length: > 0 } pi ? PlainText.EscapeMarkdown(pi) : ImprovementStrings.HistoryNoPi, item.Dots),
            ImprovementField.Created => change.To is { Length: > 0 } to
                ? Localized.Format(ImprovementStrings.HistoryCreatedWith, to)
                : ImprovementStrings.HistoryCreated,
            ImprovementField.CarriedOver => change.From is { } from
                ? Localized.Format(ImprovementStrings.HistoryCarriedOver, from, change.To)
                : Localized.Format(ImprovementStrings.HistoryCarriedOverNoPi, change.To),
            _ => Localized.Format(ImprovementStrings.HistoryChanged, ImprovementField.Describe(change.Field),
                Short(Value(change.Field, change.From)) ?? ImprovementStrings.HistoryNone, Short(Value(change.Field, change.To)) ?? ImprovementStrings.HistoryNone),
        };
        return Localized.Format(ImprovementStrings.HistoryLine, when, who, what);
    }

    // Stored values are English; a status is shown in the reader's language.
    private static string? Value(string field, string? stored) => field == ImprovementField.Status ? ImprovementRules.DescribeStored(stored) : stored;

    private static List<Fact> Facts(ImprovementItem item, DateTimeOffset now)
    {
        var facts = new List<Fact>
        {
            new(ImprovementStrings.FactOwner, item.OwnerName is { Length: > 0 } owner ? PlainText.EscapeMarkdown(owner) : ImprovementStrings.FactNobody),
            new(ImprovementStrings.FactStatus, ImprovementRules.Describe(item.Status)),
            new(ImprovementStrings.FactTargetPi, item.TargetPi is { Length: > 0 } target ? PlainText.EscapeMarkdown(target) : ImprovementStrings.FactNextPi),
            new(ImprovementStrings.FactExpectedOutcome, item.ExpectedOutcome ?? ImprovementStrings.FactNotSet),
        };
        if (item.SourcePi is { Length: > 0 } source)
        {
            facts.Add(new(ImprovementStrings.FactSourcePi, PlainText.EscapeMarkdown(source)));
        }

        if (item.CarriedFromPi is { Length: > 0 } carried)
        {
            facts.Add(new(ImprovementStrings.FactCarriedFrom, PlainText.EscapeMarkdown(carried)));
        }

        if (item.ImpedimentIds.Count > 0)
        {
            facts.Add(new(ImprovementStrings.FactImpediments, string.Join(", ", item.ImpedimentIds)));
        }

        facts.Add(new(ImprovementStrings.FactDots, item.Dots.ToString(Localized.Culture)));
        facts.Add(new(ImprovementStrings.FactAge, ImprovementRules.Age(item.CreatedAt, now)));
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
                Id = ImprovementSetData.OwnerInput,
                Label = ImprovementStrings.FormOwnerEmailLabel,
                Placeholder = ImprovementStrings.FormOwnerEmailPlaceholder,
                MaxLength = 200,
                Separator = true,
            };
        }
        else
        {
            yield return new ChoiceSetInput(choices)
            {
                Id = ImprovementSetData.OwnerInput,
                Label = ImprovementStrings.FormOwnerLabel,
                Value = item.OwnerTeamsId,
                Style = "filtered",
                Placeholder = ImprovementStrings.FormOwnerPlaceholder,
                Separator = true,
            };
        }

        yield return new ActionSet([Set(item, ImprovementField.Owner, ImprovementStrings.FormSetOwner)]);
    }

    private static IEnumerable<CardElement> StatusSection(ImprovementItem item)
    {
        yield return new ChoiceSetInput([.. Enum.GetValues<ImprovementStatus>().Select(s => new Choice(ImprovementRules.Describe(s), ImprovementRules.Value(s)))])
        {
            Id = ImprovementSetData.StatusInput,
            Label = ImprovementStrings.FormStatusLabel,
            Value = ImprovementRules.Value(item.Status),
            Style = "compact",
        };
        yield return new ActionSet([Set(item, ImprovementField.Status, ImprovementStrings.FormSetStatus)]);
    }

    private static IEnumerable<CardElement> OutcomeSection(ImprovementItem item)
    {
        yield return new TextInput
        {
            Id = ImprovementSetData.OutcomeInput,
            Label = ImprovementStrings.FormOutcomeLabel,
            Placeholder = ImprovementStrings.FormOutcomePlaceholder,
            Value = Unescape(item.ExpectedOutcome),
            IsMultiline = true,
            MaxLength = ImprovementRules.MaxOutcomeLength,
        };
        yield return new ActionSet([Set(item, ImprovementField.Outcome, ImprovementStrings.FormSaveOutcome)]);
    }

    private static IEnumerable<CardElement> RootCauseSection(ImprovementItem item)
    {
        for (var i = 0; i < ImprovementRules.MaxWhys; i++)
        {
            yield return new TextInput
            {
                Id = ImprovementSetData.WhyInputs[i],
                Label = i == 0 ? ImprovementStrings.FormRootCauseLabel : Localized.Format(ImprovementStrings.FormWhyLabel, i + 1),
                Placeholder = i == 0 ? ImprovementStrings.FormWhyPlaceholder : ImprovementStrings.FormWhyMorePlaceholder,
                Value = i < item.Whys.Count ? Unescape(item.Whys[i]) : null,
                MaxLength = ImprovementRules.MaxWhyLength,
                Spacing = i == 0 ? null : "Small",
            };
        }

        yield return new ActionSet([Set(item, ImprovementField.RootCause, ImprovementStrings.FormSaveRootCause)]);
    }

    private static IEnumerable<CardElement> ImpedimentSection(ImprovementItem item)
    {
        yield return new TextInput
        {
            Id = ImprovementSetData.ImpedimentsInput,
            Label = ImprovementStrings.FormImpedimentsLabel,
            Placeholder = ImprovementStrings.FormImpedimentsPlaceholder,
            Value = string.Join(", ", item.ImpedimentIds),
            MaxLength = 400,
        };
        yield return new ActionSet([Set(item, ImprovementField.Impediments, ImprovementStrings.FormSaveLinks)]);
    }

    private static ExecuteAction Set(ImprovementItem item, string field, string title) =>
        new(title, SetVerb, CardData.Write(new ImprovementSetData { ItemId = item.Id, Field = field, Seen = ImprovementRules.Read(item, field) }, ImprovementCardDataContext.Default.ImprovementSetData))
        {
            Id = $"set-{field}",
        };

    /// <summary>The data of "Open" on a list of items.</summary>
    public static System.Text.Json.Nodes.JsonObject ShowData(ImprovementItem item) =>
        CardData.Write(new ImprovementShowData { ItemId = item.Id }, ImprovementCardDataContext.Default.ImprovementShowData);

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
