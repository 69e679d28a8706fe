// The System Demos of a PI: per iteration, what the teams showed, everyone's feedback on it and the integration problems
// found. In a team's channel the team's own part. The CSV has a row per feedback and per problem.
import { h, table, empty, section, text, dayLong, uid, DASH } from '../dom.js';
import { t, formatNumber } from '../i18n/index.js';
import { badge } from './common.js';
/** @typedef {import('../api/views').Schemas} Schemas */

/** The API's verdicts: their words and badge. */
const VERDICTS = {
  accepted: { key: 'demos.verdict.accepted', kind: 'good', glyph: '✓' },
  needsWork: { key: 'demos.verdict.needsWork', kind: 'warn', glyph: '!' },
  notShown: { key: 'demos.verdict.notShown', kind: 'muted', glyph: '–' },
};

/** The API's problem statuses: their words and badge. */
const STATUSES = {
  open: { key: 'demos.status.open', kind: 'bad', glyph: '✕' },
  planned: { key: 'demos.status.planned', kind: 'warn', glyph: '…' },
  repaired: { key: 'demos.status.repaired', kind: 'good', glyph: '✓' },
};

/** The API's item kinds: what the team picked the item from. */
const KINDS = {
  feature: { key: 'demos.kind.feature' },
  objective: { key: 'demos.kind.objective' },
  text: { key: 'demos.kind.text' },
};

/**
 * @param {Schemas['DemosView']} data
 * @param {import('./common.js').ViewEnv} env
 */
export function renderDemos(data, env) {
  const pis = Array.isArray(data.pis) ? data.pis : [];
  const demos = Array.isArray(data.demos) ? data.demos : [];
  const team = env.context?.team?.name ?? null;
  const out = [h('p', { class: 'secondary' }, team === null ? t('demos.explainArt') : t('demos.explainTeam', team))];
  const choices = data.pi && !pis.includes(data.pi) ? [...pis, data.pi] : pis;
  if (choices.length > 1) out.push(piFilter(choices, data.pi ?? '', env));
  if (demos.length === 0) return [...out, empty(t('demos.none'))];
  // The latest demo first: the one people come for during and after it (the API and the CSV go oldest first).
  return [...out, ...[...demos].reverse().map((d) => demoBlock(d, team !== null))];
}

/**
 * @param {string[]} pis
 * @param {string} selected
 * @param {import('./common.js').ViewEnv} env
 */
function piFilter(pis, selected, env) {
  const id = uid('pi');
  const select = h('select', { id, dataset: { focusKey: 'demos-pi' }, onChange: (e) => env.reload({ pi: e.target.value || null }) },
    pis.map((pi) => h('option', { value: pi, selected: pi === selected }, pi)));
  return h('div', { class: 'filter' }, h('label', { for: id }, t('demos.piLabel')), select);
}

/**
 * One iteration's demo: when, the items with their feedback, who had nothing to show, the integration problems.
 * @param {Schemas['RoomDemo']} demo
 * @param {boolean} ofTeam
 */
function demoBlock(demo, ofTeam) {
  const title = t('demos.heading', formatNumber(demo.iteration) ?? text(demo.iteration), dayLong(demo.date), text(demo.time));
  if (demo.skipped) return section(3, title, h('p', {}, badge('neutral', t('demos.skipped'), '–')));
  const items = demo.items ?? [];
  const problems = demo.problems ?? [];
  const nothing = demo.nothingToShow ?? [];
  return section(3, title,
    items.length === 0 ? empty(ofTeam ? t('demos.noItemsTeam') : t('demos.noItems')) : itemsTable(demo, items),
    nothing.length > 0 ? h('p', { class: 'secondary' }, t('demos.nothingToShow', nothing.join(', '))) : null,
    section(4, t('demos.problems'), problems.length === 0 ? empty(t('demos.problemsNone')) : problemsTable(demo, problems)));
}

/**
 * @param {Schemas['RoomDemo']} demo
 * @param {Schemas['RoomDemoItem'][]} items
 */
function itemsTable(demo, items) {
  return table({
    caption: t('demos.itemsCaption', formatNumber(demo.iteration) ?? text(demo.iteration)),
    columns: [
      { label: t('column.team'), cell: (i) => text(i.team) },
      { label: t('column.item'), rowHeader: true, cell: (i) => [text(i.title), kindOf(i.kind)] },
      { label: t('demos.presenter'), cell: (i) => text(i.presenter) },
      { label: t('demos.verdict.accepted'), numeric: true, cell: (i) => formatNumber(i.accepted) ?? DASH },
      { label: t('demos.verdict.needsWork'), numeric: true, cell: (i) => formatNumber(i.needsWork) ?? DASH },
      { label: t('demos.verdict.notShown'), numeric: true, cell: (i) => formatNumber(i.notShown) ?? DASH },
      { label: t('demos.feedback'), cell: (i) => feedbackList(i.feedback ?? []) },
    ],
    rows: items,
  });
}

/** @param {string} kind */
function kindOf(kind) {
  const known = KINDS[/** @type {keyof typeof KINDS} */ (kind)];
  return known && kind !== 'text' ? h('span', { class: 'secondary' }, ' · ', t(known.key)) : null;
}

/** @param {Schemas['RoomDemoFeedback'][]} feedback */
function feedbackList(feedback) {
  if (feedback.length === 0) return h('span', { class: 'secondary' }, t('demos.noFeedback'));
  return h('ul', { class: 'plain' }, feedback.map((f) => {
    const verdict = VERDICTS[/** @type {keyof typeof VERDICTS} */ (f.verdict)];
    return h('li', {},
      verdict ? badge(verdict.kind, t(verdict.key), verdict.glyph) : text(f.verdict), ' ',
      f.comment ? t('demos.feedbackComment', text(f.by), f.comment) : text(f.by));
  }));
}

/**
 * @param {Schemas['RoomDemo']} demo
 * @param {Schemas['RoomIntegrationProblem'][]} problems
 */
function problemsTable(demo, problems) {
  return table({
    caption: t('demos.problemsCaption', formatNumber(demo.iteration) ?? text(demo.iteration)),
    columns: [
      { label: t('demos.whatFailed'), rowHeader: true, cell: (p) => text(p.whatFailed) },
      { label: t('column.team'), cell: (p) => (p.team ? text(p.team) : t('demos.wholeDemo')) },
      { label: t('column.item'), cell: (p) => text(p.item) },
      { label: t('column.status'), cell: (p) => status(p.status) },
      { label: t('demos.rootCause'), cell: (p) => text(p.rootCause) },
      { label: t('demos.repairOwner'), cell: (p) => text(p.owner) },
      { label: t('demos.due'), cell: (p) => (typeof p.dueIteration === 'number' ? t('demos.dueIn', text(p.duePi), formatNumber(p.dueIteration) ?? DASH) : DASH) },
    ],
    rows: problems,
  });
}

/** @param {string} value */
function status(value) {
  const known = STATUSES[/** @type {keyof typeof STATUSES} */ (value)];
  return known ? badge(known.kind, t(known.key), known.glyph) : text(value);
}
