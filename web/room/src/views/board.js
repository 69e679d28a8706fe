// The program board (issue 27): teams by iterations with the milestone row, features as cards, dependency strings,
// the conflicts to act on. Live: polls GET /api/room/board every second (If-None-Match) and redraws in place, keeping
// scroll, focus, open menus and what is being typed. Moves go without drag and drop (Move menu, Alt+Left/Right).
import { h, replace, text, uid, dayShort } from '../dom.js';
import { t, tn, tx, formatNumber, formatOneDecimal, formatLongDate } from '../i18n/index.js';
import { badge } from './common.js';
import { startPolling } from '../meeting/poller.js';
import {
  UNPLANNED, STRING_STATES, FEATURE_STATES, MILESTONE_KINDS, stateKey, stringStyle, cardKey, cellKey, columnOf,
  withMoves, withFeature, filtered, cardsByCell, stringsByCard, moveTargets,
} from './board-model.js';
import { stringLayer, drawStrings, legendSample, stringSentence } from './board-strings.js';
import { conflictsSection, openDialog, dependencyDetails, historyTable, stringBadge } from './board-side.js';
import { planPanel } from './board-forms.js';
import { exportPng } from './board-png.js';
/** @typedef {import('../api/board').BoardView} BoardView */
/** @typedef {import('../api/board').BoardFeature} BoardFeature */
/** @typedef {import('../api/board').BoardPart} BoardPart */
/** @typedef {import('../api/board').BoardMove} BoardMove */
/** @typedef {import('../api/board').BoardConflict} BoardConflict */
/** @typedef {import('../api/board').BoardIteration} BoardIteration */
/** @typedef {import('../api/board').BoardTeam} BoardTeam */
/**
 * What one draw hands its parts: the filtered board, its iteration numbers, the cards by cell, the strings by card and
 * the columns in order (null: "Not planned").
 * @typedef {{ view: BoardView, numbers: Set<number>, cells: Map<string, { feature: BoardFeature, part: BoardPart }[]>,
 *   byCard: Map<string, import('../api/board').BoardString[]>, targets: (number | null)[] }} BoardCtx
 */

const POLL_MS = 1000;
/** Below this width (a side panel, a phone) the grid becomes a list grouped by iteration, then team. */
const NARROW_PX = 500;

/**
 * @param {BoardView} data
 * @param {import('./common.js').ViewEnv} env
 */
export function renderBoard(data, env) {
  return createBoard(data, env).root;
}

/**
 * @param {BoardView} initial
 * @param {import('./common.js').ViewEnv} env
 */
