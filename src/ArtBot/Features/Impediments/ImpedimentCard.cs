using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Impediments;

/// <summary>
/// The impediment card: kind, severity, title, description, status (ROAM), owner, age, team, source link and the
/// latest history, with Action.Execute buttons for the lifecycle. Open: take ownership, set owner, ROAM, escalate,
/// resolve (with a note). Resolved: reopen. Every action carries only the impediment id; the scope comes from the
/// activity.
/// </summary>
public static class ImpedimentCard
{
    public const string ShowVerb = "impediment.show";
    public const string RaiseVerb = "impediment.raise";
    public const string TakeVerb = "impediment.take";
    public const string ChooseOwnerVerb = "impediment.chooseOwner";
    public const string SetOwnerVerb = "impediment.setOwner";
    public const string RoamVerb = "impediment.roam";
    public const string EscalateVerb = "impediment.escalate";
    public const string ResolveVerb = "impediment.resolve";
    public const string ReopenVerb = "impediment.reopen";

    public const int HistoryShown = 6;

    /// <summary>
    /// Builds the card as of <paramref name="now"/>; <paramref name="ownerChoices"/> opens the owner picker. For the
    /// person acting (<paramref name="viewerId"/>, their own view), actions that no longer apply to them are left out.
    /// </summary>
    public static AdaptiveCard Build(
        Impediment impediment, DateTimeOffset now, string? notice = null, bool noticeIsError = false, IReadOnlyList<Person>? ownerChoices = null,
        string? viewerId = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock(Header(impediment)) { IsSubtle = true, Size = "Small", Spacing = "None" },
            new TextBlock(Md(impediment.Title)) { Size = "Large", Weight = "Bolder", Style = "heading" },
        };

        if (impediment.Description.Length > 0)
        {
            body.Add(new TextBlock(Md(impediment.Description)));
        }

        body.Add(new FactSet(Facts(impediment, now)) { Separator = true });

        if (!impediment.IsOpen && impediment.ResolutionNote is { Length: > 0 } note)
        {
            body.Add(CardNotice.Of(Localized.Format(ImpedimentStrings.CardResolution, Md(note)), "Good"));
        }

        if (notice is not null)
        {
            body.Add(CardNotice.Of(Md(notice), noticeIsError ? "Attention" : "Good", bolder: true));
        }

        if (ownerChoices is not null && impediment.IsOpen)
        {
            body.Add(OwnerPicker(impediment, ownerChoices));
        }

        if (impediment.History.Count > 0)
        {
            body.Add(new TextBlock(ImpedimentStrings.CardHistory) { Weight = "Bolder", Separator = true, Size = "Small" });
            var shown = impediment.History.TakeLast(HistoryShown).ToList();
            if (impediment.History.Count > shown.Count)
            {
                var earlier = impediment.History.Count - shown.Count;
                body.Add(new TextBlock(earlier == 1 ? ImpedimentStrings.CardEarlierChangesOne : Localized.Format(ImpedimentStrings.CardEarlierChangesOther, earlier)) { IsSubtle = true, Size = "Small", Spacing = "None" });
            }

            foreach (var entry in shown)
            {
                body.Add(new TextBlock(Localized.Format(ImpedimentStrings.HistoryLine, When(entry.At), Happened(entry, impediment))) { IsSubtle = true, Size = "Small", Spacing = "None" });
            }
        }

