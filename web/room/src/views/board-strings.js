// The board's dependency strings: one SVG layer over the grid, drawn from the cards' places measured in one batch
// (all reads, then all writes: no layout thrash). Each string shows its state in colour, dash pattern and words.
import { t } from '../i18n/index.js';
import { STRING_STATES, stringStyle, stringEnds, curve, midpoint } from './board-model.js';
/** @typedef {import('../api/board').BoardString} BoardString */

const SVG = 'http://www.w3.org/2000/svg';
/** States whose words are written on the line itself (those to act on); the others say it in their tooltip. */
const LABELLED = new Set(['conflict', 'declined', 'teamLeft', 'outsidePi', 'warning']);

/**
 * @param {string} tag
 * @param {Record<string, string | number>} [attrs]
 */
function svg(tag, attrs = {}) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/**
 * The sentence a string stands for, for tooltips and screen readers: "API v2: Team A needs it from Team B (2 iterations late)".
 * @param {BoardString} s
 */
export function stringSentence(s) {
  return t('board.stringItem', s.text, s.toTeamName, s.fromTeamName, s.words || t(stringStyle(s.state).key));
}

/** The empty layer (aria-hidden: every string is also said in its cards' text and in the conflicts list). */
export function stringLayer() {
  const layer = svg('svg', { class: 'board-strings', 'aria-hidden': 'true', focusable: 'false' });
  const defs = svg('defs');
  for (const name of Object.keys(STRING_STATES)) {
    const marker = svg('marker', {
      id: `board-arrow-${name}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
    });
    marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow arrow-${name}` }));
    defs.append(marker);
  }
  layer.append(defs);
  return layer;
}

/**
 * Draws the strings into layer, over canvas (the positioned box holding the grid). Returns the paths by card key, so
 * a focused card can light its strings.
 * @param {SVGSVGElement} layer
 * @param {HTMLElement} canvas
 * @param {BoardString[]} strings
 * @param {Set<number>} numbers the PI's iteration numbers
 */
export function drawStrings(layer, canvas, strings, numbers) {
  // Reads first: every element's box, in one pass.
  const base = canvas.getBoundingClientRect();
  /** @type {Map<string, DOMRect>} */
  const cards = new Map();
  for (const el of canvas.querySelectorAll('[data-card]')) cards.set(/** @type {HTMLElement} */ (el).dataset.card ?? '', el.getBoundingClientRect());
  /** @type {Map<string, DOMRect>} */
  const cells = new Map();
  for (const el of canvas.querySelectorAll('[data-cell]')) cells.set(/** @type {HTMLElement} */ (el).dataset.cell ?? '', el.getBoundingClientRect());
  const width = canvas.scrollWidth;
  const height = canvas.scrollHeight;

  // Then writes.
  for (const old of layer.querySelectorAll('g.string')) old.remove();
  layer.setAttribute('width', String(width));
  layer.setAttribute('height', String(height));
  layer.setAttribute('viewBox', `0 0 ${width} ${height}`);
  /** @type {Map<string, SVGGElement[]>} */
  const byCard = new Map();
  const box = (r) => ({ left: r.left - base.left, right: r.right - base.left, top: r.top - base.top, bottom: r.bottom - base.top });
  const labels = [];
  for (const s of strings) {
    const ends = stringEnds(s, numbers);
    const fromRect = (ends.from.card && cards.get(ends.from.card)) || cells.get(ends.from.cell);
    const toRect = (ends.to.card && cards.get(ends.to.card)) || cells.get(ends.to.cell);
    if (!fromRect || !toRect) continue;
    const from = box(fromRect);
    const to = box(toRect);
    const style = stringStyle(s.state);
    const path = endsOf(from, to);
    const g = /** @type {SVGGElement} */ (svg('g', { class: `string string-${style.name}` }));
    const title = svg('title');
    title.textContent = stringSentence(s);
    const d = `M ${path.a.x} ${path.a.y} C ${path.c1.x} ${path.c1.y}, ${path.c2.x} ${path.c2.y}, ${path.b.x} ${path.b.y}`;
    g.append(title, svg('path', {
      d,
      class: 'line',
      'stroke-width': style.width,
      'stroke-dasharray': style.dash.length ? style.dash.join(' ') : 'none',
      'marker-end': `url(#board-arrow-${style.name})`,
    }));
    if (LABELLED.has(style.name)) labels.push({ g, at: midpoint(path), words: s.words || t(style.key), style });
    layer.append(g);
    for (const key of [ends.from.card, ends.to.card]) {
      if (!key) continue;
      let list = byCard.get(key);
      if (!list) byCard.set(key, (list = []));
      list.push(g);
    }
  }
  // Labels last, above every line; their width is estimated (measuring text would force a layout per label).
  for (const { g, at, words, style } of labels) {
    const w = Math.min(220, 12 + words.length * 6.4);
    const label = svg('g', { class: 'label', transform: `translate(${Math.round(at.x - w / 2)} ${Math.round(at.y - 10)})` });
    label.append(svg('rect', { width: w, height: 20, rx: 4 }));
    const text = svg('text', { x: w / 2, y: 14, 'text-anchor': 'middle' });
    text.textContent = `${style.glyph} ${words}`;
    label.append(text);
    g.append(label);
    layer.append(g);
  }
  return byCard;
}

/**
 * The sides the string leaves and enters by: the facing sides of the two boxes, or both right sides in one column.
 * @param {{ left: number, right: number, top: number, bottom: number }} from
 * @param {{ left: number, right: number, top: number, bottom: number }} to
 */
function endsOf(from, to) {
  const fy = (from.top + from.bottom) / 2;
  const ty = (to.top + to.bottom) / 2;
  if (to.left >= from.right - 4) return curve({ x: from.right, y: fy }, { x: to.left, y: ty }, false);
  if (to.right <= from.left + 4) return curve({ x: from.left, y: fy }, { x: to.right, y: ty }, false);
  return curve({ x: from.right, y: fy }, { x: to.right, y: ty }, true);
}

/**
 * A short sample of a state's line, for the legend.
 * @param {string} state
 */
export function legendSample(state) {
  const style = stringStyle(state);
  const sample = svg('svg', { class: `legend-line string-${style.name}`, width: 36, height: 12, viewBox: '0 0 36 12', 'aria-hidden': 'true', focusable: 'false' });
  sample.append(svg('path', {
    d: 'M 1 6 L 35 6', class: 'line', 'stroke-width': style.width, 'stroke-dasharray': style.dash.length ? style.dash.join(' ') : 'none',
  }));
  return sample;
}
