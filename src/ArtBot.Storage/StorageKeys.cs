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
    /// <summary>Keys are limited to 1 KiB (512 UTF-16 characters); ids whose encoded key is longer are refused.</summary>
    public const int MaxLength = 512;

    public static string Encode(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!id.Any(NeedsEscape))
        {
            return id.Length <= MaxLength ? id : throw TooLong(nameof(id));
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

        return builder.Length <= MaxLength ? builder.ToString() : throw TooLong(nameof(id));
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

    private static ArgumentException TooLong(string parameter) =>
        new($"An id whose key would be longer than {MaxLength} characters cannot be stored.", parameter);

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '~' || char.IsControl(c);
}
