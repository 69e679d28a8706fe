// Minimal PNG encoder (8-bit RGBA) and decoder (8-bit grey/RGB/palette/grey+alpha/RGBA, not interlaced).
// Enough to write the app icons and to check any PNG someone drops into manifest/ (size, transparency).
import { deflateSync, inflateSync } from "node:zlib";
import { crc32 } from "./crc32.mjs";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type, data) {
  const typeBytes = Buffer.from(type, "ascii");
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeBytes.copy(out, 4);
  data.copy(out, 8);
  out.writeUInt32BE(crc32(typeBytes, data), 8 + data.length);
  return out;
}

/** Encodes width x height RGBA pixels (Uint8Array, 4 bytes a pixel, row-major) as a PNG file. */
export function encodePng(width, height, rgba) {
  if (rgba.length !== width * height * 4) throw new Error("pixel buffer does not match the size");
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None for every scanline
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes a PNG file into { width, height, rgba } (rgba: 4 bytes a pixel).
 * Throws an Error with a readable message for anything it cannot read.
 */
export function decodePng(file) {
  const bytes = Buffer.from(file);
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG file (bad signature)");
  let pos = 8;
  let header = null;
  let palette = null;
  let paletteAlpha = null;
  const idat = [];
  while (pos + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString("ascii", pos + 4, pos + 8);
    if (pos + 12 + length > bytes.length) throw new Error(`truncated ${type} chunk`);
    const data = bytes.subarray(pos + 8, pos + 8 + length);
    if (bytes.readUInt32BE(pos + 8 + length) !== crc32(bytes.subarray(pos + 4, pos + 8), data)) {
      throw new Error(`bad CRC in ${type} chunk`);
    }
    if (type === "IHDR") {
      header = {
        width: data.readUInt32BE(0), height: data.readUInt32BE(4),
        bitDepth: data[8], colourType: data[9], interlace: data[12],
      };
    } else if (type === "PLTE") palette = data;
    else if (type === "tRNS") paletteAlpha = data;
    else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    pos += 12 + length;
  }
  if (!header) throw new Error("no IHDR chunk");
  const { width, height, bitDepth, colourType, interlace } = header;
  const channels = CHANNELS[colourType];
  if (!channels) throw new Error(`unknown colour type ${colourType}`);
  if (bitDepth !== 8) throw new Error(`bit depth ${bitDepth} is not supported (use 8-bit)`);
  if (interlace !== 0) throw new Error("interlaced PNGs are not supported");
  if (colourType === 3 && !palette) throw new Error("palette image without PLTE chunk");
  if (idat.length === 0) throw new Error("no IDAT chunk");

  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new Error("image data is shorter than the header says");
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[out + x - channels] : 0;
      const b = y > 0 ? pixels[out - stride + x] : 0;
      const c = x >= channels && y > 0 ? pixels[out - stride + x - channels] : 0;
      let value;
      switch (filter) {
        case 0: value = line[x]; break;
        case 1: value = line[x] + a; break;
        case 2: value = line[x] + b; break;
        case 3: value = line[x] + ((a + b) >> 1); break;
        case 4: value = line[x] + paeth(a, b, c); break;
        default: throw new Error(`unknown filter type ${filter} on row ${y}`);
      }
      pixels[out + x] = value & 0xff;
    }
  }

  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels, d = i * 4;
    switch (colourType) {
      case 0: rgba.set([pixels[s], pixels[s], pixels[s], 255], d); break;
      case 2: rgba.set([pixels[s], pixels[s + 1], pixels[s + 2], 255], d); break;
      case 3: {
        const k = pixels[s];
        rgba.set([palette[k * 3], palette[k * 3 + 1], palette[k * 3 + 2],
          paletteAlpha && k < paletteAlpha.length ? paletteAlpha[k] : 255], d);
        break;
      }
      case 4: rgba.set([pixels[s], pixels[s], pixels[s], pixels[s + 1]], d); break;
      case 6: rgba.set(pixels.subarray(s, s + 4), d); break;
    }
  }
  return { width, height, rgba };
}
