#!/usr/bin/env node
// Draws the ArtBot app icons from simple shapes and writes them as PNG (pngjs from .dev/node_modules, no image tools):
//   manifest/color.png    192x192, full colour: a locomotive on a rail track with a check-mark badge
//   manifest/outline.png   32x32, white on a fully transparent background (what Teams shows in its app bar)
// Usage: node manifest/scripts/make-icons.mjs [--preview <dir>]
//   --preview also writes enlarged copies (outline on a dark background) to look at them.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const manifestDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// The project's npm packages live in .dev/node_modules (npm ci in .dev, by .dev/setup.sh).
let PNG;
try {
  ({ PNG } = createRequire(join(manifestDir, "..", ".dev", "package.json"))("pngjs"));
} catch {
  console.error("make-icons: error: pngjs is not installed: run 'npm ci' in .dev/ first");
  process.exit(1);
}

/**
 * Encodes width x height RGBA pixels (4 bytes a pixel, row-major) as an 8-bit RGBA PNG. No row filters and zlib's
 * default strategy at level 9: the same bytes for the same pixels (the committed icons are exactly what this writes).
 */
const encodePng = (width, height, rgba) =>
  PNG.sync.write({ width, height, data: Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length) },
    { colorType: 6, filterType: 0, deflateLevel: 9, deflateStrategy: 0 });

// ---- shapes: predicates over a point (x, y) in pixel units, origin top-left ----
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return dx * dx + dy * dy <= r * r;
};
const polygon = (points) => (x, y) => {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i], [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
/** A stroked polyline with round caps and joins. */
const stroke = (points, width) => (x, y) => {
  const r2 = (width / 2) ** 2;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1], [bx, by] = points[i];
    const vx = bx - ax, vy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    if ((x - ax - t * vx) ** 2 + (y - ay - t * vy) ** 2 <= r2) return true;
  }
  return false;
};

const hex = (h, a = 255) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), a];
const CLEAR = [0, 0, 0, 0];

/**
 * Rasterises layers ([shape, colour]; later layers paint over earlier ones, CLEAR erases) with
 * n x n supersampling, averaging in premultiplied alpha so edges stay the shape's own colour.
 */
function render(size, layers, n = 8) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = px + (sx + 0.5) / n, y = py + (sy + 0.5) / n;
          let colour = CLEAR;
          for (const [shape, c] of layers) if (shape(x, y)) colour = c;
          r += colour[0] * colour[3]; g += colour[1] * colour[3]; b += colour[2] * colour[3]; a += colour[3];
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a); rgba[i + 1] = Math.round(g / a); rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round(a / (n * n));
      }
    }
  }
  return rgba;
}

// ---- colour icon (192 x 192) ----
export const BRAND = "#1F4E8C";
function colourLayers() {
  const brand = hex(BRAND), white = hex("#FFFFFF"), steel = hex("#C9D6E8"), glass = hex("#163A69");
  const lamp = hex("#FFC83D"), rail = hex("#DDE6F2"), sleeper = hex("#6F8DB8"), green = hex("#22A35A");
  const layers = [[rect(0, 0, 192, 192), brand]];
  // track in perspective: sleepers, then the two rails converging to the horizon
  for (const [y, half, h] of [[184, 78, 10], [166, 64, 8], [151, 53, 6]]) layers.push([rect(96 - half, y - h / 2, 96 + half, y + h / 2), sleeper]);
  layers.push([polygon([[30, 192], [44, 192], [76, 140], [70, 140]]), rail]);
  layers.push([polygon([[162, 192], [148, 192], [116, 140], [122, 140]]), rail]);
  // locomotive seen from the front
  layers.push([polygon([[54, 140], [138, 140], [128, 156], [64, 156]]), steel]); // cowcatcher
  layers.push([roundRect(50, 34, 142, 146, 22), white]); // body
  layers.push([roundRect(82, 24, 110, 40, 5), white]); // roof vent
  layers.push([roundRect(62, 50, 130, 94, 10), glass]); // windscreen
  layers.push([rect(94, 50, 98, 94), white]); // windscreen divider
  layers.push([roundRect(62, 104, 130, 110, 3), steel]); // grille line
  layers.push([circle(74, 126, 9), lamp], [circle(118, 126, 9), lamp]); // headlights
  layers.push([roundRect(88, 118, 104, 134, 4), steel]); // coupler plate
  // check-mark badge, top right
  layers.push([circle(150, 46, 32), brand], [circle(150, 46, 27), green]);
  layers.push([stroke([[136, 47], [146, 57], [165, 36]], 8), white]);
  return layers;
}

// ---- outline icon (32 x 32): white shapes, everything else transparent ----
function outlineLayers() {
  const white = hex("#FFFFFF");
  return [
    [roundRect(7, 2, 25, 23, 4.5), white], // body
    [roundRect(9.5, 4.5, 22.5, 12, 1.8), CLEAR], // windscreen
    [rect(15.25, 4.5, 16.75, 12), white], // divider
    [circle(11.8, 17.5, 1.9), CLEAR], [circle(20.2, 17.5, 1.9), CLEAR], // headlights
    [stroke([[6.5, 31], [10.5, 25]], 2), white], [stroke([[25.5, 31], [21.5, 25]], 2), white], // rails
    [rect(7, 27.2, 25, 28.8), white], // sleeper
  ];
}

function main() {
  const args = process.argv.slice(2);
  const previewIndex = args.indexOf("--preview");
  const previewDir = previewIndex >= 0 ? args[previewIndex + 1] : null;

  const colour = render(192, colourLayers());
  const outline = render(32, outlineLayers());
  writeFileSync(join(manifestDir, "color.png"), encodePng(192, 192, colour));
  writeFileSync(join(manifestDir, "outline.png"), encodePng(32, 32, outline));
  console.log("wrote manifest/color.png (192x192) and manifest/outline.png (32x32)");

  if (previewDir) {
    mkdirSync(previewDir, { recursive: true });
    writeFileSync(join(previewDir, "color-preview.png"), encodePng(384, 384, enlarge(colour, 192, 2, null)));
    writeFileSync(join(previewDir, "outline-preview.png"), encodePng(256, 256, enlarge(outline, 32, 8, [70, 70, 90])));
    writeFileSync(join(previewDir, "color-small.png"), encodePng(32, 32, render(32, colourLayers().map(([s, c]) => [(x, y) => s(x * 6, y * 6), c]))));
    console.log(`wrote previews to ${previewDir}`);
  }
}

/** Nearest-neighbour enlargement, optionally composited on a background colour. */
function enlarge(rgba, size, factor, background) {
  const out = new Uint8Array(size * factor * size * factor * 4);
  for (let y = 0; y < size * factor; y++) {
    for (let x = 0; x < size * factor; x++) {
      const s = (Math.floor(y / factor) * size + Math.floor(x / factor)) * 4, d = (y * size * factor + x) * 4;
      if (!background) { out.set(rgba.subarray(s, s + 4), d); continue; }
      const a = rgba[s + 3] / 255;
      for (let k = 0; k < 3; k++) out[d + k] = Math.round(rgba[s + k] * a + background[k] * (1 - a));
      out[d + 3] = 255;
    }
  }
  return out;
}

main();