function createBoard(initial, env) {
  const ui = /** @type {{ mode: 'lines' | 'counts', team: string, feature: string, string: string, planOpen: boolean }} */ (env.state);
  ui.mode ??= 'lines';
  ui.team ??= '';
  ui.feature ??= '';
  ui.string ??= '';
  ui.planOpen ??= false;

  const model = {
    server: initial,
    json: JSON.stringify(initial),
    /** @type {string | null} */
    etag: null,
    /** Moves sent and not answered yet, by card key: shown where the mover put them. */
    /** @type {Map<string, BoardMove>} */
    pending: new Map(),
  };
  /** @type {string | null} the card whose Move menu is open */
  let openMenu = null;
  /** @type {Set<string>} cards whose list of strings is open */
  const openLists = new Set();
  /** @type {string | null} a card another person's move put back (409), marked until the next move */
  let marked = null;
  let narrow = window.innerWidth < NARROW_PX;
  let stale = false;
  /** @type {{ feature: BoardFeature, part: BoardPart } | null} */
  let dragging = null;
  /** @type {{ canvas: HTMLElement, layer: SVGSVGElement, strings: import('../api/board').BoardString[], numbers: Set<number> } | null} */
  let lines = null;
  /** @type {Map<string, SVGGElement[]>} */
  let linesByCard = new Map();
  /** @type {HTMLElement | null} */
  let scroller = null;
  let planSignature = '';

  const status = h('p', { class: 'board-status', role: 'status', 'aria-live': 'polite' });
  const alert = h('div', { class: 'board-alert', role: 'alert' });
  const staleNote = h('p', { class: 'board-stale', hidden: true }, t('board.stale'));
  const toolbar = h('div', { class: 'board-toolbar' });
  const planHost = h('div', { class: 'board-plan-host' });
  const legend = h('div', { class: 'board-legend' });
  const layout = h('div', { class: 'board-layout' });
  const dialogs = h('div');
  const root = h('div', { class: 'board-view' }, toolbar, staleNote, alert, status, planHost, legend, layout, dialogs);

  const current = () => withMoves(model.server, model.pending.values());
  const shown = () => filtered(current(), ui);
  const mayPlan = (team) => model.server.can.teams.includes(team);
  const numbersOf = (view) => new Set(view.iterations.map((i) => i.number));

  /** @param {number | null} n */
  function iterationName(n) {
    if (n === null) return t('board.notPlanned');
    const it = model.server.iterations.find((i) => i.number === n);
    return it?.isIp ? t('deps.ipIteration', n) : t('deps.iteration', n);
  }

  function say(message) {
    replace(alert);
    status.textContent = message;
  }

  function fail(message) {
    status.textContent = '';
    replace(alert, h('p', {}, message));
  }

  // ---------- toolbar: filters, lines or counts, PNG ----------

  function buildToolbar() {
    const view = model.server;
    const select = (label, key, options) => {
      const id = uid('filter');
      const el = /** @type {HTMLSelectElement} */ (h('select', { id, dataset: { focusKey: `filter:${key}` } },
        options.map(([value, name]) => h('option', { value, selected: ui[key] === value }, name))));
      el.addEventListener('change', () => {
        ui[key] = el.value;
        draw();
      });
      return h('span', { class: 'board-filter' }, h('label', { for: id }, label), el);
    };
    const teams = [['', t('board.allTeams')], ...view.teams.map((tm) => [tm.conversationId, tm.name])];
    const features = [['', t('board.allStates')], ...Object.entries(FEATURE_STATES).map(([k, s]) => [k, t(s.key)])];
    const strings = [['', t('board.allStates')], ...Object.entries(STRING_STATES).map(([k, s]) => [k, t(s.key)])];
    const modeButton = (mode, label) => h('button', {
      type: 'button', class: 'button toggle', 'aria-pressed': ui.mode === mode ? 'true' : 'false', dataset: { focusKey: `mode:${mode}` },
      onClick: () => {
        ui.mode = mode;
        buildToolbar();
        draw();
      },
    }, label);
    const png = h('button', { type: 'button', class: 'button secondary-button', dataset: { focusKey: 'png' }, onClick: () => downloadPng() },
      h('span', { class: 'glyph', 'aria-hidden': 'true' }, '↓'), t('board.png'));
    const keep = focused();
    replace(toolbar,
      h('div', { class: 'filter' },
        select(t('board.filterTeam'), 'team', teams),
        select(t('board.filterFeature'), 'feature', features),
        select(t('board.filterString'), 'string', strings),
        h('span', { class: 'board-mode', role: 'group', 'aria-label': t('board.show') }, modeButton('lines', t('board.lines')), modeButton('counts', t('board.counts'))),
        png),
      h('p', { class: 'secondary small' }, t('board.keysHint')));
    restore(keep);
  }

  function buildLegend() {
    replace(legend, h('ul', { class: 'legend', 'aria-label': t('board.legend') },
      Object.keys(STRING_STATES).map((name) => h('li', { class: 'legend-item' }, legendSample(name), stringBadge(name)))));
  }

  function buildPlan() {
    const view = model.server;
    const signature = view.can.keepBacklog ? view.teams.map((tm) => `${tm.conversationId}:${tm.name}:${tm.inArt}`).join('|') : '';
    if (signature === planSignature) return;
    planSignature = signature;
    if (!view.can.keepBacklog) {
      replace(planHost);
      return;
    }
    replace(planHost, planPanel(view, {
      open: ui.planOpen,
      onToggle: (open) => { ui.planOpen = open; },
      addMilestone: async (m) => {
        try {
          await env.api.send('POST', 'board/milestones', { params: where(), body: m });
          say(t('board.milestoneAdded', m.title));
          poller.now();
          return true;
        } catch (error) {
          fail(error.message);
          return false;
        }
      },
      addFeature: async (f) => {
        try {
          const created = await (await env.api.send('POST', 'board/features', { params: where(), body: f })).json();
          model.server = withFeature(model.server, created);
          say(t('board.featureAdded', f.title));
          draw();
          poller.now();
          return true;
        } catch (error) {
          fail(error.message);
          return false;
        }
      },
    }));
  }

  const where = () => ({ conversation: env.host?.conversation ?? null });

  // ---------- drawing ----------

  /** The focused control inside the board, by its focus key, with what is typed into it. */
  function focused() {
    const el = /** @type {HTMLElement | null} */ (document.activeElement);
    if (!el || !root.contains(el)) return null;
    const key = el.dataset?.focusKey;
    if (!key) return null;
    const input = el instanceof HTMLInputElement ? el : null;
    return { key, value: input ? input.value : null, start: input?.type === 'text' ? input.selectionStart : null };
  }

  /** @param {ReturnType<typeof focused>} keep */
  function restore(keep) {
    if (!keep) return;
    const el = /** @type {HTMLElement | null} */ (root.querySelector(`[data-focus-key="${CSS.escape(keep.key)}"]`));
    if (!el) return;
    if (el instanceof HTMLInputElement && keep.value !== null) {
      el.value = keep.value;
      if (keep.start !== null && el.type === 'text') el.setSelectionRange(keep.start, keep.start);
    }
    el.focus({ preventScroll: true });
  }

  function draw() {
    const keep = focused();
    const scroll = scroller ? { left: scroller.scrollLeft, top: scroller.scrollTop } : null;
    const view = shown();
    const numbers = numbersOf(view);
    const ctx = {
      view,
      numbers,
      cells: cardsByCell(view),
      byCard: stringsByCard(view.strings),
      targets: moveTargets(view),
    };
    scroller = null;
    lines = null;
    const board = view.iterations.length === 0
      ? h('p', { class: 'empty' }, t('board.noIterations'))
      : narrow ? listMode(ctx) : gridMode(ctx);
    const conflicts = conflictsSection(view, conflictActions);
    // Narrow: the conflicts to act on come first (the list below them is long).
    replace(layout, narrow ? conflicts : null, h('div', { class: 'board-main' }, board), narrow ? null : conflicts);
    layout.classList.toggle('narrow', narrow);
    root.classList.toggle('narrow', narrow);
    legend.hidden = narrow || ui.mode !== 'lines';
    if (scroller && scroll) {
      /** @type {HTMLElement} */ (scroller).scrollLeft = scroll.left;
      /** @type {HTMLElement} */ (scroller).scrollTop = scroll.top;
    }
    restore(keep);
    const drawn = linesToDraw(); // set by gridMode
    if (drawn) linesObserver.observe(drawn.canvas);
  }

  /** What gridMode left to draw (a function, so the checker does not narrow it to the null draw set). */
  function linesToDraw() {
    return lines;
  }

  /** Draws the strings once the grid has its size (and again whenever it changes size). */
  const linesObserver = new ResizeObserver(() => {
    if (!lines || !lines.canvas.isConnected) return;
    linesByCard = drawStrings(lines.layer, lines.canvas, lines.strings, lines.numbers);
  });

  /** The root's width decides grid or list. */
  const widthObserver = new ResizeObserver((entries) => {
    const width = entries[0]?.contentRect.width ?? 0;
    if (width === 0) return;
    const next = width < NARROW_PX;
    if (next !== narrow) {
      narrow = next;
      draw();
    }
  });

  /** @param {number | null} column */
  function columnHead(column, view) {
    if (column === null) return [h('span', { class: 'col-name' }, t('board.notPlanned'))];
    const it = /** @type {BoardIteration} */ (view.iterations.find((i) => i.number === column));
    return [
      h('span', { class: 'col-name' }, t('deps.iteration', it.number)),
      it.isIp ? [' ', h('span', { class: 'tag tag-ip', title: t('board.ipIteration') }, t('board.ipMark'))] : null,
      it.isCurrent ? [' ', h('span', { class: 'tag tag-now' }, t('board.current'))] : null,
      h('br'),
      h('span', { class: 'secondary small' }, t('board.dates', dayShort(it.start), dayShort(it.end))),
    ];
  }

  /** @param {BoardCtx} ctx */
  function gridMode(ctx) {
    const { view, targets } = ctx;
    const captionId = uid('board');
    const head = h('thead', {}, h('tr', {},
      h('th', { scope: 'col', class: 'team-col' }, t('board.team')),
      targets.map((c) => {
        const it = view.iterations.find((i) => i.number === c);
        return h('th', { scope: 'col', class: `${c === null ? 'col-unplanned' : ''} ${it?.isCurrent ? 'col-current' : ''} ${it?.isIp ? 'col-ip' : ''}`.trim() || null }, columnHead(c, view));
      })));
    const milestoneRow = h('tr', { class: 'milestone-row' },
      h('th', { scope: 'row' }, t('board.milestones')),
      targets.map((c) => h('td', {}, milestones(view, c))));
    const rows = view.teams.map((team) => h('tr', {},
      h('th', { scope: 'row', class: 'team-col' }, teamHead(team)),
      targets.map((c) => {
        const key = cellKey(team.conversationId, c === null ? UNPLANNED : String(c));
        const cards = ctx.cells.get(key) ?? [];
        return h('td', { dataset: { cell: key, team: team.conversationId, column: c === null ? '' : String(c) }, class: c === null ? 'col-unplanned' : null },
          c === null ? null : loadLine(team, c),
          cards.length ? h('ul', { class: 'board-cards' }, cards.map((x) => card(x.feature, x.part, ctx))) : h('span', { class: 'visually-hidden' }, t('common.none')));
      })));
    const table = h('table', { class: 'program-board', 'aria-labelledby': captionId },
      h('caption', { id: captionId, class: 'visually-hidden' }, t('board.caption')), head, h('tbody', {}, milestoneRow, rows));
    const layer = stringLayer();
    const canvas = h('div', { class: 'board-canvas' }, table, layer);
    layer.classList.toggle('hidden', ui.mode !== 'lines');
    scroller = h('div', { class: 'board-scroll', role: 'region', 'aria-labelledby': captionId }, canvas);
    if (ui.mode === 'lines') lines = { canvas, layer: /** @type {SVGSVGElement} */ (/** @type {unknown} */ (layer)), strings: view.strings, numbers: ctx.numbers };
    return scroller;
  }

  /** @param {BoardCtx} ctx */
  function listMode(ctx) {
    const { view } = ctx;
    const order = [...ctx.targets.filter((c) => c !== null), null];
    return h('div', { class: 'board-list' }, order.map((c) => {
      const teams = view.teams.filter((tm) => (ctx.cells.get(cellKey(tm.conversationId, c === null ? UNPLANNED : String(c)))?.length ?? 0) > 0
        || (c !== null && mayPlan(tm.conversationId)));
      const ms = milestones(view, c);
      const headingId = uid('group');
      return h('section', { class: 'board-group', 'aria-labelledby': headingId },
        h('h3', { id: headingId }, columnHead(c, view)),
        ms,
        teams.length === 0 ? h('p', { class: 'secondary small' }, t('common.none')) : teams.map((team) => {
          const key = cellKey(team.conversationId, c === null ? UNPLANNED : String(c));
          const cards = ctx.cells.get(key) ?? [];
          return h('div', { class: 'board-team', dataset: { cell: key } },
            h('h4', {}, teamHead(team)),
            c === null ? null : loadLine(team, c),
            cards.length ? h('ul', { class: 'board-cards' }, cards.map((x) => card(x.feature, x.part, ctx))) : null);
        }));
    }));
  }

  /** @param {BoardTeam} team */
  function teamHead(team) {
    return [text(team.name), team.inArt ? null : [' ', h('span', { class: 'tag' }, t('board.leftArt'))]];
  }

  /**
   * @param {BoardView} view
   * @param {number | null} column
   */
  function milestones(view, column) {
    const list = view.milestones.filter((m) => (column === null ? m.iteration === null || !view.iterations.some((i) => i.number === m.iteration) : m.iteration === column));
    if (list.length === 0) return null;
    return h('ul', { class: 'milestones' }, list.map((m) => {
      const kind = MILESTONE_KINDS[stateKey(m.kind)] ?? MILESTONE_KINDS.event;
      return h('li', { class: `milestone milestone-${stateKey(m.kind)}` },
        h('span', { class: 'glyph', 'aria-hidden': 'true' }, kind.glyph), ' ',
        h('span', { class: 'milestone-kind' }, t(kind.key)), ' ',
        h('time', { datetime: m.date }, dayShort(m.date)), ' ',
        h('strong', {}, text(m.title)),
        model.server.can.keepBacklog ? h('button', {
          type: 'button', class: 'icon-button', 'aria-label': t('board.removeMilestone', m.title), title: t('board.removeMilestone', m.title),
          dataset: { focusKey: `ms:${m.id}` }, onClick: () => removeMilestone(m),
        }, '×') : null);
    }));
  }

  /**
   * @param {BoardTeam} team
   * @param {number} iteration
   */
  function loadLine(team, iteration) {
    const load = team.load.find((l) => l.iteration === iteration) ?? { iteration, capacity: null, load: 0, over: false };
    const over = load.over ? [' ', badge('bad', t('board.over'), '!')] : null;
    if (mayPlan(team.conversationId)) {
      const input = /** @type {HTMLInputElement} */ (h('input', {
        type: 'number', min: '0', step: '1', class: 'capacity', value: load.capacity ?? '',
        'aria-label': t('board.capacityLabel', team.name, iterationName(iteration)),
        dataset: { focusKey: `cap:${team.conversationId}|${iteration}` },
      }));
      input.addEventListener('change', () => saveCapacity(team, iteration, input));
      return h('p', { class: `load${load.over ? ' over' : ''}` }, tx('board.loadOf', load.load, input), over);
    }
    const words = load.capacity === null ? t('board.loadNoCapacity', load.load) : t('board.loadOfText', load.load, load.capacity);
    return h('p', { class: `load${load.over ? ' over' : ''}` }, words, over);
  }

  /**
   * @param {BoardFeature} feature
   * @param {BoardPart} part
   * @param {BoardCtx} ctx
   */
  function card(feature, part, ctx) {
    const key = cardKey(feature.id, part.team);
    const titleId = uid('card');
    const strings = ctx.byCard.get(key) ?? [];
    const conflict = strings.some((s) => stateKey(s.state) === 'conflict');
    const movable = mayPlan(part.team);
    const state = FEATURE_STATES[stateKey(feature.state)];
    const meta = [
      typeof feature.businessValue === 'number' ? h('span', {}, t('board.bv', formatNumber(feature.businessValue))) : null,
      typeof feature.wsjf === 'number' ? h('span', {}, t('board.wsjf', formatOneDecimal(feature.wsjf))) : null,
      typeof part.points === 'number' ? h('span', {}, tn(part.points, 'board.points')) : null,
      state ? badge(state.kind, t(state.key)) : badge('neutral', text(feature.state)),
      conflict ? badge('bad', t('board.string.conflict'), '✕') : null,
    ];
    const outside = typeof part.iteration === 'number' && !ctx.numbers.has(part.iteration) ? h('p', { class: 'secondary small' }, t('board.outsideIteration', part.iteration)) : null;
    const li = h('li', {
      class: `feature-card${conflict ? ' has-conflict' : ''}${marked === key ? ' marked' : ''}`,
      tabindex: '0',
      'aria-labelledby': titleId,
      draggable: movable ? 'true' : null,
      dataset: { card: key, focusKey: `card:${key}` },
    },
    h('div', { class: 'card-title', id: titleId }, text(feature.title), ctx.view.teams.length > 1 && feature.parts.length > 1 ? h('span', { class: 'visually-hidden' }, ` (${part.teamName})`) : null),
    h('p', { class: 'card-meta' }, meta),
    outside,
    feature.sourceUrl ? h('p', { class: 'card-link' }, h('a', { href: feature.sourceUrl, target: '_blank', rel: 'noopener noreferrer' },
      t('board.openInAdo', feature.sourceId ?? ''))) : null,
    strings.length ? stringsList(key, strings) : null,
    h('div', { class: 'card-actions' },
      movable ? moveMenu(feature, part, ctx) : null,
      h('button', {
        type: 'button', class: 'card-button', 'aria-label': t('board.historyLabel', feature.title), dataset: { focusKey: `history:${key}` },
        onClick: () => showHistory(feature, key),
      }, t('board.history'))));
    return li;
  }

  /**
   * The card's strings: a count ("2 ⇄", the crowded board's badge) that opens the list of them in words.
   * @param {string} key
   * @param {import('../api/board').BoardString[]} strings
   */
  function stringsList(key, strings) {
    const open = openLists.has(key);
    const listId = uid('strings');
    const worst = strings.find((s) => stateKey(s.state) === 'conflict') ?? strings[0];
    const summary = strings.map(stringSentence).join('\n');
    const button = h('button', {
      type: 'button', class: `string-count string-count-${stringStyle(worst.state).name}${ui.mode === 'counts' ? ' shown' : ''}`,
      'aria-expanded': open ? 'true' : 'false', 'aria-controls': listId, title: summary, dataset: { focusKey: `strings:${key}` },
      onClick: () => {
        if (openLists.has(key)) openLists.delete(key);
        else openLists.add(key);
        draw();
      },
    }, h('span', { 'aria-hidden': 'true' }, `${formatNumber(strings.length)} ⇄`), h('span', { class: 'visually-hidden' }, tn(strings.length, 'board.strings')));
    const list = h('ul', { id: listId, class: 'card-strings', hidden: !open },
      strings.map((s) => h('li', {}, stringBadge(s.state), ' ', stringSentence(s))));
    return h('div', { class: 'card-strings-box' }, button, list);
  }

  /**
   * @param {BoardFeature} feature
   * @param {BoardPart} part
   * @param {BoardCtx} ctx
   */
  function moveMenu(feature, part, ctx) {
    const key = cardKey(feature.id, part.team);
    const open = openMenu === key;
    const menuId = uid('move');
    const here = columnOf(part.iteration, ctx.numbers);
    const button = h('button', {
      type: 'button', class: 'card-button', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': menuId,
      'aria-label': t('board.moveLabel', feature.title, part.teamName), dataset: { focusKey: `move:${key}` },
      onClick: () => {
        openMenu = openMenu === key ? null : key;
        draw();
        if (openMenu) /** @type {HTMLElement | null} */ (root.querySelector(`[data-menu="${CSS.escape(key)}"] button`))?.focus();
      },
    }, t('board.move'), h('span', { 'aria-hidden': 'true' }, ' ▾'));
    // The menu's ids are new at each draw; the open one is found again by its card's key.
    const menu = h('ul', { id: menuId, class: 'move-menu', hidden: !open, dataset: { menu: key } },
      ctx.targets.filter((c) => (c === null ? UNPLANNED : String(c)) !== here).map((c) => h('li', {}, h('button', {
        type: 'button', dataset: { focusKey: `to:${key}:${c}` },
        onClick: () => {
          openMenu = null;
          move(feature.id, part.team, c);
        },
      }, t('board.moveTo', iterationName(c))))));
    return h('span', { class: 'move' }, button, menu);
  }

  // ---------- actions ----------

  /**
   * Moves a team's part of a feature, shown at once; a refused move (409) shows the other person's placement and why.
   * @param {string} featureId
   * @param {string} team
   * @param {number | null} to
   */
  async function move(featureId, team, to) {
    const feature = current().features.find((f) => f.id === featureId);
    const part = feature?.parts.find((p) => p.team === team);
    if (!feature || !part || part.iteration === to) return;
    const key = cardKey(featureId, team);
    /** @type {BoardMove} */
    const body = { featureId, team, from: part.iteration, to };
    marked = null;
    model.pending.set(key, body);
    say(t('board.moving', feature.title, iterationName(to)));
    const card = /** @type {HTMLElement | null} */ (root.querySelector(`[data-card="${CSS.escape(key)}"]`));
    const hadFocus = card !== null && root.contains(document.activeElement) && (document.activeElement === card || card.contains(document.activeElement));
    draw();
    if (hadFocus) focusCard(key);
    try {
      const saved = await (await env.api.send('POST', 'board/moves', { params: where(), body })).json();
      model.pending.delete(key);
      model.server = withFeature(model.server, saved);
      say(t('board.moved', feature.title, part.teamName, iterationName(to)));
    } catch (error) {
      model.pending.delete(key);
      const now = error?.problem?.current;
      if (error?.status === 409 && now) {
        model.server = withFeature(model.server, now);
        marked = key;
        const where = now.parts?.find((p) => p.team === team)?.iteration ?? null;
        fail(t('board.moveConflict', text(error.problem.detail, error.message), iterationName(where)));
      } else {
        fail(t('board.moveFailed', error?.message ?? ''));
      }
    }
    draw();
    poller.now();
  }

  /** @param {string} key */
  function focusCard(key) {
    /** @type {HTMLElement | null} */ (root.querySelector(`[data-card="${CSS.escape(key)}"]`))?.focus({ preventScroll: false });
  }

  /**
   * @param {BoardTeam} team
   * @param {number} iteration
   * @param {HTMLInputElement} input
   */
  async function saveCapacity(team, iteration, input) {
    const points = input.value === '' ? null : Math.max(0, Math.round(Number(input.value)));
    if (points !== null && !Number.isFinite(points)) return;
    try {
      const saved = await (await env.api.send('PUT', 'board/capacity', { params: where(), body: { team: team.conversationId, iteration, points } })).json();
      model.server = { ...model.server, teams: model.server.teams.map((tm) => (tm.conversationId === saved.conversationId ? saved : tm)) };
      say(points === null ? t('board.capacityCleared', team.name, iterationName(iteration)) : t('board.capacitySaved', team.name, iterationName(iteration), points));
    } catch (error) {
      fail(error.message);
    }
    draw();
    poller.now();
  }

  /** @param {import('../api/board').BoardMilestone} m */
  async function removeMilestone(m) {
    try {
      await env.api.send('DELETE', `board/milestones/${encodeURIComponent(m.id)}`, { params: where() });
      model.server = { ...model.server, milestones: model.server.milestones.filter((x) => x.id !== m.id) };
      say(t('board.milestoneRemoved', m.title));
      draw();
      poller.now();
    } catch (error) {
      fail(error.message);
    }
  }

  /**
   * @param {BoardFeature} feature
   * @param {string} key
   */
  async function showHistory(feature, key) {
    try {
      const history = await (await env.api.send('GET', `board/features/${encodeURIComponent(feature.id)}/history`, { params: where() })).json();
      openDialog(dialogs, t('board.historyTitle', feature.title), historyTable(history), () => root.querySelector(`[data-focus-key="${CSS.escape(`history:${key}`)}"]`));
    } catch (error) {
      fail(error.message);
    }
  }

  /** @type {import('./board-side.js').ConflictActions} */
  const conflictActions = {
    iterationName,
    async raiseRisk(c, button) {
      button.setAttribute('aria-disabled', 'true');
      try {
        const answer = await env.api.send('POST', `board/strings/${encodeURIComponent(c.dependencyId)}/risk`, { params: where() });
        const risk = await answer.json().catch(() => null);
        const riskId = typeof risk?.riskId === 'string' ? risk.riskId : typeof risk?.id === 'string' ? risk.id : 'raised';
        model.server = { ...model.server, conflicts: model.server.conflicts.map((x) => (x.dependencyId === c.dependencyId ? { ...x, riskId } : x)) };
        say(t('board.riskRaisedFor', c.text));
        draw();
        poller.now();
      } catch (error) {
        button.removeAttribute('aria-disabled');
        fail(error.message);
      }
    },
    async propose(c, iteration, button) {
      if (button.getAttribute('aria-disabled') === 'true') return;
      button.setAttribute('aria-disabled', 'true');
      try {
        await env.api.send('POST', `board/strings/${encodeURIComponent(c.dependencyId)}/proposal`, { params: where(), body: { iteration } });
        say(t('board.proposed', c.fromTeamName, iterationName(iteration)));
      } catch (error) {
        fail(error.message);
      } finally {
        button.removeAttribute('aria-disabled');
      }
    },
    open(c) {
      const s = model.server.strings.find((x) => x.dependencyId === c.dependencyId);
      const listed = (env.context?.views ?? []).some((v) => String(v).toLowerCase() === 'dependencies');
      const dialog = openDialog(dialogs, t('board.details', c.text), dependencyDetails(c, s, iterationName, listed),
        () => root.querySelector(`[data-focus-key="${CSS.escape(`open:${c.dependencyId}`)}"]`));
      // The link to the dependencies view closes the dialog first (the view replaces the board).
      dialog.querySelector('a[href="#dependencies"]')?.addEventListener('click', () => dialog.close());
    },
  };

  async function downloadPng() {
    try {
      const name = 'program-board.png';
      await exportPng(shown(), {
        art: text(env.context?.art?.name, ''),
        pi: model.server.pi ?? '',
        date: formatLongDate(new Date()),
        file: name,
      });
      say(t('board.pngDone', name));
    } catch (error) {
      console.error(error); // for developers; the page says it in words
      fail(t('board.pngFailed'));
    }
  }

  // ---------- keyboard and drag and drop ----------

  root.addEventListener('keydown', (e) => {
    const target = /** @type {HTMLElement} */ (e.target);
    if (e.key === 'Escape' && openMenu) {
      const key = openMenu;
      openMenu = null;
      draw();
      /** @type {HTMLElement | null} */ (root.querySelector(`[data-focus-key="${CSS.escape(`move:${key}`)}"]`))?.focus();
      e.preventDefault();
      return;
    }
    if (!e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    const key = target.dataset?.card;
    if (!key) return;
    const [featureId, team] = splitKey(key);
    if (!mayPlan(team)) return;
    const view = current();
    const part = view.features.find((f) => f.id === featureId)?.parts.find((p) => p.team === team);
    if (!part) return;
    const targets = moveTargets(view);
    const numbers = numbersOf(view);
    const at = targets.findIndex((c) => (c === null ? UNPLANNED : String(c)) === columnOf(part.iteration, numbers));
    const next = targets[at + (e.key === 'ArrowRight' ? 1 : -1)];
    e.preventDefault();
    if (next === undefined) return;
    move(featureId, team, next);
  });

  root.addEventListener('focusin', (e) => {
    const key = /** @type {HTMLElement} */ (e.target).dataset?.card;
    for (const g of root.querySelectorAll('g.string.lit')) g.classList.remove('lit');
    if (!key) return;
    for (const g of linesByCard.get(key) ?? []) g.classList.add('lit');
  });

  root.addEventListener('dragstart', (e) => {
    const key = /** @type {HTMLElement} */ (e.target).dataset?.card;
    if (!key || !e.dataTransfer) return;
    const [featureId, team] = splitKey(key);
    const feature = current().features.find((f) => f.id === featureId);
    const part = feature?.parts.find((p) => p.team === team);
    if (!feature || !part) return;
    dragging = { feature, part };
    e.dataTransfer.setData('text/plain', feature.title);
    e.dataTransfer.effectAllowed = 'move';
  });
  root.addEventListener('dragend', () => { dragging = null; });
  root.addEventListener('dragover', (e) => {
    const cell = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target).closest?.('td[data-cell]'));
    if (dragging && cell && cell.dataset.team === dragging.part.team) e.preventDefault();
  });
  root.addEventListener('drop', (e) => {
    const cell = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target).closest?.('td[data-cell]'));
    if (!dragging || !cell || cell.dataset.team !== dragging.part.team) return;
    e.preventDefault();
    const column = cell.dataset.column ? Number(cell.dataset.column) : null;
    const { feature, part } = dragging;
    dragging = null;
    move(feature.id, part.team, column);
  });

  // ---------- live ----------

  const poller = startPolling(async () => {
    if (!root.isConnected) {
      poller.stop();
      return;
    }
    let response;
    try {
      response = await env.api.send('GET', 'board', { params: where(), etag: model.etag });
    } catch {
      setStale(true);
      return;
    }
    setStale(false);
    if (response.status === 304) return;
    model.etag = response.headers.get('ETag');
    /** @type {BoardView} */
    let data;
    try {
      data = await response.json();
    } catch {
      return;
    }
    const json = JSON.stringify(data);
    if (json === model.json) return;
    model.server = data;
    model.json = json;
    buildToolbarIfTeamsChanged();
    buildPlan();
    draw();
  }, POLL_MS);

  let teamsSignature = model.server.teams.map((tm) => `${tm.conversationId}:${tm.name}`).join('|');
  function buildToolbarIfTeamsChanged() {
    const next = model.server.teams.map((tm) => `${tm.conversationId}:${tm.name}`).join('|');
    if (next === teamsSignature) return;
    teamsSignature = next;
    buildToolbar();
  }

  /** @param {boolean} value */
  function setStale(value) {
    if (value === stale) return;
    stale = value;
    staleNote.hidden = !value;
  }

  env.onLeave(() => {
    poller.stop();
    linesObserver.disconnect();
    widthObserver.disconnect();
  });

  buildToolbar();
  buildLegend();
  buildPlan();
  draw();
  widthObserver.observe(root);
  return { root };
}

/**
 * "feature|team" → [feature, team] (a feature id has no "|"; a team's conversation id may).
 * @param {string} key
 */
function splitKey(key) {
  const at = key.indexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
}
