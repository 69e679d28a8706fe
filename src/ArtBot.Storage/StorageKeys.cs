using System.Globalization;
using System.Text;

namespace ArtBot.Storage;

/// <summary>
/// Turns ids from the outside world (Teams conversation ids, tenant ids) into valid Table Storage keys.
/// Characters keys may not hold (<c>/ \ # ?</c>, control characters) and the escape character <c>~</c> become
/// <c>~XX</c> (hex); everything else is kept, so ordinary Teams ids stay readable. Reversible.
/// </summary>
public static class StorageKeys
{
    /// <summary>Keys are limited to 1 KiB; ids longer than this are refused.</summary>
    public const int MaxLength = 512;

    public static string Encode(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (id.Length > MaxLength)
        {
            throw new ArgumentException($"An id longer than {MaxLength} characters cannot be a key.", nameof(id));
        }

        if (!id.Any(NeedsEscape))
        {
            return id;
        }

        var builder = new StringBuilder(id.Length + 8);
        foreach (var c in id)
        {
            if (NeedsEscape(c))
            {
                builder.Append('~').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Decode(string key)
    {
        if (!key.Contains('~', StringComparison.Ordinal))
        {
            return key;
        }

        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '~' && i + 2 < key.Length && int.TryParse(key.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(key[i]);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '~' || char.IsControl(c);
}
