using System.Globalization;
using System.Text.Json.Nodes;
using ArtBot.BotFramework.Cards;
using ArtBot.Domain.Arts;

namespace ArtBot.Features.Arts;

/// <summary>The ART's cards: the settings form (set up and change) and the overview <c>art</c> shows.</summary>
public static class ArtCards
{
    public const string SaveVerb = "art.save";
    public const string EditVerb = "art.edit";
    public const string JoinVerb = "art.join";

    /// <summary>The settings form. <paramref name="art"/> is null when setting up a new ART.</summary>
    public static AdaptiveCard Form(ArtForm values, IReadOnlyList<Choice> summaryChannels, Art? art, string? error = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock(art is null ? "Set up an Agile Release Train" : $"Settings of {art.Name}") { Size = "Large", Weight = "Bolder", Style = "heading" },
        };
        if (error is not null)
        {
            body.Add(new TextBlock(error) { Color = "Attention", Weight = "Bolder" });
        }

        body.AddRange(
        [
            new TextInput { Id = ArtForm.NameId, Label = "ART name", Value = values.Name, IsRequired = true, MaxLength = ArtRules.MaxNameLength, ErrorMessage = "The ART needs a name." },
            new ColumnSet(
            [
                new Column([new TextInput { Id = ArtForm.PiNameId, Label = "Current PI", Placeholder = "PI 2027.1", Value = values.PiName, MaxLength = ArtRules.MaxNameLength }]) { Width = "stretch" },
                new Column([new DateInput { Id = ArtForm.PiStartId, Label = "Starts", Value = values.PiStart }]) { Width = "stretch" },
                new Column([new DateInput { Id = ArtForm.PiEndId, Label = "Ends", Value = values.PiEnd }]) { Width = "stretch" },
            ]),
            new ColumnSet(
            [
                new Column([new ChoiceSetInput([.. Enum.GetValues<DayOfWeek>().Skip(1).Append(DayOfWeek.Sunday).Select(d => new Choice(d.ToString(), d.ToString()))])
                {
                    Id = ArtForm.DayId, Label = "ART sync day", Value = values.Day ?? nameof(DayOfWeek.Wednesday), Style = "compact",
                }]) { Width = "stretch" },
                new Column([new TimeInput { Id = ArtForm.TimeId, Label = "Time", Value = values.Time ?? "10:00" }]) { Width = "stretch" },
                new Column([new TextInput { Id = ArtForm.TimeZoneId, Label = "Time zone (IANA)", Placeholder = "Europe/Berlin", Value = values.TimeZone, MaxLength = 64 }]) { Width = "stretch" },
            ]),
            new ColumnSet(
            [
                new Column([new ChoiceSetInput([.. ArtForm.PromptLeads.Select(m => new Choice(Lead(m) + " before", Text(m)))])
                {
                    Id = ArtForm.PromptLeadId, Label = "Check-in prompt", Value = values.PromptLead ?? "1440", Style = "compact",
                }]) { Width = "stretch" },
                new Column([new ChoiceSetInput([.. ArtForm.ReminderLeads.Select(m => new Choice(m == 0 ? "No reminders" : Lead(m) + " before", Text(m)))])
                {
                    Id = ArtForm.ReminderLeadId, Label = "Reminder", Value = values.ReminderLead ?? "120", Style = "compact",
                }]) { Width = "stretch" },
            ]),
            new ChoiceSetInput([.. summaryChannels])
            {
                Id = ArtForm.SummaryId, Label = "Channel for the ART sync summary", Value = values.Summary ?? (summaryChannels.Count > 0 ? summaryChannels[0].Value : null), Style = "compact",
            },
            new ColumnSet(
            [
                new Column([new ChoiceSetInput([.. Enumerable.Range(IterationCadence.MinWeeks, IterationCadence.MaxWeeks).Select(w => new Choice(w == 1 ? "1 week" : $"{w} weeks", Text(w)))])
                {
                    Id = ArtForm.IterationWeeksId, Label = "Iteration length", Value = values.IterationWeeks ?? Text(IterationCadence.Default.Weeks), Style = "compact",
                }]) { Width = "stretch" },
                new Column([new ToggleInput("The PI's last iteration is the IP iteration")
                {
                    Id = ArtForm.IpIterationId, Value = values.IpIteration ?? IterationCadence.Default.LastIsIp ? "true" : "false", ValueOn = "true", ValueOff = "false",
                }]) { Width = "stretch", VerticalContentAlignment = "Bottom" },
            ]),
            new ToggleInput("Reminders and summaries may name people who have not answered")
            {
                Id = ArtForm.NameNonRespondersId, Value = values.NameNonResponders ? "true" : "false", ValueOn = "true", ValueOff = "false",
            },
        ]);

