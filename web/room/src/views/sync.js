// ART sync: which teams checked in each week, and how they see their PI objectives.
import { h, table, empty, section, text, time, dayLong } from '../dom.js';
import { t } from '../i18n/index.js';
import { SYNC_STATUS, syncBadge } from './common.js';
/** @typedef {import('../api/views').Schemas} Schemas */

const ANSWERED = new Set(['onTrack', 'atRisk', 'offTrack']);

/**
 * @param {Schemas['SyncView']} data
 */
export function renderSync(data) {
  const weeks = Array.isArray(data.weeks) ? data.weeks : [];
  const rows = Array.isArray(data.rows) ? data.rows : [];
  if (weeks.length === 0) return [empty(t('sync.noDates'))];
  if (rows.length === 0) return [empty(t('sync.noTeams'))];

  const footer = h('tfoot', {}, h('tr', {},
    h('th', { scope: 'row' }, t('sync.answered')),
    weeks.map((_, w) => {
      const cells = rows.map((r) => r.cells?.[w]);
      if (cells.every((c) => c === 'upcoming')) return h('td', { class: 'num' }, t('sync.upcoming'));
      const expected = cells.filter((c) => c !== 'skipped' && c !== 'upcoming').length;
      const answered = cells.filter((c) => ANSWERED.has(c)).length;
      return h('td', { class: 'num' }, t('sync.answeredOf', answered, expected));
    })));

  const grid = table({
    caption: t('sync.caption'),
    className: 'grid sync-grid',
    columns: [
      { label: t('column.team'), rowHeader: true, cell: (r) => text(r.team) },
      ...weeks.map((w, i) => ({
        label: h('span', {}, h('span', { class: 'visually-hidden' }, `${t('sync.weekOf')} `), time(w)),
        cell: (r) => syncBadge(r.cells?.[i]),
      })),
    ],
    rows,
    footer,
  });

  return [
    section(3, t('sync.heading', dayLong(weeks[0]), dayLong(weeks[weeks.length - 1])),
      legend(),
      grid),
  ];
}

function legend() {
  return h('ul', { class: 'legend', 'aria-label': t('sync.statuses') },
    Object.keys(SYNC_STATUS).map((key) => h('li', {}, syncBadge(key))));
}
