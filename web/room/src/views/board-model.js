// The program board's data, shaped for drawing: columns, the cards in each team's row and column, what a filter keeps,
// moves applied before the server answers. Pure functions (no DOM), shared by the page and its PNG export.
/** @typedef {import('../api/board').BoardView} BoardView */
/** @typedef {import('../api/board').BoardFeature} BoardFeature */
/** @typedef {import('../api/board').BoardPart} BoardPart */
/** @typedef {import('../api/board').BoardString} BoardString */
/** @typedef {import('../api/board').BoardMove} BoardMove */

/** The "Not planned" column's key (parts without an iteration, or with one outside the PI). */
export const UNPLANNED = 'none';

/**
 * A string's states, each drawn in its colour (CSS --string-<state>), width and dash pattern, and named in words.
 * @type {Record<string, { key: string, glyph: string, width: number, dash: number[], kind: string }>}
 */
export const STRING_STATES = {
  conflict: { key: 'board.string.conflict', glyph: '✕', width: 3, dash: [], kind: 'bad' },
  warning: { key: 'board.string.warning', glyph: '!', width: 2.5, dash: [8, 4], kind: 'warn' },
  requested: { key: 'board.string.requested', glyph: '?', width: 2, dash: [2, 4], kind: 'neutral' },
  onTrack: { key: 'board.string.onTrack', glyph: '✓', width: 2, dash: [], kind: 'info' },
  delivered: { key: 'board.string.delivered', glyph: '✓', width: 1.25, dash: [], kind: 'good' },
  declined: { key: 'board.string.declined', glyph: '✕', width: 2, dash: [10, 3, 2, 3], kind: 'bad' },
  teamLeft: { key: 'board.string.teamLeft', glyph: '–', width: 2, dash: [14, 6], kind: 'muted' },
  outsidePi: { key: 'board.string.outsidePi', glyph: '…', width: 2, dash: [6, 3, 2, 3, 2, 3], kind: 'muted' },
};

/** A feature's states in board order (the API's names, any casing). */
export const FEATURE_STATES = {
  backlog: { key: 'board.feature.backlog', kind: 'neutral' },
  planned: { key: 'board.feature.planned', kind: 'info' },
  inprogress: { key: 'board.feature.inProgress', kind: 'warn' },
  done: { key: 'board.feature.done', kind: 'good' },
  removed: { key: 'board.feature.removed', kind: 'muted' },
};

/** @type {Record<string, { key: string, glyph: string }>} */
export const MILESTONE_KINDS = {
  release: { key: 'board.kind.release', glyph: '◆' },
  event: { key: 'board.kind.event', glyph: '★' },
  external: { key: 'board.kind.external', glyph: '⇲' },
};

/** "inProgress", "in_progress", "InProgress" → "inprogress". */
export function stateKey(state) {
  return String(state ?? '').replace(/[^a-z]/gi, '').toLowerCase();
}

/** A string state's entry in STRING_STATES (its API name in any casing), or requested's for an unknown one. */
export function stringStyle(state) {
  const key = Object.keys(STRING_STATES).find((k) => k.toLowerCase() === stateKey(state));
  return { name: key ?? 'requested', ...STRING_STATES[key ?? 'requested'] };
}

/** A card's key: the feature and the team whose part it is. */
export function cardKey(featureId, team) {
  return `${featureId}|${team}`;
}

/** A cell's key: the team's row and the column (an iteration number or UNPLANNED). */
export function cellKey(team, column) {
  return `${team}|${column}`;
}

/**
 * The column a part (or a string's end) sits in: its iteration when the PI has it, else "Not planned".
 * @param {number | null | undefined} iteration
 * @param {Set<number>} numbers
 */
export function columnOf(iteration, numbers) {
  return typeof iteration === 'number' && numbers.has(iteration) ? String(iteration) : UNPLANNED;
}

/**
 * The board with the moves not yet answered by the server applied (the mover sees the card where they put it).
 * @param {BoardView} view
 * @param {Iterable<BoardMove>} moves
 * @returns {BoardView}
 */
export function withMoves(view, moves) {
  const list = [...moves];
  if (list.length === 0) return view;
  const features = view.features.map((f) => {
    const own = list.filter((m) => m.featureId === f.id);
    if (own.length === 0) return f;
    return {
      ...f,
      parts: f.parts.map((p) => {
        const move = own.filter((m) => m.team === p.team).at(-1);
        return move ? { ...p, iteration: move.to } : p;
      }),
    };
  });
  return { ...view, features };
}

/**
 * The board after a feature changed (the server's answer to a move, or the current one of a refused move).
 * @param {BoardView} view
 * @param {BoardFeature} feature
 */
