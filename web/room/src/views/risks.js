// Risks & impediments: the ROAM board, open impediments by age, and impediments per age bucket.
import { h, table, empty, section, text, days, uid } from '../dom.js';
import { chartFigure } from '../charts.js';
import { t, tn, formatNumber } from '../i18n/index.js';
import { ROAM_ORDER, roamKey, roamLabel, severityBadge, owner, impedimentColumns } from './common.js';
/** @typedef {import('../api/views').Schemas} Schemas */

const BUCKETS = [
  { label: () => t('risks.bucketRange', 0, 7), test: (d) => d <= 7 },
  { label: () => t('risks.bucketRange', 8, 14), test: (d) => d >= 8 && d <= 14 },
  { label: () => t('risks.bucketRange', 15, 30), test: (d) => d >= 15 && d <= 30 },
  { label: () => t('risks.bucketOver', 30), test: (d) => d > 30 },
];

/**
 * @param {Schemas['RisksView']} data
 * @param {import('./common.js').ViewEnv} env
 */
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
  out.push(section(3, t('risks.roamBoard'), roamBoard(roam)));
  out.push(section(3, t('risks.openByAge'),
    impediments.length === 0 ? empty(selected ? t('risks.noneForTeam', selected) : t('risks.none')) : [
      impedimentsTable(impediments),
      ageChart(impediments),
    ]));
  return out;
}

/**
 * @param {string[]} teams
 * @param {string} selected
 * @param {import('./common.js').ViewEnv} env
 */
function teamFilter(teams, selected, env) {
  const id = uid('team');
  const select = h('select', {
    id,
    dataset: { focusKey: 'risks-team' },
    onChange: (e) => env.reload({ team: e.target.value || null }),
  },
  h('option', { value: '' }, t('risks.allTeams')),
  teams.map((team) => h('option', { value: team, selected: team === selected }, team)));
  return h('div', { class: 'filter' }, h('label', { for: id }, t('column.team')), select);
}

/**
 * @param {Schemas['RoamColumn'][]} roam
 */
function roamBoard(roam) {
  const byStatus = new Map();
  for (const column of roam) byStatus.set(roamKey(column.status), Array.isArray(column.items) ? column.items : []);
  const statuses = [...ROAM_ORDER, ...[...byStatus.keys()].filter((s) => !ROAM_ORDER.includes(s))];
  return h('div', { class: 'roam' }, statuses.map((status) => {
    const items = byStatus.get(status) ?? [];
    return h('section', { class: `roam-col roam-${status.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` },
      h('h4', {}, roamLabel(status), ' ', h('span', { class: 'count' }, t('risks.count', items.length))),
      items.length === 0 ? h('p', { class: 'empty small' }, t('common.none'))
        : h('ul', { class: 'cards' }, items.map(riskCard)));
  }));
}

/**
 * @param {Schemas['RoomImpediment']} item
 */
function riskCard(item) {
  return h('li', { class: 'card' },
    h('p', { class: 'card-title' }, text(item.title)),
    h('p', { class: 'card-meta' },
      h('span', {}, text(item.team)),
      h('span', {}, t('risks.cardOwner', owner(item.owner))),
      h('span', {}, days(item.ageDays)),
      item.severity ? h('span', {}, severityBadge(item.severity)) : null));
}

/**
 * @param {Schemas['RoomImpediment'][]} impediments
 */
function impedimentsTable(impediments) {
  return table({
    caption: t('risks.openOldestFirst'),
    columns: impedimentColumns(text),
    rows: impediments,
  });
}

/**
 * @param {Schemas['RoomImpediment'][]} impediments
 */
function ageChart(impediments) {
  const counts = BUCKETS.map((b) => impediments.filter((i) => typeof i.ageDays === 'number' && b.test(i.ageDays)).length);
  const labels = BUCKETS.map((b) => b.label());
  const label = t('risks.ageChartLabel', labels.map((l, i) => t('common.labelValue', l, counts[i])).join('; '));
  const numbers = table({
    caption: t('risks.perBucketCaption'),
    columns: [
      { label: t('column.age'), rowHeader: true, cell: (r) => r.label },
      { label: t('risks.openImpediments'), numeric: true, cell: (r) => formatNumber(r.count) },
    ],
    rows: labels.map((l, i) => ({ label: l, count: counts[i] })),
  });
  return h('div', { class: 'block' },
    h('h4', {}, t('risks.perBucket')),
    h('p', { class: 'secondary' }, tn(impediments.length, 'risks.openCount')),
    chartFigure({
      label,
      numbers,
      build: (colors) => ({
        type: 'bar',
        data: {
          labels,
          datasets: [{
            label: t('risks.openImpediments'),
            data: counts,
            backgroundColor: counts.map((_, i) => colors.seriesColor(i === 3 ? 3 : 0)),
            borderColor: colors.text,
            borderWidth: 1,
          }],
        },
        options: {
          scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('risks.axisImpediments') } } },
          plugins: { legend: { display: false } },
        },
      }),
    }));
}
