// The program board as an image (program-board.png) for the PI Planning summary: drawn on a canvas from the board's
// data with its own fixed layout (any width the page has), light colours for documents; no library, no request.
import { t, tn, formatNumber, formatOneDecimal } from '../i18n/index.js';
import { dayShort, piTitle } from '../dom.js';
import {
  STRING_STATES, FEATURE_STATES, MILESTONE_KINDS, stateKey, stringStyle, cardsByCell, moveTargets, stringEnds, cellKey,
  UNPLANNED, curve, midpoint,
} from './board-model.js';
/** @typedef {import('../api/board').BoardView} BoardView */

/** Light colours for an image that goes into documents and slides. */
const INK = {
  bg: '#ffffff', text: '#242424', text2: '#5c5c5c', grid: '#d1d1d1', head: '#f0f0f0', card: '#fafafa', cardBorder: '#8a8a8a',
  current: '#e8ebfa', over: '#b10e1c', overBg: '#fdf3f4', milestone: '#4f52b2',
  conflict: '#c50f1f', warning: '#bc4b09', requested: '#707070', onTrack: '#0f6cbd', delivered: '#107c10',
  declined: '#8a1c1c', teamLeft: '#7a3aa8', outsidePi: '#4a4a4a',
};
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const PAD = 24;
const TEAM_W = 170;
const COL_W = 210;
const CARD_H = 46;
const GAP = 6;

/**
 * Draws the board and downloads it.
 * @param {BoardView} view the board as shown (filters applied)
 * @param {{ art: string, pi: string, date: string, file: string }} title
 */