export function withFeature(view, feature) {
  const found = view.features.some((f) => f.id === feature.id);
  const features = found ? view.features.map((f) => (f.id === feature.id ? feature : f)) : [...view.features, feature];
  return { ...view, features };
}

/**
 * What the filters keep: the teams' rows, the features' parts and the strings.
 * A team filter keeps that team's row and the rows of the teams it has strings with, and only that team's strings.
 * @param {BoardView} view
 * @param {{ team?: string, feature?: string, string?: string }} filter
 */
export function filtered(view, { team = '', feature = '', string = '' }) {
  let strings = view.strings;
  if (team) strings = strings.filter((s) => s.fromTeam === team || s.toTeam === team);
  if (string) strings = strings.filter((s) => stateKey(s.state) === stateKey(string));
  let teams = view.teams;
  if (team) {
    const linked = new Set([team, ...strings.flatMap((s) => [s.fromTeam, s.toTeam])]);
    teams = teams.filter((t) => linked.has(t.conversationId));
  }
  const features = feature ? view.features.filter((f) => stateKey(f.state) === stateKey(feature)) : view.features;
  const conflicts = view.conflicts.filter((c) => strings.some((s) => s.dependencyId === c.dependencyId));
  return { ...view, teams, features, strings, conflicts };
}

/**
 * The cards of each cell: cellKey → [{ feature, part }], by business value then title.
 * @param {BoardView} view
 */
export function cardsByCell(view) {
  const numbers = new Set(view.iterations.map((i) => i.number));
  /** @type {Map<string, { feature: BoardFeature, part: BoardPart }[]>} */
  const cells = new Map();
  for (const feature of view.features) {
    for (const part of feature.parts) {
      const key = cellKey(part.team, columnOf(part.iteration, numbers));
      let list = cells.get(key);
      if (!list) cells.set(key, (list = []));
      list.push({ feature, part });
    }
  }
  for (const list of cells.values()) {
    list.sort((a, b) => (b.feature.businessValue ?? -1) - (a.feature.businessValue ?? -1) || a.feature.title.localeCompare(b.feature.title));
  }
  return cells;
}

/**
 * The strings touching each card (either end), cardKey → strings.
 * @param {BoardString[]} strings
 */
export function stringsByCard(strings) {
  /** @type {Map<string, BoardString[]>} */
  const map = new Map();
  const add = (key, s) => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    if (!list.includes(s)) list.push(s);
  };
  for (const s of strings) {
    if (s.fromFeature) add(cardKey(s.fromFeature, s.fromTeam), s);
    if (s.toFeature) add(cardKey(s.toFeature, s.toTeam), s);
  }
  return map;
}

/**
 * Where a string's two ends sit: a card when it names a feature with a part in that team, else the team's cell.
 * @param {BoardString} s
 * @param {Set<number>} numbers
 */
export function stringEnds(s, numbers) {
  return {
    from: { card: s.fromFeature ? cardKey(s.fromFeature, s.fromTeam) : null, cell: cellKey(s.fromTeam, columnOf(s.fromIteration, numbers)) },
    to: { card: s.toFeature ? cardKey(s.toFeature, s.toTeam) : null, cell: cellKey(s.toTeam, columnOf(s.toIteration, numbers)) },
  };
}

/**
 * The columns in board order: "Not planned" first, then the PI's iterations.
 * @param {BoardView} view
 * @returns {(number | null)[]}
 */
export function moveTargets(view) {
  return [null, ...[...view.iterations].sort((a, b) => a.number - b.number).map((i) => i.number)];
}

/**
 * A smooth path from a to b (the providing card's side to the needing card's): a cubic curve, looping out to the right
 * when both ends are in one column.
 * @param {{ x: number, y: number }} a
 * @param {{ x: number, y: number }} b
 * @param {boolean} sameColumn
 */
export function curve(a, b, sameColumn) {
  if (sameColumn) {
    const out = 36 + Math.min(60, Math.abs(b.y - a.y) / 4);
    return { a, c1: { x: a.x + out, y: a.y }, c2: { x: b.x + out, y: b.y }, b };
  }
  const bend = Math.max(30, Math.abs(b.x - a.x) / 2);
  const dir = b.x >= a.x ? 1 : -1;
  return { a, c1: { x: a.x + dir * bend, y: a.y }, c2: { x: b.x - dir * bend, y: b.y }, b };
}

/** The point halfway along a curve (t = 0.5 of the cubic). */
export function midpoint({ a, c1, c2, b }) {
  return { x: (a.x + 3 * c1.x + 3 * c2.x + b.x) / 8, y: (a.y + 3 * c1.y + 3 * c2.y + b.y) / 8 };
}
