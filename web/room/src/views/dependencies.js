// Dependencies: the program board (providing team × iteration) and the plain list.
import { h, table, empty, section, text, time, DASH } from '../dom.js';
import { t, tn } from '../i18n/index.js';
import { dependencyBadge } from './common.js';
/** @typedef {import('../api/views').Schemas} Schemas */

/**
 * The iteration a dependency should arrive in: the committed one, else the one it is needed by.
 * @param {Schemas['RoomDependency']} d
 */
export function dueIteration(d) {
  return typeof d.committed === 'number' ? d.committed : d.neededBy;
}

/**
 * @param {Schemas['RoomIteration'] | null | undefined} it
 */
export function iterationLabel(it) {
  if (!it) return DASH;
  return it.isIp ? t('deps.ipIteration', it.number) : t('deps.iteration', it.number);
}

/**
 * @param {Schemas['DependenciesView']} data
 */
export function renderDependencies(data) {
  const iterations = Array.isArray(data.iterations) ? data.iterations : [];
  const items = Array.isArray(data.items) ? data.items : [];
  if (items.length === 0) return [empty(t('deps.none'))];

  const teams = [...(Array.isArray(data.teams) ? data.teams : [])];
  for (const d of items) if (d.to && !teams.includes(d.to)) teams.push(d.to);
  const numbers = new Set(iterations.map((i) => i.number));
  const unscheduled = items.some((d) => !numbers.has(dueIteration(d)));
  const atRisk = items.filter((d) => String(d.status).toLowerCase() === 'at risk').length;

  return [
    h('p', { class: 'secondary' },
      `${tn(items.length, 'deps.summary', atRisk)} ${t('deps.explain')}`),
    section(3, t('deps.board'), board(teams, iterations, items, unscheduled)),
    section(3, t('deps.all'), list(items, iterations)),
  ];
}

/**
 * @param {string[]} teams
 * @param {Schemas['RoomIteration'][]} iterations
 * @param {Schemas['RoomDependency'][]} items
 * @param {boolean} unscheduled
 */
function board(teams, iterations, items, unscheduled) {
  const columns = [
    { label: t('deps.providingTeam'), rowHeader: true, cell: (team) => team },
    ...iterations.map((it) => ({
      label: h('span', {}, iterationLabel(it), h('br'), h('span', { class: 'secondary small' }, time(it.start))),
      cell: (team) => cell(items.filter((d) => d.to === team && dueIteration(d) === it.number)),
    })),
  ];
  if (unscheduled) {
    const known = new Set(iterations.map((i) => i.number));
    columns.push({ label: t('deps.other'), cell: (team) => cell(items.filter((d) => d.to === team && !known.has(dueIteration(d)))) });
  }
  return table({ caption: t('deps.boardCaption'), className: 'grid board', columns, rows: teams });
}

/**
 * @param {Schemas['RoomDependency'][]} deps
 */
function cell(deps) {
  if (deps.length === 0) return h('span', { class: 'visually-hidden' }, t('common.none'));
  return h('ul', { class: 'deps' }, deps.map((d) => h('li', {
    class: String(d.status).toLowerCase() === 'at risk' ? 'dep at-risk' : 'dep',
  }, h('strong', {}, t('deps.needs', text(d.from))), ' ', text(d.text), ' · ', dependencyBadge(d.status))));
}

/**
 * @param {Schemas['RoomDependency'][]} items
 * @param {Schemas['RoomIteration'][]} [iterations]
 */
export function list(items, iterations = []) {
  const byNumber = new Map(iterations.map((i) => [i.number, i]));
  const iter = (n) => (typeof n === 'number' ? (byNumber.has(n) ? iterationLabel(byNumber.get(n)) : t('deps.iteration', n)) : DASH);
  const sorted = [...items].sort((a, b) => (dueIteration(a) ?? 99) - (dueIteration(b) ?? 99));
  return table({
    caption: t('deps.listCaption'),
    columns: [
      { label: t('column.dependency'), rowHeader: true, cell: (d) => text(d.text), className: 'wide' },
      { label: t('deps.neededByTeam'), cell: (d) => text(d.from) },
      { label: t('deps.providedByTeam'), cell: (d) => text(d.to) },
      { label: t('deps.neededIn'), cell: (d) => iter(d.neededBy) },
      { label: t('deps.committedFor'), cell: (d) => (typeof d.committed === 'number' ? iter(d.committed) : t('deps.notCommitted')) },
      { label: t('column.status'), cell: (d) => dependencyBadge(d.status) },
      { label: t('deps.why'), cell: (d) => text(d.why) },
    ],
    rows: sorted,
  });
}
