// Beside the board: the conflicts to act on (each string someone must act on, in words, with its actions), and the
// dialogs (a dependency's details, a feature's history). Nothing here depends on seeing colour.
import { h, text, uid, DASH } from '../dom.js';
import { t, tn, locale } from '../i18n/index.js';
import { badge } from './common.js';
import { stringStyle } from './board-model.js';
/** @typedef {import('../api/board').BoardView} BoardView */
/** @typedef {import('../api/board').BoardConflict} BoardConflict */
/** @typedef {import('../api/board').BoardString} BoardString */
/** @typedef {import('../api/board').BoardHistory} BoardHistory */

/**
 * @typedef {{
 *   iterationName: (n: number | null) => string,
 *   raiseRisk: (c: BoardConflict, button: HTMLButtonElement) => void,
 *   propose: (c: BoardConflict, iteration: number, button: HTMLButtonElement) => void,
 *   open: (c: BoardConflict) => void,
 * }} ConflictActions
 */

/** A string state as a badge: glyph, words, colour. */
export function stringBadge(state) {
  const style = stringStyle(state);
  return badge(style.kind, t(style.key), style.glyph);
}

/**
 * The conflicts list: one row per string to act on.
 * @param {BoardView} view
 * @param {ConflictActions} actions
 */
export function conflictsSection(view, actions) {
  const headingId = uid('conflicts');
  const list = view.conflicts.length === 0
    ? h('p', { class: 'empty small' }, t('board.noConflicts'))
    : h('ol', { class: 'conflicts' }, view.conflicts.map((c) => conflictRow(c, actions)));
  return h('section', { class: 'board-conflicts', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, t('board.conflicts'), ' ', h('span', { class: 'count' }, tn(view.conflicts.length, 'board.conflictsCount'))),
    list);
}

/**
 * @param {BoardConflict} c
 * @param {ConflictActions} actions
 */
function conflictRow(c, actions) {
  const id = c.dependencyId;
  const committed = typeof c.committed === 'number' ? t('board.committedFor', actions.iterationName(c.committed)) : t('board.notCommitted');
  const risk = c.riskId
    ? h('span', { class: 'done-note', tabindex: '-1', dataset: { focusKey: `risk:${id}` } }, h('span', { class: 'glyph', 'aria-hidden': 'true' }, '✓'), ' ', t('board.riskRaised'))
    : h('button', {
      type: 'button', class: 'button small-button', dataset: { focusKey: `risk:${id}` },
      'aria-label': t('board.raiseRiskFor', c.text),
      onClick: (e) => actions.raiseRisk(c, /** @type {HTMLButtonElement} */ (e.currentTarget)),
    }, t('board.raiseRisk'));
  let propose = null;
  if (c.proposeIterations.length > 0) {
    const selectId = uid('propose');
    const select = h('select', { id: selectId, dataset: { focusKey: `proposeTo:${id}` } },
      c.proposeIterations.map((n) => h('option', { value: String(n) }, actions.iterationName(n))));
    propose = h('span', { class: 'propose' },
      h('label', { for: selectId, class: 'visually-hidden' }, t('board.proposeLabel', c.text)),
      select,
      h('button', {
        type: 'button', class: 'button small-button', dataset: { focusKey: `propose:${id}` },
        onClick: (e) => actions.propose(c, Number(/** @type {HTMLSelectElement} */ (select).value), /** @type {HTMLButtonElement} */ (e.currentTarget)),
      }, t('board.propose')));
  }
  return h('li', { class: `conflict conflict-${stringStyle(c.state).name}` },
    h('p', { class: 'conflict-words' }, stringBadge(c.state), ' ', h('strong', {}, text(c.words))),
    h('p', { class: 'conflict-text' }, text(c.text)),
    h('p', { class: 'secondary small' },
      t('board.conflictTeams', text(c.toTeamName), text(c.fromTeamName)), ' · ',
      t('board.neededIn', actions.iterationName(c.needed)), ' · ', committed),
    h('div', { class: 'conflict-actions' }, risk, propose,
      h('button', {
        type: 'button', class: 'button small-button', dataset: { focusKey: `open:${id}` },
        'aria-label': t('board.openLabel', c.text), onClick: () => actions.open(c),
      }, t('board.open'))));
}

/**
 * A modal dialog; closing it (its button, Escape) removes it and gives focus back to what focusBack() finds.
 * @param {HTMLElement} host
 * @param {string} title
 * @param {any} body
 * @param {() => HTMLElement | null} focusBack
 */
export function openDialog(host, title, body, focusBack) {
  const titleId = uid('dialog');
  const dialog = /** @type {HTMLDialogElement} */ (h('dialog', { class: 'board-dialog', 'aria-labelledby': titleId }));
  const close = h('button', { type: 'button', class: 'button', onClick: () => dialog.close() }, t('board.close'));
  dialog.append(h('h3', { id: titleId }, title), h('div', { class: 'dialog-body' }, body), h('div', { class: 'dialog-actions' }, close));
  dialog.addEventListener('close', () => {
    dialog.remove();
    focusBack()?.focus();
  });
  host.append(dialog);
  dialog.showModal();
  return dialog;
}

/**
 * What the details dialog of a dependency shows.
 * @param {BoardConflict} c
 * @param {BoardString | undefined} s
 * @param {(n: number | null) => string} iterationName
 * @param {boolean} listed whether the dependencies view is there to link to
 */
export function dependencyDetails(c, s, iterationName, listed) {
  const row = (label, value) => [h('dt', {}, label), h('dd', {}, value)];
  return [
    h('dl', { class: 'details' },
      row(t('column.status'), [stringBadge(c.state), ' ', text(c.words)]),
      row(t('deps.neededByTeam'), text(c.toTeamName)),
      row(t('deps.providedByTeam'), text(c.fromTeamName)),
      row(t('deps.neededIn'), iterationName(c.needed)),
      row(t('deps.committedFor'), typeof c.committed === 'number' ? iterationName(c.committed) : t('deps.notCommitted')),
      s?.fromFeature || s?.toFeature ? row(t('board.features'), [s.fromFeature, s.toFeature].filter(Boolean).join(' → ')) : null),
    listed ? h('p', {}, h('a', { href: '#dependencies' }, t('board.showInList'))) : null,
  ];
}

/**
 * A feature's history as a table, newest first.
 * @param {BoardHistory} history
 */
export function historyTable(history) {
  const changes = [...history.changes].sort((a, b) => String(b.at).localeCompare(String(a.at)));
  if (changes.length === 0) return h('p', { class: 'empty small' }, t('board.historyNone'));
  const when = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' });
  const at = (value) => {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? text(value) : h('time', { datetime: String(value) }, when.format(d));
  };
  return h('div', { class: 'table-scroll' }, h('table', { class: 'data' },
    h('caption', { class: 'visually-hidden' }, t('board.historyCaption')),
    h('thead', {}, h('tr', {}, [t('board.when'), t('board.who'), t('board.what'), t('board.from'), t('board.to')].map((l) => h('th', { scope: 'col' }, l)))),
    h('tbody', {}, changes.map((c) => h('tr', {},
      h('td', {}, at(c.at)), h('td', {}, text(c.by)), h('td', {}, text(c.field)), h('td', {}, text(c.from, DASH)), h('td', {}, text(c.to, DASH)))))));
}
