// Small DOM helpers. Data from the API is only ever set as text (never as HTML).
import { tn, formatOneDecimal, formatPercent, formatShortDate, formatLongDate } from './i18n/index.js';

let idCounter = 0;

/** A unique id for aria references. */
export function uid(prefix = 'r') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * Creates an element. attrs: plain attributes, plus `class`, `text`, `on<Event>` handlers,
 * `dataset` (object) and boolean attributes (true sets, false/null/undefined skips).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces all children of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const DASH = '—';

/**
 * Text for a value that may be missing.
 * @param {unknown} value
 * @param {any} [fallback]
 */
export function text(value, fallback = DASH) {
  if (value === undefined || value === null) return fallback;
  const s = String(value).trim();
  return s === '' ? fallback : s;
}

export function days(ageDays) {
  if (typeof ageDays !== 'number' || !Number.isFinite(ageDays)) return DASH;
  return tn(Math.round(ageDays), 'common.days');
}

/** One decimal in the page's language ("3.8", "3,8"), or null. */
export function fixed1(value) {
  return formatOneDecimal(value);
}

/** A percentage given as 0 to 100, in the page's language ("88%", "88 %"), or null. */
export function percent(value) {
  return formatPercent(value);
}

/** "PI 2026.4" for "2026.4" or "PI 2026.4". */
export function piTitle(name) {
  if (!name) return name;
  return /^PI\b/i.test(name) ? name : `PI ${name}`;
}

/**
 * A PI's name, given as a name or as the API's RoomPi ({name, start, end}).
 * @param {string | import('./api/views').Schemas['RoomPi'] | null | undefined} pi
 */
export function piName(pi) {
  if (pi === undefined || pi === null) return null;
  if (typeof pi === 'object') return pi.name ?? null;
  return String(pi);
}

function parseDay(value) {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** "Jul 7" (en-US), "7. Juli" (de) for "2025-07-07" (the date as written, no time zone shift). */
export function dayShort(value) {
  const d = parseDay(value);
  return d ? formatShortDate(d) : text(value);
}

export function dayLong(value) {
  const d = parseDay(value);
  return d ? formatLongDate(d) : text(value);
}

/** A <time> element showing a short date. */
export function time(value) {
  const d = parseDay(value);
  if (!d) return document.createTextNode(text(value));
  return h('time', { datetime: String(value).slice(0, 10), title: formatLongDate(d) }, formatShortDate(d));
}

/**
 * A column of a table: its heading, and what a row shows in it.
 * @template Row
 * @typedef {{ label: any, cell: (row: Row) => any, numeric?: boolean, rowHeader?: boolean, className?: string }} Column
 */

/**
 * A table in its own scroll container (focusable, labelled by the caption). The rows' type (often the API's) types the
 * cells.
 * @template Row
 * @param {{ caption: any, columns: NoInfer<Column<Row>>[], rows: Row[], className?: string, captionHidden?: boolean, footer?: Node | null }} options
 */
export function table({ caption, columns, rows, className = '', captionHidden = false, footer = null }) {
  const captionId = uid('cap');
  const head = h('thead', {}, h('tr', {}, columns.map((c) =>
    h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label))));
  const body = h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => {
    const content = c.cell(row);
    const attrs = { class: c.numeric ? 'num' : (c.className ?? null) };
    return c.rowHeader ? h('th', { ...attrs, scope: 'row' }, content) : h('td', attrs, content);
  }))));
  const t = h('table', { class: `data ${className}`.trim() },
    h('caption', { id: captionId, class: captionHidden ? 'visually-hidden' : null }, h('span', { class: 'cap' }, caption)),
    head, body, footer);
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': captionId }, t);
}

/** A paragraph for "nothing here yet". */
export function empty(message) {
  return h('p', { class: 'empty' }, message);
}

/** A part of a view under a heading of the given level (not a landmark: headings give the structure). */
export function section(level, title, ...children) {
  return h('section', { class: 'block' }, h(`h${level}`, {}, title), ...children);
}
