using System.Globalization;
using ArtBot.BotFramework.Cards;
using ArtBot.BotFramework.Routing;
using ArtBot.Domain.Arts;
using ArtBot.Domain.Text;
using ArtBot.Features.Common;

namespace ArtBot.Features.Arts;

/// <summary>The ART's cards: the settings form (set up and change) and the overview <c>art</c> shows.</summary>
public static class ArtCards
{
    public const string SaveVerb = "art.save";
    public const string EditVerb = "art.edit";
    public const string JoinVerb = "art.join";

    /// <summary>The settings form. <paramref name="art"/> is null when setting up a new ART.</summary>
    /// <param name="now">When the form is shown: the time zones' offsets are listed as they are then.</param>
    public static AdaptiveCard Form(ArtForm values, IReadOnlyList<Choice> summaryChannels, Art? art, string? error = null, DateTimeOffset? now = null)
    {
        var body = new List<CardElement>
        {
            new TextBlock(art is null ? ArtStrings.FormTitleSetup : Localized.Format(ArtStrings.FormTitleSettings, art.Name)) { Size = "Large", Weight = "Bolder", Style = "heading" },
        };
        if (error is not null)
        {
            body.Add(CardNotice.Of(error, "Attention", bolder: true));
        }

        body.AddRange(
        [
            new TextInput { Id = ArtSaveData.NameInput, Label = ArtStrings.FormName, Value = values.Name, IsRequired = true, MaxLength = ArtRules.MaxNameLength, ErrorMessage = ArtStrings.FormNameRequired },
            // Dates two to a row so their pickers are never cut off ("Select a dat…") on a narrow card.
            new TextInput { Id = ArtSaveData.PiNameInput, Label = ArtStrings.FormCurrentPi, Placeholder = ArtStrings.FormPiPlaceholder, Value = values.PiName, MaxLength = ArtRules.MaxNameLength },
            new ColumnSet(
            [
                new Column([new DateInput { Id = ArtSaveData.PiStartInput, Label = ArtStrings.FormPiStart, Value = values.PiStart }]) { Width = "stretch" },
                new Column([new DateInput { Id = ArtSaveData.PiEndInput, Label = ArtStrings.FormPiEnd, Value = values.PiEnd }]) { Width = "stretch" },
            ]),
            new ColumnSet(
            [
                new Column([new ChoiceSetInput([.. Enum.GetValues<DayOfWeek>().Skip(1).Append(DayOfWeek.Sunday).Select(d => new Choice(Localized.DayName(d), d.ToString()))])
                {
                    Id = ArtSaveData.DayInput, Label = ArtStrings.FormSyncDay, Value = values.Day ?? nameof(DayOfWeek.Wednesday), Style = "compact",
                }]) { Width = "stretch" },
                new Column([new TimeInput { Id = ArtSaveData.TimeInput, Label = ArtStrings.FormSyncTime, Value = values.Time ?? "10:00" }]) { Width = "stretch" },
            ]),
            new ChoiceSetInput([.. TimeZoneChoices.At(now ?? DateTimeOffset.UnixEpoch, values.TimeZone, art?.Sync.TimeZoneId)])
            {
                // Typeahead in Teams ("filtered"): type a city.
                Id = ArtSaveData.TimeZoneInput, Label = ArtStrings.FormTimeZone, Placeholder = ArtStrings.FormTimeZonePlaceholder, Value = values.TimeZone,
                Style = "filtered", IsRequired = true, ErrorMessage = ArtStrings.FormTimeZoneRequired,
            },
            new ChoiceSetInput([.. Languages.Supported.Select(code => new Choice(Languages.NativeName(code), code))])
            {
                Id = ArtSaveData.LanguageInput, Label = ArtStrings.FormLanguage, Style = "compact",
                Value = values.Language ?? (Languages.Supported.Contains(Localized.Culture.TwoLetterISOLanguageName) ? Localized.Culture.TwoLetterISOLanguageName : "en"),
            },
            new ColumnSet(
            [
                new Column([new ChoiceSetInput([.. ArtForm.PromptLeads.Select(m => new Choice(Localized.Format(ArtStrings.FormLeadBefore, Lead(m)), Text(m)))])
                {
                    Id = ArtSaveData.PromptLeadInput, Label = ArtStrings.FormPrompt, Value = values.PromptLead ?? "1440", Style = "compact",
                }]) { Width = "stretch" },
                new Column([new ChoiceSetInput([.. ArtForm.ReminderLeads.Select(m => new Choice(m == 0 ? ArtStrings.FormNoReminders : Localized.Format(ArtStrings.FormLeadBefore, Lead(m)), Text(m)))])
                {
                    Id = ArtSaveData.ReminderLeadInput, Label = ArtStrings.FormReminder, Value = values.ReminderLead ?? "120", Style = "compact",
                }]) { Width = "stretch" },
            ]),
            new ChoiceSetInput([.. summaryChannels])
            {
                Id = ArtSaveData.SummaryInput, Label = ArtStrings.FormSummaryChannel, Value = values.Summary ?? (summaryChannels.Count > 0 ? summaryChannels[0].Value : null), Style = "compact",
            },
            new ColumnSet(
            [
                new Column([new ChoiceSetInput([.. Enumerable.Range(IterationCadence.MinWeeks, IterationCadence.MaxWeeks).Select(w => new Choice(Weeks(w), Text(w)))])
                {
                    Id = ArtSaveData.IterationWeeksInput, Label = ArtStrings.FormIterationLength, Value = values.IterationWeeks ?? Text(IterationCadence.Default.Weeks), Style = "compact",
                }]) { Width = "stretch" },
                new Column([new ToggleInput(ArtStrings.FormLastIsIp)
                {
                    Id = ArtSaveData.IpIterationInput, Value = values.IpIteration ?? IterationCadence.Default.LastIsIp ? "true" : "false", ValueOn = "true", ValueOff = "false",
                }]) { Width = "stretch", VerticalContentAlignment = "Bottom" },
            ]),
            new ToggleInput(ArtStrings.FormNameNonResponders)
            {
                Id = ArtSaveData.NameNonRespondersInput, Value = values.NameNonResponders ? "true" : "false", ValueOn = "true", ValueOff = "false",
            },
        ]);

        var data = CardData.Write(new ArtSaveData { ArtId = art?.Id, Version = art?.Version }, ArtCardDataContext.Default.ArtSaveData);

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction(art is null ? ArtStrings.FormSetUpAction : ArtStrings.FormSaveAction, SaveVerb, data) { Style = "positive" }],
            FallbackText = ArtStrings.FormFallback,
        };
    }

    /// <summary>What <c>art</c> shows: the ART, its PI, schedule, RTEs and teams.</summary>
    public static AdaptiveCard Overview(Art art, IReadOnlyList<ArtTeam> teams, DateOnly today, string? note = null)
    {
        var body = new List<CardElement> { new TextBlock(art.Name) { Size = "Large", Weight = "Bolder", Style = "heading" } };
        if (note is not null)
        {
            body.Add(CardNotice.Of(note, "Good", bolder: true));
        }

        var upcomingSkips = art.SkippedDates.Where(d => d >= today).Order().Take(6).ToList();
        body.Add(new FactSet(
        [
            new Fact(ArtStrings.CardFactPi, art.CurrentPi is { } pi ? Localized.Format(ArtStrings.CardPiValue, pi.Name, Date(pi.Start), Date(pi.End)) : ArtStrings.CardPiNotSet),
            new Fact(ArtStrings.CardFactIterations, Iterations(art, today)),
            new Fact(ArtStrings.CardFactSync, Schedule(art.Sync)),
            new Fact(ArtStrings.CardFactRtes, string.Join(", ", art.Rtes.Select(r => r.Name ?? ArtStrings.CardUnnamed))),
            new Fact(ArtStrings.CardFactBusinessOwners, art.BusinessOwners.Count == 0
                ? ArtStrings.CardNoBusinessOwners
                : string.Join(", ", art.BusinessOwners.Select(b => b.Name ?? ArtStrings.CardUnnamed))),
            new Fact(ArtStrings.CardFactProductManagers, art.ProductManagers.Count == 0
                ? ArtStrings.CardNoProductManagers
                : string.Join(", ", art.ProductManagers.Select(p => p.Name ?? ArtStrings.CardUnnamed))),
            new Fact(ArtStrings.CardFactSkipped, upcomingSkips.Count == 0 ? ArtStrings.CardNoSkips : string.Join(", ", upcomingSkips.Select(Date))),
            new Fact(ArtStrings.CardFactNonResponders, art.NameNonResponders ? ArtStrings.CardNonRespondersNamed : ArtStrings.CardNonRespondersNotNamed),
            new Fact(ArtStrings.CardFactLanguage, Languages.NativeName(Languages.Resolve(art.Language ?? Localized.Culture.Name).TwoLetterISOLanguageName)),
        ]));

        body.Add(new TextBlock(teams.Count == 0 ? ArtStrings.CardNoTeams : Localized.Format(ArtStrings.CardTeams, teams.Count)) { Weight = "Bolder", Separator = true });
        if (teams.Count == 0)
        {
            body.Add(new TextBlock(ArtStrings.CardHowTeamsJoin));
        }

        foreach (var team in teams.OrderBy(t => t.TeamName, StringComparer.OrdinalIgnoreCase))
        {
            var line = team.UnreachableSince is { } since
                ? Localized.Format(ArtStrings.CardTeamUnreachable, team.TeamName, Date(DateOnly.FromDateTime(since.UtcDateTime)))
                : team.TeamName;
            body.Add(new TextBlock(line) { Spacing = "Small" }); // "unreachable since …" says it in words
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction(ArtStrings.CardChangeSettings, EditVerb, CardData.Write(new ArtEditData { ArtId = art.Id }, ArtCardDataContext.Default.ArtEditData))],
            FallbackText = Localized.Format(ArtStrings.CardFallback, art.Name),
        };
    }

    /// <summary>Asks which ART a team joins when the tenant has several.</summary>
    public static AdaptiveCard ChooseArt(string teamName, IReadOnlyList<Art> arts) => new()
    {
        Body =
        [
            new TextBlock(Localized.Format(ArtStrings.ChooseArtTitle, teamName)) { Weight = "Bolder", Size = "Medium" },
            new ActionSet([.. arts.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Take(10)
                .Select(a => new ExecuteAction(a.Name, JoinVerb, CardData.Write(new ArtJoinData { ArtId = a.Id, TeamName = teamName }, ArtCardDataContext.Default.ArtJoinData)))]),
        ],
        FallbackText = ArtStrings.ChooseArtFallback,
    };

    /// <summary>"Wednesdays at 10:00 (Europe/Berlin); prompt 1 day before; reminder 2 hours before".</summary>
    public static string Schedule(SyncSchedule sync) => sync.RemindersOn
        ? Localized.Format(
            ArtStrings.ScheduleWithReminder, Localized.DayName(sync.Day), SyncTime(sync), sync.TimeZoneId,
            Lead((int)sync.PromptLead.TotalMinutes), Lead((int)sync.ReminderLead.TotalMinutes))
        : Localized.Format(ArtStrings.ScheduleNoReminders, Localized.DayName(sync.Day), SyncTime(sync), sync.TimeZoneId, Lead((int)sync.PromptLead.TotalMinutes));

    public static string Lead(int minutes) => minutes switch
    {
        >= 1440 when minutes % 1440 == 0 => minutes == 1440 ? ArtStrings.LeadDaysOne : Localized.Format(ArtStrings.LeadDaysOther, minutes / 1440),
        >= 60 when minutes % 60 == 0 => minutes == 60 ? ArtStrings.LeadHoursOne : Localized.Format(ArtStrings.LeadHoursOther, minutes / 60),
        _ => Localized.Format(ArtStrings.LeadMinutes, minutes),
    };

    private static string SyncTime(SyncSchedule sync) => sync.Time.ToString(ArtStrings.SyncTimePattern, Localized.Culture);

    private static string Weeks(int weeks) => weeks == 1 ? ArtStrings.WeeksOne : Localized.Format(ArtStrings.WeeksOther, weeks);

    private static string Date(DateOnly date) => Localized.WeekdayDate(date);

    private static string Text(int minutes) => minutes.ToString(CultureInfo.InvariantCulture);

    /// <summary>"5 of 2 weeks, the last one IP; now iteration 3 (15 Feb 2027 to 28 Feb 2027)".</summary>
    private static string Iterations(Art art, DateOnly today)
    {
        var weeks = Weeks(art.Cadence.Weeks);
        if (art.CurrentPi is not { } pi)
        {
            return Localized.Format(art.Cadence.LastIsIp ? ArtStrings.IterationsEachLastIp : ArtStrings.IterationsEach, weeks);
        }

        var iterations = art.Cadence.Of(pi);
        var text = Localized.Format(iterations[^1].IsIp ? ArtStrings.IterationsOfLastIp : ArtStrings.IterationsOf, iterations.Count, weeks);
        return art.Cadence.At(pi, today) is { } now
            ? now.IsIp
                ? Localized.Format(ArtStrings.IterationsNowIp, text, Date(now.Start), Date(now.End))
                : Localized.Format(ArtStrings.IterationsNow, text, now.Number, Date(now.Start), Date(now.End))
            : text;
    }
}