export async function exportPng(view, { art, pi, date, file }) {
  const canvas = drawBoard(view, { art, pi, date });
  const blob = await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), 'image/png'));
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = file;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * The board on a canvas (exported for the page's tests).
 * @param {BoardView} view
 * @param {{ art: string, pi: string, date: string }} title
 */
export function drawBoard(view, { art, pi, date }) {
  const columns = moveTargets(view);
  const cells = cardsByCell(view);
  const numbers = new Set(view.iterations.map((i) => i.number));
  const colKey = (c) => (c === null ? UNPLANNED : String(c));
  const milestoneRows = Math.max(1, ...columns.map((c) => view.milestones.filter((m) => (c === null ? m.iteration === null || !numbers.has(m.iteration) : m.iteration === c)).length));

  // Layout first (sizes), then drawing.
  const top = PAD + 56;
  const headH = 46;
  const msH = 10 + milestoneRows * 20;
  const rowHeights = view.teams.map((team) => {
    const most = Math.max(0, ...columns.map((c) => cells.get(cellKey(team.conversationId, colKey(c)))?.length ?? 0));
    return Math.max(64, 26 + most * (CARD_H + GAP) + 6);
  });
  const gridW = TEAM_W + columns.length * COL_W;
  const gridH = headH + msH + rowHeights.reduce((a, b) => a + b, 0);
  const legendNames = Object.keys(STRING_STATES);
  const legendPerRow = Math.max(1, Math.floor(gridW / 190));
  const legendH = 28 + Math.ceil(legendNames.length / legendPerRow) * 22;
  const width = PAD * 2 + gridW;
  const height = top + gridH + 16 + legendH + PAD;
  const scale = Math.min(2, Math.sqrt(16_000_000 / (width * height)));

  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const g = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  g.scale(scale, scale);
  g.fillStyle = INK.bg;
  g.fillRect(0, 0, width, height);
  g.textBaseline = 'alphabetic';

  const font = (size, weight = 400) => { g.font = `${weight} ${size}px ${FONT}`; };
  const write = (s, x, y, max, color = INK.text) => {
    g.fillStyle = color;
    g.fillText(fit(g, s, max), x, y);
  };

  // Title: ART, PI, date; what the image shows.
  font(20, 700);
  write(t('board.pngTitle', art || t('view.board'), pi ? piTitle(pi) : t('header.noPi'), date), PAD, PAD + 20, gridW);
  font(13);
  write(t('view.board'), PAD, PAD + 42, gridW, INK.text2);

  // Header row.
  const x0 = PAD;
  let y = top;
  const colX = (i) => x0 + TEAM_W + i * COL_W;
  g.fillStyle = INK.head;
  g.fillRect(x0, y, gridW, headH);
  font(13, 600);
  write(t('board.team'), x0 + 8, y + 18, TEAM_W - 16);
  columns.forEach((c, i) => {
    const it = view.iterations.find((x) => x.number === c);
    if (it?.isCurrent) {
      g.fillStyle = INK.current;
      g.fillRect(colX(i), y, COL_W, gridH);
    }
    font(13, 600);
    const marks = [it?.isIp ? t('board.ipMark') : '', it?.isCurrent ? t('board.current') : ''].filter(Boolean).join(' · ');
    write(c === null ? t('board.notPlanned') : `${t('deps.iteration', c)}${marks ? ` · ${marks}` : ''}`, colX(i) + 8, y + 18, COL_W - 16);
    if (it) {
      font(12);
      write(t('board.dates', dayShort(it.start), dayShort(it.end)), colX(i) + 8, y + 36, COL_W - 16, INK.text2);
    }
  });
  y += headH;

  // Milestone row.
  font(13, 600);
  write(t('board.milestones'), x0 + 8, y + 20, TEAM_W - 16);
  columns.forEach((c, i) => {
    const list = view.milestones.filter((m) => (c === null ? m.iteration === null || !numbers.has(m.iteration) : m.iteration === c));
    list.forEach((m, k) => {
      const kind = MILESTONE_KINDS[stateKey(m.kind)] ?? MILESTONE_KINDS.event;
      font(12, 600);
      write(`${kind.glyph} ${t(kind.key)} ${dayShort(m.date)}: ${m.title}`, colX(i) + 8, y + 20 + k * 20, COL_W - 16, INK.milestone);
    });
  });
  y += msH;

  // Team rows with their cards; each card's box is kept for the strings.
  /** @type {Map<string, { left: number, right: number, top: number, bottom: number }>} */
  const boxes = new Map();
  /** @type {(() => void)[]} */
  const paint = [];
  view.teams.forEach((team, r) => {
    const rowH = rowHeights[r];
    g.strokeStyle = INK.grid;
    g.lineWidth = 1;
    g.beginPath();
    g.moveTo(x0, y + 0.5);
    g.lineTo(x0 + gridW, y + 0.5);
    g.stroke();
    font(13, 600);
    write(team.name, x0 + 8, y + 20, TEAM_W - 16);
    if (!team.inArt) {
      font(12);
      write(t('board.leftArt'), x0 + 8, y + 38, TEAM_W - 16, INK.text2);
    }
    columns.forEach((c, i) => {
      const key = cellKey(team.conversationId, colKey(c));
      boxes.set(`cell:${key}`, { left: colX(i) + 4, right: colX(i) + COL_W - 4, top: y + 4, bottom: y + rowH - 4 });
      if (c !== null) {
        const load = team.load.find((l) => l.iteration === c);
        if (load) {
          font(12, load.over ? 700 : 400);
          const words = load.capacity === null ? t('board.loadNoCapacity', load.load) : t('board.loadOfText', load.load, load.capacity);
          write(load.over ? `${words} · ${t('board.over')}` : words, colX(i) + 8, y + 18, COL_W - 16, load.over ? INK.over : INK.text2);
        }
      }
      (cells.get(key) ?? []).forEach(({ feature, part }, k) => {
        const left = colX(i) + 8;
        const cardTop = y + 26 + k * (CARD_H + GAP);
        const w = COL_W - 16;
        boxes.set(`card:${feature.id}|${part.team}`, { left, right: left + w, top: cardTop, bottom: cardTop + CARD_H });
        // Cards are painted after the strings, so the strings run under them as on the page.
        paint.push(() => {
          g.fillStyle = INK.card;
          g.fillRect(left, cardTop, w, CARD_H);
          g.strokeStyle = INK.cardBorder;
          g.strokeRect(left + 0.5, cardTop + 0.5, w - 1, CARD_H - 1);
          font(12, 600);
          write(feature.title, left + 6, cardTop + 17, w - 12);
          const state = FEATURE_STATES[stateKey(feature.state)];
          const meta = [
            typeof feature.businessValue === 'number' ? t('board.bv', formatNumber(feature.businessValue)) : null,
            typeof feature.wsjf === 'number' ? t('board.wsjf', formatOneDecimal(feature.wsjf)) : null,
            typeof part.points === 'number' ? tn(part.points, 'board.points') : null,
            state ? t(state.key) : feature.state,
          ].filter(Boolean).join(' · ');
          font(11);
          write(meta, left + 6, cardTop + 36, w - 12, INK.text2);
        });
      });
    });
    y += rowH;
  });
  g.strokeStyle = INK.grid;
  g.strokeRect(x0 + 0.5, top + 0.5, gridW - 1, gridH - 1);
  for (let i = 0; i <= columns.length; i += 1) {
    g.beginPath();
    g.moveTo(colX(i) + 0.5, top);
    g.lineTo(colX(i) + 0.5, top + gridH);
    g.stroke();
  }

  // Strings: colour, width and dash by state; words on those to act on.
  const labels = [];
  for (const s of view.strings) {
    const ends = stringEnds(s, numbers);
    const from = (ends.from.card && boxes.get(`card:${ends.from.card}`)) || boxes.get(`cell:${ends.from.cell}`);
    const to = (ends.to.card && boxes.get(`card:${ends.to.card}`)) || boxes.get(`cell:${ends.to.cell}`);
    if (!from || !to) continue;
    const style = stringStyle(s.state);
    const color = INK[style.name] ?? INK.requested;
    const fy = (from.top + from.bottom) / 2;
    const ty = (to.top + to.bottom) / 2;
    const path = to.left >= from.right - 4 ? curve({ x: from.right, y: fy }, { x: to.left, y: ty }, false)
      : to.right <= from.left + 4 ? curve({ x: from.left, y: fy }, { x: to.right, y: ty }, false)
        : curve({ x: from.right, y: fy }, { x: to.right, y: ty }, true);
    g.strokeStyle = color;
    g.lineWidth = style.width;
    g.setLineDash(style.dash);
    g.lineCap = style.name === 'requested' ? 'round' : 'butt';
    g.beginPath();
    g.moveTo(path.a.x, path.a.y);
    g.bezierCurveTo(path.c1.x, path.c1.y, path.c2.x, path.c2.y, path.b.x, path.b.y);
    g.stroke();
    g.setLineDash([]);
    arrow(g, path.c2, path.b, color);
    if (['conflict', 'warning', 'declined', 'teamLeft', 'outsidePi'].includes(style.name)) labels.push({ at: midpoint(path), words: `${style.glyph} ${s.words || t(style.key)}`, color });
  }
  for (const card of paint) card();
  font(11, 600);
  for (const { at: mid, words, color } of labels) {
    const w = Math.min(200, g.measureText(words).width + 10);
    const at = { x: Math.min(width - PAD - w / 2, Math.max(PAD + w / 2, mid.x)), y: mid.y };
    g.fillStyle = INK.bg;
    g.fillRect(at.x - w / 2, at.y - 9, w, 18);
    g.strokeStyle = color;
    g.lineWidth = 1;
    g.strokeRect(at.x - w / 2 + 0.5, at.y - 8.5, w - 1, 17);
    write(words, at.x - w / 2 + 5, at.y + 4, w - 10, color);
  }

  // Legend.
  y = top + gridH + 16;
  font(13, 600);
  write(t('board.legend'), x0, y + 14, gridW);
  legendNames.forEach((name, i) => {
    const style = stringStyle(name);
    const lx = x0 + (i % legendPerRow) * 190;
    const ly = y + 34 + Math.floor(i / legendPerRow) * 22;
    g.strokeStyle = INK[name] ?? INK.requested;
    g.lineWidth = style.width;
    g.setLineDash(style.dash);
    g.beginPath();
    g.moveTo(lx, ly - 4);
    g.lineTo(lx + 36, ly - 4);
    g.stroke();
    g.setLineDash([]);
    font(12);
    write(`${style.glyph} ${t(style.key)}`, lx + 44, ly, 140);
  });
  return canvas;
}

/**
 * Text cut to max pixels with an ellipsis.
 * @param {CanvasRenderingContext2D} g
 * @param {string} s
 * @param {number} max
 */
function fit(g, s, max) {
  const str = String(s ?? '');
  if (g.measureText(str).width <= max) return str;
  let lo = 0;
  let hi = str.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (g.measureText(`${str.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${str.slice(0, lo)}…`;
}

/**
 * An arrowhead at b, pointing from c to b.
 * @param {CanvasRenderingContext2D} g
 * @param {{ x: number, y: number }} c
 * @param {{ x: number, y: number }} b
 * @param {string} color
 */
function arrow(g, c, b, color) {
  const angle = Math.atan2(b.y - c.y, b.x - c.x);
  const size = 8;
  g.fillStyle = color;
  g.beginPath();
  g.moveTo(b.x, b.y);
  g.lineTo(b.x - size * Math.cos(angle - 0.4), b.y - size * Math.sin(angle - 0.4));
  g.lineTo(b.x - size * Math.cos(angle + 0.4), b.y - size * Math.sin(angle + 0.4));
  g.closePath();
  g.fill();
}
