using System.Collections.Concurrent;
using System.Globalization;

namespace ArtBot.Domain.Text;

/// <summary>
/// The languages ArtBot speaks (English, German, French, Spanish) and how a Teams locale maps to one: the locale's own
/// culture when its language is one of them (<c>de-AT</c> keeps Austrian formats and gets German texts), else English.
/// </summary>
public static class Languages
{
    /// <summary>The fallback: English with US formats, as Teams' default locale.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The two-letter codes of the languages ArtBot has texts for, English first.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["en", "de", "fr", "es"];

    /// <summary>The culture for a locale such as <c>de-DE</c>, <c>fr</c> or <c>en-GB</c>; English for anything else.</summary>
    public static CultureInfo Resolve(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale) || locale.Length > 35)
        {
            return English;
        }

        // Every turn asks (its sender's locale): the answer is kept per locale text, a bounded set as locales are few.
        if (Resolved.TryGetValue(locale, out var known))
        {
            return known;
        }

        var resolved = CultureInfo.ReadOnly(Lookup(locale));
        if (Resolved.Count < MaxResolved)
        {
            Resolved.TryAdd(locale, resolved);
        }

        return resolved;
    }

    private const int MaxResolved = 512;

    private static readonly ConcurrentDictionary<string, CultureInfo> Resolved = new(StringComparer.Ordinal);

    private static CultureInfo Lookup(string locale)
    {
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(locale.Trim().Replace('_', '-'), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return English;
        }

        if (!Supported.Contains(culture.TwoLetterISOLanguageName))
        {
            return English;
        }

        // A neutral culture ("de") has no formats of its own: take its usual country's ("de-DE").
        return culture.IsNeutralCulture ? CultureInfo.CreateSpecificCulture(culture.Name) : culture;
    }

    /// <summary>The name of a language in that language, for the ART's language choice ("Deutsch").</summary>
    public static string NativeName(string code)
    {
        var culture = CultureInfo.GetCultureInfo(code);
        var name = culture.NativeName;
        return name.Length == 0 ? code : char.ToUpper(name[0], culture) + name[1..];
    }
}
