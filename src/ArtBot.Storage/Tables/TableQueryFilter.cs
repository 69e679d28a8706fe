using System.Globalization;
using System.Text;

namespace ArtBot.Storage.Tables;

/// <summary>Turns an interpolated filter into OData text with every value quoted and typed.</summary>
internal static class TableQueryFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments();
        var literals = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            literals[i] = Literal(args[i]);
        }

        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    internal static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        short i => i.ToString(CultureInfo.InvariantCulture),
        byte i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => DoubleLiteral(d),
        float f => DoubleLiteral(f),
        decimal m => DoubleLiteral((double)m),
        DateTimeOffset dto => $"datetime'{TableEntitySerializer.FormatDateTime(dto)}'",
        DateTime dt => $"datetime'{TableEntitySerializer.FormatDateTime(TableEntitySerializer.AsUtc(dt))}'",
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        BinaryData data => $"X'{Convert.ToHexStringLower(data.ToArray())}'",
        Enum e => Quote(e.ToString()),
        IFormattable f => Quote(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Quote(value.ToString() ?? string.Empty),
    };

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string DoubleLiteral(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        // A bare "2" is an Int32 literal; keep the value a double.
        var needsPoint = double.IsFinite(d) && text.IndexOfAny(['.', 'E', 'e']) < 0;
        return needsPoint ? new StringBuilder(text).Append(".0").ToString() : text;
    }
}