        if (SourceLink(impediment) is { } link)
        {
            body.Add(new ActionSet([link]));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = impediment.IsOpen ? OpenActions(impediment, viewerId) : [Execute(ImpedimentStrings.ActionReopen, ReopenVerb, Named(impediment), "reopen")],
            FallbackText = Localized.Format(ImpedimentStrings.CardFallback, KindName(impediment.Kind), impediment.Title),
        };
    }

    /// <summary>"Impediment · High · raised by Alex" (escaped).</summary>
    public static string Header(Impediment impediment)
    {
        return Localized.Format(impediment.IsOpen ? ImpedimentStrings.CardHeader : ImpedimentStrings.CardHeaderResolved,
            KindName(impediment.Kind), SeverityName(impediment.Severity), Md(impediment.RaisedBy.DisplayName));
    }

    public static string KindName(ImpedimentKind kind) => kind == ImpedimentKind.Risk ? ImpedimentStrings.KindRisk : ImpedimentStrings.KindImpediment;

    /// <summary>"High", in the reader's language.</summary>
    public static string SeverityName(Severity severity) => severity switch
    {
        Severity.Low => ImpedimentStrings.SeverityLow,
        Severity.Medium => ImpedimentStrings.SeverityMedium,
        Severity.High => ImpedimentStrings.SeverityHigh,
        Severity.Critical => ImpedimentStrings.SeverityCritical,
        _ => severity.ToString(),
    };

    /// <summary>"Mitigated", in the reader's language.</summary>
    public static string RoamName(RoamStatus roam) => roam switch
    {
        RoamStatus.Resolved => ImpedimentStrings.RoamResolved,
        RoamStatus.Owned => ImpedimentStrings.RoamOwned,
        RoamStatus.Accepted => ImpedimentStrings.RoamAccepted,
        RoamStatus.Mitigated => ImpedimentStrings.RoamMitigated,
        _ => roam.ToString(),
    };

    /// <summary>"Owned", "Open, not ROAMed yet", "Resolved".</summary>
    public static string Status(Impediment impediment) => impediment.Roam switch
    {
        null => ImpedimentStrings.StatusNotRoamed,
        { } roam => RoamName(roam),
    };

    private static List<Fact> Facts(Impediment impediment, DateTimeOffset now)
    {
        var facts = new List<Fact>
        {
            new(ImpedimentStrings.FactRoam, Status(impediment)),
            new(ImpedimentStrings.FactOwner, impediment.Owner is { } owner ? Md(owner.DisplayName) : ImpedimentStrings.FactOwnerNobody),
            impediment.IsOpen
                ? new(ImpedimentStrings.FactAge, ImpedimentRules.DescribeAge(impediment.Age(now)))
                : new(ImpedimentStrings.FactResolved, Localized.Format(ImpedimentStrings.FactResolvedValue, When(impediment.ResolvedAt!.Value), ImpedimentRules.DescribeAge(impediment.Age(now)))),
            new(ImpedimentStrings.FactRaised, Localized.Format(ImpedimentStrings.FactRaisedValue, When(impediment.RaisedAt), Md(impediment.RaisedBy.DisplayName))),
        };

        if (impediment.TeamName is { Length: > 0 } team)
        {
            facts.Add(new(ImpedimentStrings.FactTeam, Md(team)));
        }

        facts.Add(new(ImpedimentStrings.FactSource, Source(impediment.Source)));
        if (impediment.EscalatedAt is { } escalated)
        {
            facts.Add(new(ImpedimentStrings.FactEscalated, Localized.Format(ImpedimentStrings.FactEscalatedValue, When(escalated), Md(impediment.EscalatedBy?.DisplayName ?? ImpedimentStrings.FactEscalatedBySomeone))));
        }

        return facts;
    }

    private static string Source(ImpedimentSource source) => source.Kind switch
    {
        ImpedimentSourceKind.Message => source.AuthorName is { Length: > 0 } author ? Localized.Format(ImpedimentStrings.SourceMessageBy, Md(author)) : ImpedimentStrings.SourceMessage,
        ImpedimentSourceKind.VoteConcern => ImpedimentStrings.SourceVoteConcern,
        ImpedimentSourceKind.CheckInBlocker => ImpedimentStrings.SourceCheckInBlocker,
        ImpedimentSourceKind.Dependency => ImpedimentStrings.SourceDependency,
        _ => ImpedimentStrings.SourceConversation,
    };

    private static OpenUrlAction? SourceLink(Impediment impediment) =>
        Uri.TryCreate(impediment.Source.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? new OpenUrlAction(impediment.Source.Kind == ImpedimentSourceKind.Message ? ImpedimentStrings.ActionOpenMessage : ImpedimentStrings.ActionOpenSource, url.AbsoluteUri) { Id = "source" }
            : null;

    /// <summary>
    /// "ROAM…": the four statuses (the current one chosen) and "Set ROAM", on the card and on its line in a list
    /// (<paramref name="inList"/>: ids made unique per impediment, as one card holds many).
    /// </summary>
    public static ShowCardAction RoamAction(Impediment impediment, bool inList = false) =>
        new ShowCardAction(ImpedimentStrings.ActionRoam, new AdaptiveCard
        {
            Msteams = null,
            Body =
            [
                new ChoiceSetInput(
                [
                    new Choice(ImpedimentStrings.RoamChoiceResolved, "resolved"),
                    new Choice(ImpedimentStrings.RoamChoiceOwned, "owned"),
                    new Choice(ImpedimentStrings.RoamChoiceAccepted, "accepted"),
                    new Choice(ImpedimentStrings.RoamChoiceMitigated, "mitigated"),
                ])
                {
                    Id = inList ? ImpedimentRoamData.ListRoamInput(impediment.Id) : ImpedimentRoamData.RoamInput,
                    Label = ImpedimentStrings.FormRoamLabel,
                    Style = "expanded",
                    Value = impediment.Roam is { } roam ? ImpedimentRules.Value(roam) : null,
                    IsRequired = true,
                    ErrorMessage = ImpedimentStrings.FormRoamError,
                },
            ],
            Actions = [Execute(ImpedimentStrings.ActionSetRoam, RoamVerb, CardData.Write(new ImpedimentRoamData { ImpedimentId = impediment.Id }, Data.ImpedimentRoamData),
                inList ? "set-roam-" + impediment.Id : "set-roam")],
        }) { Id = inList ? "roam-card-" + impediment.Id : "roam-card" };

    private static List<CardAction> OpenActions(Impediment impediment, string? viewerId) =>
    [
        .. viewerId is not null && impediment.Owner?.Id == viewerId ? Array.Empty<CardAction>() : [Execute(ImpedimentStrings.ActionTakeOwnership, TakeVerb, Named(impediment), "take")],
        Execute(ImpedimentStrings.ActionSetOwner, ChooseOwnerVerb, Named(impediment), "choose-owner"),
        RoamAction(impediment),
        Execute(ImpedimentStrings.ActionEscalate, EscalateVerb, Named(impediment), "escalate"),
        new ShowCardAction(ImpedimentStrings.ActionResolve, new AdaptiveCard
        {
            Msteams = null,
            Body =
            [
                new TextInput
                {
                    Id = ImpedimentResolveData.NoteInput,
                    Label = ImpedimentStrings.FormNoteLabel,
                    IsMultiline = true,
                    MaxLength = ImpedimentRules.MaxNoteLength,
                    IsRequired = true,
                    ErrorMessage = ImpedimentStrings.FormNoteError,
                },
            ],
            Actions = [Execute(ImpedimentStrings.ActionResolve, ResolveVerb, CardData.Write(new ImpedimentResolveData { ImpedimentId = impediment.Id }, Data.ImpedimentResolveData), "resolve")],
        }) { Id = "resolve-card" },
    ];

    private static Container OwnerPicker(Impediment impediment, IReadOnlyList<Person> people)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            names[person.Id] = person.DisplayName;
        }

        var data = CardData.Write(new ImpedimentOwnerData { ImpedimentId = impediment.Id, People = names }, Data.ImpedimentOwnerData);
        return new Container(
        [
            new ChoiceSetInput([.. people.Select(p => new Choice(p.DisplayName, p.Id))])
            {
                Id = ImpedimentOwnerData.OwnerInput,
                Label = ImpedimentStrings.FormOwnerLabel,
                Style = "filtered",
                Placeholder = ImpedimentStrings.FormOwnerPlaceholder,
                Value = impediment.Owner?.Id,
                IsRequired = true,
                ErrorMessage = ImpedimentStrings.FormOwnerError,
            },
            new ActionSet([new ExecuteAction(ImpedimentStrings.ActionAssign, SetOwnerVerb, data) { Id = "assign-owner" }]),
        ]) { Style = "emphasis", Separator = true };
    }

    /// <summary>The data of the buttons that name only the impediment.</summary>
    public static JsonObject Named(Impediment impediment) => CardData.Write(new ImpedimentData { ImpedimentId = impediment.Id }, Data.ImpedimentData);

    private static ImpedimentCardDataContext Data => ImpedimentCardDataContext.Default;

    private static ExecuteAction Execute(string title, string verb, JsonObject data, string id) => new(title, verb, data) { Id = id };

    private static string When(DateTimeOffset at) => Localized.DateTime(at);

    /// <summary>A history row in the reader's language ("Alex took ownership"); rows stored before events were kept, as stored.</summary>
    private static string Happened(ImpedimentHistoryEntry entry, Impediment impediment)
    {
        var who = Md(entry.By.DisplayName);
        var detail = Md(entry.Event?.Detail ?? "");
        return entry.Event?.Kind switch
        {
            ImpedimentEventKind.Raised => Localized.Format(ImpedimentStrings.HistoryRaised, who),
            ImpedimentEventKind.TookOwnership => Localized.Format(ImpedimentStrings.HistoryTookOwnership, who),
            ImpedimentEventKind.TookOwnershipFrom => Localized.Format(ImpedimentStrings.HistoryTookOwnershipFrom, who, detail),
            ImpedimentEventKind.MadeOwner => Localized.Format(ImpedimentStrings.HistoryMadeOwner, who, detail),
            ImpedimentEventKind.SetRoam => Localized.Format(ImpedimentStrings.HistorySetRoam, who, RoamOf(entry.Event)),
            ImpedimentEventKind.SetRoamAndTookOwnership => Localized.Format(ImpedimentStrings.HistorySetRoamAndTookOwnership, who, RoamOf(entry.Event)),
            ImpedimentEventKind.Escalated => Localized.Format(impediment.ArtId is null ? ImpedimentStrings.HistoryEscalatedHere : ImpedimentStrings.HistoryEscalatedToArt, who),
            ImpedimentEventKind.Resolved => Localized.Format(ImpedimentStrings.HistoryResolved, who),
            ImpedimentEventKind.ResolvedWithNote => Localized.Format(ImpedimentStrings.HistoryResolvedWithNote, who, detail),
            ImpedimentEventKind.Reopened => Localized.Format(ImpedimentStrings.HistoryReopened, who),
            _ => Localized.Format(ImpedimentStrings.HistoryAsStored, who, Md(entry.What)),
        };
    }

    private static string RoamOf(ImpedimentEvent? happened) =>
        Enum.TryParse<RoamStatus>(happened?.Detail, out var roam) ? RoamName(roam) : Md(happened?.Detail ?? "");

    private static string Md(string text) => PlainText.EscapeMarkdown(text);
}
