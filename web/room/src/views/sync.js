// ART sync: which teams checked in each week, and how they see their PI objectives.
import { h, table, empty, section, text, time, dayLong } from '../dom.js';
import { SYNC_STATUS, syncBadge } from './common.js';

const ANSWERED = new Set(['onTrack', 'atRisk', 'offTrack']);

export function renderSync(data) {
  const weeks = Array.isArray(data.weeks) ? data.weeks : [];
  const rows = Array.isArray(data.rows) ? data.rows : [];
  if (weeks.length === 0) return [empty('No ART sync dates in this PI yet.')];
  if (rows.length === 0) return [empty('No teams check in to this ART sync yet.')];

  const footer = h('tfoot', {}, h('tr', {},
    h('th', { scope: 'row' }, 'Answered'),
    weeks.map((_, w) => {
      const cells = rows.map((r) => r.cells?.[w]);
      if (cells.every((c) => c === 'upcoming')) return h('td', { class: 'num' }, 'Upcoming');
      const expected = cells.filter((c) => c !== 'skipped' && c !== 'upcoming').length;
      const answered = cells.filter((c) => ANSWERED.has(c)).length;
      return h('td', { class: 'num' }, `${answered} of ${expected}`);
    })));

  const grid = table({
    caption: 'Check-ins per team and ART sync week (columns: the week of each ART sync)',
    className: 'grid sync-grid',
    columns: [
      { label: 'Team', rowHeader: true, cell: (r) => text(r.team) },
      ...weeks.map((w, i) => ({
        label: h('span', {}, h('span', { class: 'visually-hidden' }, 'Week of '), time(w)),
        cell: (r) => syncBadge(r.cells?.[i]),
      })),
    ],
    rows,
    footer,
  });

  return [
    section(3, `Weekly check-ins, ${dayLong(weeks[0])} to ${dayLong(weeks[weeks.length - 1])}`,
      legend(),
      grid),
  ];
}

function legend() {
  return h('ul', { class: 'legend', 'aria-label': 'Statuses' },
    Object.keys(SYNC_STATUS).map((key) => h('li', {}, syncBadge(key))));
}
