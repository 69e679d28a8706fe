using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;

namespace ArtBot.IntegrationTests.Cards;

/// <summary>Every *Strings resource set is complete in every language and keeps the English placeholders.</summary>
public sealed partial class StringResourceTests
{
    private static readonly string[] Translations = ["de", "fr", "es"];

    /// <summary>The assemblies whose *Strings resources the app shows.</summary>
    internal static IReadOnlyList<Assembly> Assemblies { get; } =
    [
        typeof(ArtBot.Features.Help.HelpCard).Assembly,
        typeof(ArtBot.Domain.Text.Localized).Assembly,
        typeof(ArtBot.BotFramework.Cards.AdaptiveCard).Assembly,
    ];

    /// <summary>
    /// The MSBuild-generated typed resource classes: non-public classes named *Strings with a static
    /// <c>ResourceManager</c> property (they are generated as <c>internal class</c> with an internal constructor).
    /// </summary>
    internal static IReadOnlyList<Type> StringClasses { get; } =
    [
        .. Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && !t.IsPublic && !t.IsNested && t.Name.EndsWith("Strings", StringComparison.Ordinal)
                && t.GetProperty("ResourceManager", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)?.PropertyType == typeof(ResourceManager))
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    public static TheoryData<string> Sets => [.. StringClasses.Select(t => t.FullName!)];

    internal static ResourceManager ManagerOf(Type type) =>
        (ResourceManager)type.GetProperty("ResourceManager", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)!.GetValue(null)!;

    internal static Dictionary<string, string> Texts(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"{manager.BaseName}: no resource set for '{culture.Name}'");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "", StringComparer.Ordinal);
    }

    [Fact]
    public void The_generated_string_classes_are_found_in_all_three_assemblies()
    {
        Assert.Contains(StringClasses, t => t.FullName == "ArtBot.Features.Votes.VoteStrings");
        Assert.Contains(StringClasses, t => t.FullName == "ArtBot.Domain.Text.TextStrings");
        Assert.True(StringClasses.Count >= 9, string.Join(", ", StringClasses.Select(t => t.Name)));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_resource_set_has_every_english_key_in_german_french_and_spanish_no_extra_key_and_no_empty_text(string set)
    {
        var manager = ManagerOf(StringClasses.Single(t => t.FullName == set));
        var english = Texts(manager, CultureInfo.InvariantCulture);
        var problems = english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"en {e.Key}: empty").ToList();
        foreach (var language in Translations)
        {
            var texts = Texts(manager, CultureInfo.GetCultureInfo(language));
            problems.AddRange(english.Keys.Except(texts.Keys).Order(StringComparer.Ordinal).Select(k => $"{language} {k}: missing"));
            problems.AddRange(texts.Keys.Except(english.Keys).Order(StringComparer.Ordinal).Select(k => $"{language} {k}: not in the English file"));
            problems.AddRange(texts.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{language} {e.Key}: empty"));
        }

        Assert.True(problems.Count == 0, $"{set}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_translation_keeps_exactly_the_placeholders_of_the_english_text(string set)
    {
        var manager = ManagerOf(StringClasses.Single(t => t.FullName == set));
        var english = Texts(manager, CultureInfo.InvariantCulture);
        var problems = new List<string>();
        foreach (var language in Translations)
        {
            foreach (var (key, text) in Texts(manager, CultureInfo.GetCultureInfo(language)))
            {
                if (english.TryGetValue(key, out var original) && !Placeholders(original).SetEquals(Placeholders(text)))
                {
                    problems.Add($"{language} {key}: [{string.Join(" ", Placeholders(text).Order())}] but English has [{string.Join(" ", Placeholders(original).Order())}]: \"{text}\"");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{set}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("{0} votes", "{0}")]
    [InlineData("{1:0.0} of {0}", "{0} {1:0.0}")]
    [InlineData("{{literal}} {2,5}", "{2,5}")]
    [InlineData("no placeholder", "")]
    public void Placeholders_are_the_format_items_with_their_format(string text, string expected)
    {
        Assert.Equal(expected, string.Join(" ", Placeholders(text).Order(StringComparer.Ordinal)));
    }

    /// <summary>The composite-format items of a text ({0}, {1:0.0}, {2,5}), escaped braces ({{ }}) excluded.</summary>
    internal static HashSet<string> Placeholders(string text) =>
        [.. FormatItem().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal)).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(,-?\d+)?(:[^{}]*)?\}")]
    private static partial Regex FormatItem();
}
