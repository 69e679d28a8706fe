// Risks & impediments: the ROAM board, open impediments by age, and impediments per age bucket.
import { h, table, empty, section, text, days, uid, plural } from '../dom.js';
import { chartFigure } from '../charts.js';
import { ROAM_ORDER, roamLabel, severityBadge, owner, impedimentColumns } from './common.js';

const BUCKETS = [
  { label: '0–7 days', test: (d) => d <= 7 },
  { label: '8–14 days', test: (d) => d >= 8 && d <= 14 },
  { label: '15–30 days', test: (d) => d >= 15 && d <= 30 },
  { label: 'Over 30 days', test: (d) => d > 30 },
];

export function renderRisks(data, env) {
  const roam = Array.isArray(data.roam) ? data.roam : [];
  const impediments = Array.isArray(data.impediments) ? data.impediments : [];
  const teams = Array.isArray(data.teams) ? data.teams : [];
  const selected = env.params.team ?? '';
  // Keep the filter's choices from the unfiltered answer.
  if (!selected) env.state.teams = teams;
  const choices = env.state.teams ?? teams;

  const out = [];
  if (choices.length > 1 || selected) out.push(teamFilter(choices, selected, env));
  out.push(section(3, 'ROAM board', roamBoard(roam)));
  out.push(section(3, 'Open impediments by age',
    impediments.length === 0 ? empty(selected ? `No open impediments for ${selected}.` : 'No open impediments.') : [
      impedimentsTable(impediments),
      ageChart(impediments),
    ]));
  return out;
}

function teamFilter(teams, selected, env) {
  const id = uid('team');
  const select = h('select', {
    id,
    dataset: { focusKey: 'risks-team' },
    onChange: (e) => env.reload({ team: e.target.value || null }),
  },
  h('option', { value: '' }, 'All teams'),
  teams.map((t) => h('option', { value: t, selected: t === selected }, t)));
  return h('div', { class: 'filter' }, h('label', { for: id }, 'Team'), select);
}

function roamBoard(roam) {
  const byStatus = new Map();
  for (const column of roam) byStatus.set(roamLabel(column.status), Array.isArray(column.items) ? column.items : []);
  const statuses = [...ROAM_ORDER, ...[...byStatus.keys()].filter((s) => !ROAM_ORDER.includes(s))];
  return h('div', { class: 'roam' }, statuses.map((status) => {
    const items = byStatus.get(status) ?? [];
    return h('section', { class: `roam-col roam-${status.toLowerCase()}` },
      h('h4', {}, status, ' ', h('span', { class: 'count' }, `(${items.length})`)),
      items.length === 0 ? h('p', { class: 'empty small' }, 'None')
        : h('ul', { class: 'cards' }, items.map(riskCard)));
  }));
}

function riskCard(item) {
  return h('li', { class: 'card' },
    h('p', { class: 'card-title' }, text(item.title)),
    h('p', { class: 'card-meta' },
      h('span', {}, text(item.team)),
      h('span', {}, 'Owner: ', owner(item.owner)),
      h('span', {}, days(item.ageDays)),
      item.severity ? h('span', {}, severityBadge(item.severity)) : null));
}

function impedimentsTable(impediments) {
  return table({
    caption: 'Open impediments, oldest first',
    columns: impedimentColumns(text),
    rows: impediments,
  });
}

function ageChart(impediments) {
  const counts = BUCKETS.map((b) => impediments.filter((i) => typeof i.ageDays === 'number' && b.test(i.ageDays)).length);
  const label = `Bar chart: open impediments by age. ${BUCKETS.map((b, i) => `${b.label}: ${counts[i]}`).join('; ')}.`;
  const numbers = table({
    caption: 'Open impediments per age bucket',
    columns: [
      { label: 'Age', rowHeader: true, cell: (r) => r.label },
      { label: 'Open impediments', numeric: true, cell: (r) => String(r.count) },
    ],
    rows: BUCKETS.map((b, i) => ({ label: b.label, count: counts[i] })),
  });
  return h('div', { class: 'block' },
    h('h4', {}, 'Impediments per age bucket'),
    h('p', { class: 'secondary' }, `${plural(impediments.length, 'open impediment')}.`),
    chartFigure({
      label,
      numbers,
      build: (colors) => ({
        type: 'bar',
        data: {
          labels: BUCKETS.map((b) => b.label),
          datasets: [{
            label: 'Open impediments',
            data: counts,
            backgroundColor: counts.map((_, i) => colors.seriesColor(i === 3 ? 3 : 0)),
            borderColor: colors.text,
            borderWidth: 1,
          }],
        },
        options: {
          scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Impediments' } } },
          plugins: { legend: { display: false } },
        },
      }),
    }));
}
