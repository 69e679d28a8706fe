// chart.js, tree-shaken, with colors from the theme's CSS variables and a target band plugin.
import {
  Chart, LineController, BarController, LineElement, BarElement, PointElement,
  CategoryScale, LinearScale, Legend, Tooltip,
} from 'chart.js';
import { h } from './dom.js';
import { t, locale } from './i18n/index.js';

Chart.register(LineController, BarController, LineElement, BarElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'rectRounded', 'cross'];
export const DASHES = [[], [6, 3], [2, 3], [10, 4, 2, 4]];

function cssVar(name, fallback) {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** The current theme's chart colors. */
export function palette() {
  const series = [];
  for (let i = 1; i <= 12; i += 1) series.push(cssVar(`--chart-${i}`, '#5b5fc7'));
  return {
    text: cssVar('--chart-text', '#242424'),
    grid: cssVar('--chart-grid', '#e0e0e0'),
    surface: cssVar('--surface', '#ffffff'),
    art: cssVar('--chart-art', '#242424'),
    bandFill: cssVar('--chart-band-fill', 'rgba(16,124,16,0.12)'),
    bandLine: cssVar('--chart-band-line', '#107c10'),
    series,
    seriesColor(i) { return series[i % series.length]; },
  };
}

/** Draws the predictability target band (options.plugins.targetBand = {low, high, label}). */
export const targetBand = {
  id: 'targetBand',
  beforeDatasetsDraw(chart, _args, opts) {
    if (!opts || typeof opts.low !== 'number' || typeof opts.high !== 'number') return;
    const { ctx, chartArea: area, scales: { y } } = chart;
    if (!area || !y) return;
    const clamp = (v) => Math.min(area.bottom, Math.max(area.top, v));
    const top = clamp(y.getPixelForValue(opts.high));
    const bottom = clamp(y.getPixelForValue(opts.low));
    ctx.save();
    ctx.fillStyle = opts.fill;
    ctx.fillRect(area.left, top, area.right - area.left, bottom - top);
    ctx.strokeStyle = opts.line;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    for (const yPix of [top, bottom]) {
      ctx.beginPath();
      ctx.moveTo(area.left, yPix);
      ctx.lineTo(area.right, yPix);
      ctx.stroke();
    }
    ctx.restore();
  },
  // The label goes on top of the bars, on its own background, so it stays readable.
  afterDatasetsDraw(chart, _args, opts) {
    if (!opts?.label || typeof opts.high !== 'number') return;
    const { ctx, chartArea: area, scales: { y } } = chart;
    if (!area || !y) return;
    const top = Math.min(area.bottom, Math.max(area.top, y.getPixelForValue(opts.high)));
    ctx.save();
    ctx.font = `600 12px ${FONT}`;
    const width = ctx.measureText(opts.label).width;
    const x = area.right - width - 10;
    const yText = top + 5;
    ctx.fillStyle = opts.labelBackground ?? '#ffffff';
    ctx.fillRect(x - 4, yText - 2, width + 8, 18);
    ctx.strokeStyle = opts.line;
    ctx.lineWidth = 1;
    ctx.strokeRect(x - 4, yText - 2, width + 8, 18);
    ctx.fillStyle = opts.labelColor ?? opts.line;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(opts.label, x, yText);
    ctx.restore();
  },
};

const live = new Set();

function applyDefaults(colors) {
  Chart.defaults.locale = locale();
  Chart.defaults.font.family = FONT;
  Chart.defaults.font.size = 12;
  Chart.defaults.color = colors.text;
  Chart.defaults.borderColor = colors.grid;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.responsive = true;
  Chart.defaults.plugins.legend.labels.usePointStyle = true;
  Chart.defaults.plugins.tooltip.backgroundColor = colors.text;
  Chart.defaults.plugins.tooltip.titleColor = colors.surface;
  Chart.defaults.plugins.tooltip.bodyColor = colors.surface;
}

function create(entry) {
  const colors = palette();
  applyDefaults(colors);
  entry.chart = new Chart(entry.canvas, entry.build(colors));
}

/**
 * A chart as a figure: a canvas (role img, labelled with a summary) and the same numbers in a table.
 * build(colors) returns a chart.js config; numbers is a table element (see dom.table).
 */
export function chartFigure({ label, build, numbers, tall = false }) {
  const canvas = h('canvas', { role: 'img', 'aria-label': label }, label);
  const entry = { canvas, build, chart: null };
  live.add(entry);
  create(entry);
  return h('figure', { class: 'chart' },
    h('div', { class: tall ? 'chart-box tall' : 'chart-box' }, canvas),
    h('details', { class: 'numbers' }, h('summary', {}, t('chart.showNumbers')), numbers));
}

/** Removes every chart (before a view is replaced). */
export function destroyCharts() {
  for (const entry of live) entry.chart?.destroy();
  live.clear();
}

/** Draws every chart again with the current theme's colors. */
export function refreshCharts() {
  for (const entry of live) {
    if (!entry.canvas.isConnected) {
      entry.chart?.destroy();
      live.delete(entry);
      continue;
    }
    entry.chart?.destroy();
    create(entry);
  }
}

/** A color with alpha, from "#rrggbb". */
export function alpha(color, a) {
  const m = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return color;
  const n = parseInt(m[1], 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}
