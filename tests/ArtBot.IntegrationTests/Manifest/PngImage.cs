using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ArtBot.IntegrationTests.Manifest;

/// <summary>
/// A decoded 8-bit, non-interlaced PNG (grey, RGB, grey+alpha or RGBA) as RGBA pixels: enough to check
/// the app icons independently of the JavaScript that wrote them.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _rgba;

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
        }
    }

    /// <summary>Reads only the size from the IHDR chunk.</summary>
    public static (int Width, int Height) ReadSize(byte[] file)
    {
        CheckSignature(file);
        if (Encoding.ASCII.GetString(file, 12, 4) != "IHDR")
        {
            throw new InvalidDataException("first chunk is not IHDR");
        }

        return (BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(20)));
    }

    public static PngImage Decode(byte[] file)
    {
        CheckSignature(file);
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var pos = 8; pos + 12 <= file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(pos));
            var type = Encoding.ASCII.GetString(file, pos + 4, 4);
            var data = file.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0)
                {
                    throw new InvalidDataException($"only 8-bit non-interlaced PNGs are read (bit depth {data[8]}, interlace {data[12]})");
                }

                channels = data[9] switch
                {
                    0 => 1,
                    2 => 3,
                    4 => 2,
                    6 => 4,
                    _ => throw new InvalidDataException($"colour type {data[9]} is not read here"),
                };
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }

            pos += 12 + length;
        }

        if (channels == 0)
        {
            throw new InvalidDataException("no IHDR chunk");
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var pixels = Unfilter(raw.ToArray(), width, height, channels);
        return new PngImage(width, height, ToRgba(pixels, width * height, channels));
    }

    private static void CheckSignature(byte[] file)
    {
        if (file.Length < 33 || !file.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file");
        }
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        var stride = width * channels;
        if (raw.Length < (stride + 1) * height)
        {
            throw new InvalidDataException("image data is shorter than the header says");
        }

        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = y * (stride + 1) + 1;
            var row = y * stride;
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? pixels[row + x - channels] : 0;
                int b = y > 0 ? pixels[row - stride + x] : 0;
                int c = x >= channels && y > 0 ? pixels[row - stride + x - channels] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"unknown filter type {filter} on row {y}"),
                };
                pixels[row + x] = unchecked((byte)(raw[line + x] + predictor));
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] pixels, int count, int channels)
    {
        var rgba = new byte[count * 4];
        for (var i = 0; i < count; i++)
        {
            var s = i * channels;
            var (r, g, b, alpha) = channels switch
            {
                1 => (pixels[s], pixels[s], pixels[s], (byte)255),
                2 => (pixels[s], pixels[s], pixels[s], pixels[s + 1]),
                3 => (pixels[s], pixels[s + 1], pixels[s + 2], (byte)255),
                _ => (pixels[s], pixels[s + 1], pixels[s + 2], pixels[s + 3]),
            };
            rgba[i * 4] = r;
            rgba[(i * 4) + 1] = g;
            rgba[(i * 4) + 2] = b;
            rgba[(i * 4) + 3] = alpha;
        }

        return rgba;
    }
}