        var data = new JsonObject();
        if (art is not null)
        {
            data["artId"] = art.Id;
            data["version"] = art.Version;
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction(art is null ? "Set up ART" : "Save settings", SaveVerb, data) { Style = "positive" }],
            FallbackText = "ART settings form",
        };
    }

    /// <summary>What <c>art</c> shows: the ART, its PI, schedule, RTEs and teams.</summary>
    public static AdaptiveCard Overview(Art art, IReadOnlyList<ArtTeam> teams, DateOnly today, string? note = null)
    {
        var body = new List<CardElement> { new TextBlock(art.Name) { Size = "Large", Weight = "Bolder", Style = "heading" } };
        if (note is not null)
        {
            body.Add(new TextBlock(note) { Color = "Good", Weight = "Bolder" });
        }

        var upcomingSkips = art.SkippedDates.Where(d => d >= today).Order().Take(6).ToList();
        body.Add(new FactSet(
        [
            new Fact("PI", art.CurrentPi is { } pi ? $"{pi.Name} ({Date(pi.Start)} to {Date(pi.End)})" : "not set"),
            new Fact("Iterations", Iterations(art, today)),
            new Fact("ART sync", Schedule(art.Sync)),
            new Fact("RTEs", string.Join(", ", art.Rtes.Select(r => r.Name ?? "(unnamed)"))),
            new Fact("Business Owners", art.BusinessOwners.Count == 0
                ? "none yet (RTEs add them with `art bo add @person`)"
                : string.Join(", ", art.BusinessOwners.Select(b => b.Name ?? "(unnamed)"))),
            new Fact("Skipped", upcomingSkips.Count == 0 ? "none" : string.Join(", ", upcomingSkips.Select(Date))),
            new Fact("Non-responders", art.NameNonResponders ? "named" : "not named (teams only)"),
        ]));

        body.Add(new TextBlock(teams.Count == 0 ? "No teams yet" : $"Teams ({teams.Count})") { Weight = "Bolder", Separator = true });
        if (teams.Count == 0)
        {
            body.Add(new TextBlock("Each team's channel joins with `art join <team name>` (ArtBot must be installed in that team)."));
        }

        foreach (var team in teams.OrderBy(t => t.TeamName, StringComparer.OrdinalIgnoreCase))
        {
            var line = team.UnreachableSince is { } since
                ? $"{team.TeamName}: ArtBot was removed from its channel on {Date(DateOnly.FromDateTime(since.UtcDateTime))}; prompts are paused"
                : team.TeamName;
            body.Add(new TextBlock(line) { Spacing = "Small", Color = team.UnreachableSince is null ? null : "Warning" });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Change settings", EditVerb, new JsonObject { ["artId"] = art.Id })],
            FallbackText = $"ART {art.Name}",
        };
    }

    /// <summary>Asks which ART a team joins when the tenant has several.</summary>
    public static AdaptiveCard ChooseArt(string teamName, IReadOnlyList<Art> arts) => new()
    {
        Body =
        [
            new TextBlock($"Which ART does {teamName} belong to?") { Weight = "Bolder", Size = "Medium" },
            new ActionSet([.. arts.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Take(10)
                .Select(a => new ExecuteAction(a.Name, JoinVerb, new JsonObject { ["artId"] = a.Id, ["teamName"] = teamName }))]),
        ],
        FallbackText = "Choose the ART to join",
    };

    /// <summary>"Wednesdays at 10:00 (Europe/Berlin); prompt 1 day before; reminder 2 hours before".</summary>
    public static string Schedule(SyncSchedule sync) =>
        $"{sync.Day}s at {sync.Time:HH\\:mm} ({sync.TimeZoneId}); prompt {Lead((int)sync.PromptLead.TotalMinutes)} before; "
        + (sync.RemindersOn ? $"reminder {Lead((int)sync.ReminderLead.TotalMinutes)} before" : "no reminders");

    public static string Lead(int minutes) => minutes switch
    {
        >= 1440 when minutes % 1440 == 0 => minutes == 1440 ? "1 day" : $"{minutes / 1440} days",
        >= 60 when minutes % 60 == 0 => minutes == 60 ? "1 hour" : $"{minutes / 60} hours",
        _ => $"{minutes} minutes",
    };

    private static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Text(int minutes) => minutes.ToString(CultureInfo.InvariantCulture);

    /// <summary>"5 of 2 weeks, the last one IP; now iteration 3 (15 Feb 2027 to 28 Feb 2027)".</summary>
    private static string Iterations(Art art, DateOnly today)
    {
        var weeks = art.Cadence.Weeks == 1 ? "1 week" : $"{art.Cadence.Weeks} weeks";
        if (art.CurrentPi is not { } pi)
        {
            return $"{weeks} each{(art.Cadence.LastIsIp ? ", the last one IP" : "")}";
        }

        var iterations = art.Cadence.Of(pi);
        var text = $"{iterations.Count} of {weeks}{(iterations[^1].IsIp ? ", the last one IP" : "")}";
        return art.Cadence.At(pi, today) is { } now
            ? $"{text}; now {(now.IsIp ? "the IP iteration" : $"iteration {now.Number}")} ({Date(now.Start)} to {Date(now.End)})"
            : text;
    }
}
