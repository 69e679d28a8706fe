using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Impediments;
using ArtBot.Domain.People;
using ArtBot.Domain.Text;

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
    public const string TakeVerb = "impediment.take";
    public const string ChooseOwnerVerb = "impediment.chooseOwner";
    public const string SetOwnerVerb = "impediment.setOwner";
    public const string RoamVerb = "impediment.roam";
    public const string EscalateVerb = "impediment.escalate";
    public const string ResolveVerb = "impediment.resolve";
    public const string ReopenVerb = "impediment.reopen";

    public const string IdField = "impedimentId";
    public const string RoamInputId = "roam";
    public const string NoteInputId = "note";
    public const string OwnerInputId = "ownerId";
    public const string PeopleField = "people";

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
            body.Add(new TextBlock("Resolution: " + Md(note)) { Color = "Good" });
        }

        if (notice is not null)
        {
            body.Add(new TextBlock(Md(notice)) { Color = noticeIsError ? "Attention" : "Good", Weight = "Bolder" });
        }

        if (ownerChoices is not null && impediment.IsOpen)
        {
            body.Add(OwnerPicker(impediment, ownerChoices));
        }

        if (impediment.History.Count > 0)
        {
            body.Add(new TextBlock("History") { Weight = "Bolder", Separator = true, Size = "Small" });
            var shown = impediment.History.TakeLast(HistoryShown).ToList();
            if (impediment.History.Count > shown.Count)
            {
                var earlier = impediment.History.Count - shown.Count;
                body.Add(new TextBlock(earlier == 1 ? "1 earlier change" : $"{earlier} earlier changes") { IsSubtle = true, Size = "Small", Spacing = "None" });
            }

            foreach (var entry in shown)
            {
                body.Add(new TextBlock($"{When(entry.At)} \u00b7 {Md(entry.By.DisplayName)} {Md(entry.What)}") { IsSubtle = true, Size = "Small", Spacing = "None" });
            }
        }

        if (SourceLink(impediment) is { } link)
        {
            body.Add(new ActionSet([link]));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = impediment.IsOpen ? OpenActions(impediment, viewerId) : [Execute("Reopen", ReopenVerb, impediment, "reopen")],
            FallbackText = $"{KindName(impediment.Kind)}: {impediment.Title}",
        };
    }

    /// <summary>"Impediment · High · raised by Alex" (escaped).</summary>
    public static string Header(Impediment impediment)
    {
        var state = impediment.IsOpen ? "" : " \u00b7 resolved";
        return $"{KindName(impediment.Kind)} \u00b7 {impediment.Severity} severity{state} \u00b7 raised by {Md(impediment.RaisedBy.DisplayName)}";
    }

    public static string KindName(ImpedimentKind kind) => kind == ImpedimentKind.Risk ? "Risk" : "Impediment";

    /// <summary>"Owned", "Open, not ROAMed yet", "Resolved".</summary>
    public static string Status(Impediment impediment) => impediment.Roam switch
    {
        null => "Open, not ROAMed yet",
        { } roam => roam.ToString(),
    };

    private static List<Fact> Facts(Impediment impediment, DateTimeOffset now)
    {
        var facts = new List<Fact>
        {
            new("ROAM", Status(impediment)),
            new("Owner", impediment.Owner is { } owner ? Md(owner.DisplayName) : "Nobody yet"),
            impediment.IsOpen
                ? new("Age", ImpedimentRules.DescribeAge(impediment.Age(now)))
                : new("Resolved", $"{When(impediment.ResolvedAt!.Value)}, after {ImpedimentRules.DescribeAge(impediment.Age(now))}"),
            new("Raised", $"{When(impediment.RaisedAt)} by {Md(impediment.RaisedBy.DisplayName)}"),
        };

        if (impediment.TeamName is { Length: > 0 } team)
        {
            facts.Add(new("Team", Md(team)));
        }

        facts.Add(new("Raised from", Source(impediment.Source)));
        if (impediment.EscalatedAt is { } escalated)
        {
            facts.Add(new("Escalated", $"{When(escalated)} by {Md(impediment.EscalatedBy?.DisplayName ?? "someone")}"));
        }

        return facts;
    }

    private static string Source(ImpedimentSource source) => source.Kind switch
    {
        ImpedimentSourceKind.Message => source.AuthorName is { Length: > 0 } author ? $"A message by {Md(author)}" : "A message",
        ImpedimentSourceKind.VoteConcern => "A concern voiced in a confidence vote",
        ImpedimentSourceKind.CheckInBlocker => "A blocker in an ART sync check-in",
        ImpedimentSourceKind.Dependency => "A dependency between teams at risk",
        _ => "A post in this conversation",
    };

    private static OpenUrlAction? SourceLink(Impediment impediment) =>
        Uri.TryCreate(impediment.Source.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps
            ? new OpenUrlAction(impediment.Source.Kind == ImpedimentSourceKind.Message ? "Open the message" : "Open the source", url.AbsoluteUri) { Id = "source" }
            : null;

    private static List<CardAction> OpenActions(Impediment impediment, string? viewerId) =>
    [
        .. viewerId is not null && impediment.Owner?.Id == viewerId ? Array.Empty<CardAction>() : [Execute("Take ownership", TakeVerb, impediment, "take")],
        Execute("Set owner", ChooseOwnerVerb, impediment, "choose-owner"),
        new ShowCardAction("ROAM", new AdaptiveCard
        {
            Msteams = null,
            Body =
            [
                new ChoiceSetInput(
                [
                    new Choice("Resolved - no longer a concern", "resolved"),
                    new Choice("Owned - someone has taken responsibility", "owned"),
                    new Choice("Accepted - nothing more can be done", "accepted"),
                    new Choice("Mitigated - a plan reduces it", "mitigated"),
                ])
                {
                    Id = RoamInputId,
                    Label = "ROAM status",
                    Style = "expanded",
                    Value = impediment.Roam is { } roam ? ImpedimentRules.Value(roam) : null,
                    IsRequired = true,
                    ErrorMessage = "Choose a ROAM status.",
                },
            ],
            Actions = [Execute("Set ROAM status", RoamVerb, impediment, "set-roam")],
        }) { Id = "roam-card" },
        Execute("Escalate", EscalateVerb, impediment, "escalate"),
        new ShowCardAction("Resolve", new AdaptiveCard
        {
            Msteams = null,
            Body =
            [
                new TextInput
                {
                    Id = NoteInputId,
                    Label = "How was it resolved?",
                    IsMultiline = true,
                    MaxLength = ImpedimentRules.MaxNoteLength,
                    IsRequired = true,
                    ErrorMessage = "Add a short note.",
                },
            ],
            Actions = [Execute("Resolve", ResolveVerb, impediment, "resolve")],
        }) { Id = "resolve-card" },
    ];

    private static Container OwnerPicker(Impediment impediment, IReadOnlyList<Person> people)
    {
        var data = new JsonObject { [IdField] = impediment.Id };
        var names = new JsonObject();
        foreach (var person in people)
        {
            names[person.Id] = person.DisplayName;
        }

        data[PeopleField] = names;
        return new Container(
        [
            new ChoiceSetInput([.. people.Select(p => new Choice(p.DisplayName, p.Id))])
            {
                Id = OwnerInputId,
                Label = "New owner",
                Style = "filtered",
                Placeholder = "Type a name",
                Value = impediment.Owner?.Id,
                IsRequired = true,
                ErrorMessage = "Choose the new owner.",
            },
            new ActionSet([new ExecuteAction("Assign", SetOwnerVerb, data) { Id = "assign-owner" }]),
        ]) { Style = "emphasis", Separator = true };
    }

    private static ExecuteAction Execute(string title, string verb, Impediment impediment, string id) =>
        new(title, verb, new JsonObject { [IdField] = impediment.Id }) { Id = id };

    private static string When(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Md(string text) => PlainText.EscapeMarkdown(text);
}
