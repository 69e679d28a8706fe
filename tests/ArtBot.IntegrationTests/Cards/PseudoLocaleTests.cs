using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>
/// "No string left behind": every card built under a pseudo language in which every resource text reads ⟦English⟧
/// must show nothing but ⟦…⟧ texts, the test data the catalog put in, and brand or protocol words. Any other English
/// on a card is a hard-coded text that German, French and Spanish readers would see in English.
/// </summary>
public sealed partial class PseudoLocaleTests
{
    /// <summary>Test data the catalog puts on cards (names, questions, titles, notices), removed before looking for English.</summary>
    private static readonly string[] DataStrings =
    [
        "Test environment down", "Since Monday; we cannot deploy.", "Several people changed it.", "Escalated.", "The title is too long.",
        "Open impediments of this team", "Open risks of this team", "Nothing here.", "No risks here.", "Licence *server* down", "Licence \\*server\\* down",
        "How confident are we in the PI 26.1 team objectives?", "Dependency on the platform team is not planned", "No capacity for the platform work",
        "Unclear API contract", "Can we commit?", "Round 2 started: vote again on the new card.", "Type a question.",
        "Stories wait days for the shared test environment", "Only one environment", "Nobody owns it", "It was never budgeted", "Tools team disbanded", "Reorg",
        "Lead time of a story under 5 days", "Build under 10 minutes", "Your dot is placed.", "Voting is closed.", "Not saved: someone changed the status meanwhile.",
        "Improvement items of Rocket ART", "No improvement items yet.", "None.", "Saved.", "Need the fraud API", "No capacity this PI",
        "Need the Team 02 fraud API", "Tracked one", "Feature **X** done <b>mostly</b>", "Feature \\*\\*X\\*\\* done \\<b\\>mostly\\</b\\>",
        "Demo on Friday", "API from Team 002", "Test env down", "Flaky CI", "Thanks, your check-in was saved.", "Settings saved.",
        "'Mars' is not a time zone I know.", "This channel", "Second ART", "frobnicate", "raised it", "Rocket\\_Team",
        "Checkout with saved cards", "Checkout with \\*saved\\* cards \\<script\\>", "The error message is unclear", "Ran out of time",
        "Payment \\*\\*service\\*\\* timed out \\<b\\>under load\\</b\\>", "Payment **service** timed out <b>under load</b>",
    ];

    /// <summary>Words of the catalog's test data: people, teams, ARTs, hostile markup.</summary>
    private static readonly HashSet<string> DataWords = new(StringComparer.Ordinal)
    {
        "Megan", "Bowen", "Adele", "Vance", "Isaiah", "Langer", "Patti", "Fernandez", "Alex", "Wilber", "Lynne", "Robbins", "Riley",
        "Alice", "Bob", "Carol", "Dave", "Ceri", "Lee", "Sam", "Phoenix", "Rocket", "Comet", "RTE", "User", "TeamMember", "Person",
        "Problem", "Objective", "Dependency", "bold", "script", "alert", "link", "evil", "example", "code", "heading", "Someone", "imp",
        "https", "http", "Larry", "Late", "Feature", "Milestone", "Pat", "Product", "Payments",
    };

    /// <summary>Patterns of generated test data (numbered teams, long filler texts, URLs, time zone ids).</summary>
    private static readonly Regex[] DataPatterns =
    [
        new(@"https?://\S+"),
        new(@"\b[A-Z][A-Za-z]+/[A-Za-z_]+(/[A-Za-z_]+)?\b"), // IANA time zone ids: Europe/Berlin
        new(@"\b([a-z])\1{2,}\b"), // filler: wwww, dddd, oooo
        new(@"\bTeam \d+( with a long-ish name)?"),
        new(@"\bTeam_?\d+\b"),
    ];

    /// <summary>Brand and protocol words that stay English in every language.</summary>
    private static readonly HashSet<string> AllowedWords = new(StringComparer.Ordinal)
    {
        "ArtBot", "ART", "ARTs", "PI", "PIs", "RTE", "RTEs", "ROAM", "UTC", "WSJF", "Teams",
    };

    /// <summary>Each language is offered by its own name ("Deutsch", "Français") whatever the reader's language.</summary>
    private static readonly HashSet<string> LanguageNames =
        [.. ArtBot.Domain.Text.Languages.Supported.Select(ArtBot.Domain.Text.Languages.NativeName)];

    /// <summary>Command names stay English in every language (help shows them as the usage of a command without arguments).</summary>
    private static readonly HashSet<string> CommandWords = [.. ArtBot.Tests.Shared.AppCommands.All.Select(c => c.Name)];

    [Fact]
    public void The_pseudo_culture_can_be_created_and_is_not_one_the_app_speaks()
    {
        Assert.Equal(PseudoResources.CultureName, PseudoResources.Culture.Name);
        Assert.DoesNotContain(PseudoResources.CultureName, ArtBot.Domain.Text.Languages.Supported);
    }

