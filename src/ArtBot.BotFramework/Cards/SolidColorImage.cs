using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace ArtBot.BotFramework.Cards;

/// <summary>
/// One pixel of one colour as a PNG <c>data:</c> URI: repeated as a column's background it paints the column in exactly
/// that colour in every theme (host-config container styles are pale tints, and none shows in high contrast).
/// </summary>
public static class SolidColorImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The data URI of a 1x1 PNG in <paramref name="hex"/> (<c>#RRGGBB</c>).</summary>
    public static string DataUri(string hex) => "data:image/png;base64," + Convert.ToBase64String(Png(Rgb(hex)));

    /// <summary>A column background filled with <paramref name="hex"/>.</summary>
    public static BackgroundImage Fill(string hex) => new(DataUri(hex)) { FillMode = "Repeat" };

    /// <summary>The colour of a PNG made by <see cref="DataUri"/> (what a test measures), or null for any other URI.</summary>
    public static string? ColorOf(string dataUri)
    {
        const string prefix = "data:image/png;base64,";
        if (!dataUri.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var png = Convert.FromBase64String(dataUri[prefix.Length..]);
        var idat = png.AsSpan(Signature.Length + 25); // after the signature and the 25-byte IHDR chunk
        var length = BinaryPrimitives.ReadInt32BigEndian(idat);
        using var inflate = new ZLibStream(new MemoryStream(idat.Slice(8, length).ToArray()), CompressionMode.Decompress);
        var row = new byte[4];
        inflate.ReadExactly(row);
        return $"#{row[1]:X2}{row[2]:X2}{row[3]:X2}";
    }

    private static byte[] Rgb(string hex) =>
        hex is ['#', _, _, _, _, _, _] && int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            ? [(byte)(value >> 16), (byte)(value >> 8), (byte)value]
            : throw new ArgumentException("A colour is #RRGGBB.", nameof(hex));

    private static byte[] Png(byte[] rgb)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 1); // width
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 1); // height
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour (RGB)
        using var pixels = new MemoryStream();
        using (var deflate = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write([0, .. rgb]); // the row's filter byte (none), then the pixel
        }

        using var png = new MemoryStream();
        png.Write(Signature);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", pixels.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = (byte[])[.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.HashToUInt32(typeAndData));
        png.Write(number);
    }
}