    [Fact]
    public void The_pseudo_resources_wrap_english_only_for_the_pseudo_culture()
    {
        PseudoResources.Install();
        var manager = StringResourceTests.ManagerOf(typeof(ArtBot.Features.Votes.VoteStrings));

        var english = manager.GetString("ListTitle", CultureInfo.InvariantCulture)!;
        Assert.Equal("⟦" + english + "⟧", manager.GetString("ListTitle", PseudoResources.Culture));
        Assert.Equal(english, manager.GetString("ListTitle", CultureInfo.GetCultureInfo("en-US")));
        Assert.NotEqual(english, manager.GetString("ListTitle", CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void Every_visible_text_of_every_card_comes_from_the_resources()
    {
        PseudoResources.Install();
        var cards = BotCards.In(PseudoResources.Culture);
        var culture = PseudoResources.Culture.DateTimeFormat;
        var calendarWords = culture.DayNames.Concat(culture.AbbreviatedDayNames).Concat(culture.MonthNames).Concat(culture.AbbreviatedMonthNames)
            .Concat(culture.AbbreviatedMonthGenitiveNames).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);

        var leftBehind = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (name, card) in cards)
        {
            foreach (var text in CardJson.VisibleStrings(card))
            {
                var rest = LanguageNames.Contains(text) ? "" : WithoutData(WithoutResources(text));
                var words = Word().Matches(rest).Select(m => m.Value)
                    .Where(w => !AllowedWords.Contains(w) && !DataWords.Contains(w) && !CommandWords.Contains(w) && !calendarWords.Contains(w) && !calendarWords.Contains(w.TrimEnd('.')))
                    .ToList();
                if (words.Count > 0)
                {
                    var key = $"\"{text}\" ({string.Join(", ", words.Distinct())})";
                    if (!leftBehind.TryGetValue(key, out var names))
                    {
                        leftBehind[key] = names = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    names.Add(name);
                }
            }
        }

        Assert.True(leftBehind.Count == 0, $"{leftBehind.Count} distinct text(s) not from the resources (text (English words): cards):\n"
            + string.Join("\n", leftBehind.Select(e => $"{e.Key}: {string.Join(", ", e.Value.Take(4))}{(e.Value.Count > 4 ? $" and {e.Value.Count - 4} more" : "")}")));
    }

    /// <summary>Removes every ⟦…⟧ (innermost first: a resource text may carry another as an argument).</summary>
    internal static string WithoutResources(string text)
    {
        string previous;
        do
        {
            previous = text;
            text = Wrapped().Replace(text, " ");
        }
        while (text != previous);
        return text;
    }

    private static string WithoutData(string text)
    {
        foreach (var data in DataStrings.OrderByDescending(d => d.Length))
        {
            text = text.Replace(data, " ", StringComparison.Ordinal);
        }

        foreach (var pattern in DataPatterns)
        {
            text = pattern.Replace(text, " ");
        }

        return text;
    }

    [GeneratedRegex(@"⟦[^⟦⟧]*⟧")]
    private static partial Regex Wrapped();

    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex Word();
}

/// <summary>
/// Replaces, for this test process, the cached ResourceManager of every generated *Strings class with one that
/// answers the pseudo culture with the English text in ⟦…⟧ and every other culture exactly like before.
/// </summary>
internal static class PseudoResources
{
    private static readonly Lazy<bool> Installed = new(InstallOnce, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string CultureName { get; } = PickName();

    public static CultureInfo Culture { get; } = new(CultureName);

    public static void Install() => _ = Installed.Value;

    private static string PickName()
    {
        foreach (var name in new[] { "qps-ploc", "en-XA", "x-pseudo" })
        {
            try
            {
                if (new CultureInfo(name).Name == name)
                {
                    return name;
                }
            }
            catch (CultureNotFoundException)
            {
            }
        }

        throw new InvalidOperationException("No pseudo culture can be created here.");
    }

    private static bool InstallOnce()
    {
        foreach (var type in StringResourceTests.StringClasses)
        {
            var field = type.GetField("resourceMan", BindingFlags.Static | BindingFlags.NonPublic)
                ?? throw new InvalidOperationException($"{type.FullName} has no static resourceMan field");
            var original = StringResourceTests.ManagerOf(type);
            if (original is not Pseudo)
            {
                field.SetValue(null, new Pseudo(original.BaseName, type.Assembly));
            }
        }

        return true;
    }

    private sealed class Pseudo(string baseName, Assembly assembly) : ResourceManager(baseName, assembly)
    {
        public override string? GetString(string name, CultureInfo? culture) =>
            (culture ?? CultureInfo.CurrentUICulture).Name == CultureName && base.GetString(name, CultureInfo.InvariantCulture) is { } english
                ? "⟦" + english + "⟧"
                : base.GetString(name, culture);
    }
}
