// Improvements: Inspect & Adapt items by status per PI, and the items themselves.
import { h, table, empty, section, text, piName, DASH } from '../dom.js';
import { chartFigure } from '../charts.js';
import { t, formatNumber } from '../i18n/index.js';
import { IMPROVEMENT_STATUS, improvementKey, improvementLabel, improvementBadge, owner } from './common.js';
/** @typedef {import('../api/views').Schemas} Schemas */

/**
 * @param {Schemas['ImprovementsView']} data
 */
export function renderImprovements(data) {
  const items = Array.isArray(data.items) ? data.items : [];
  return [
    section(3, t('improvements.byStatus'), statusChart(data.byStatus)),
    section(3, t('improvements.items'),
      items.length === 0 ? empty(t('improvements.none')) : itemsTable(items)),
  ];
}

/**
 * @param {Schemas['RoomSeries']} byStatus
 */
function statusChart(byStatus) {
  const pis = (byStatus?.pis ?? []).map((p) => piName(p) ?? DASH);
  // A series names its status in `name` (README, "ART room API").
  const series = (byStatus?.series ?? [])
    .filter((s) => Array.isArray(s?.values))
    .map((s) => ({ ...s, status: s.name ?? '' }));
  const total = series.reduce((sum, s) => sum + s.values.map((v) => Number(v) || 0).reduce((a, v) => a + v, 0), 0);
  if (pis.length === 0 || total === 0) return empty(t('improvements.noneInAnyPi'));

  const perPi = pis.map((p, i) => t('common.labelValue', p, series
    .filter((s) => Number(s.values[i]) > 0)
    .map((s) => t('common.labelValue', improvementLabel(s.status), Number(s.values[i])))
    .join(', ') || t('common.noneLower')));
  const label = t('improvements.chartLabel', perPi.join('. '));

  const numbers = table({
    caption: t('improvements.numbersCaption'),
    columns: [
      { label: t('column.status'), rowHeader: true, cell: (s) => improvementLabel(s.status) },
      ...pis.map((p, i) => ({ label: p, numeric: true, cell: (s) => formatNumber(Number(s.values[i]) || 0) })),
    ],
    rows: series,
  });

  return chartFigure({
    label,
    numbers,
    build: (colors) => {
      const css = getComputedStyle(document.documentElement);
      return {
        type: 'bar',
        data: {
          labels: pis,
          datasets: series.map((s, i) => {
            const known = IMPROVEMENT_STATUS[improvementKey(s.status)];
            const color = (known && css.getPropertyValue(known.color).trim()) || colors.seriesColor(i);
            return {
              label: improvementLabel(s.status),
              data: s.values.map((v) => Number(v) || 0),
              backgroundColor: color,
              borderColor: colors.surface,
              borderWidth: 1,
            };
          }),
        },
        options: {
          scales: {
            x: { stacked: true },
            y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('improvements.axisItems') } },
          },
          plugins: { legend: { position: 'bottom', labels: { usePointStyle: false } } },
        },
      };
    },
  });
}

/**
 * @param {Schemas['RoomImprovement'][]} items
 */
function itemsTable(items) {
  return table({
    caption: t('improvements.itemsCaption'),
    columns: [
      { label: t('column.item'), rowHeader: true, cell: (i) => text(i.title), className: 'wide' },
      { label: t('column.status'), cell: (i) => improvementBadge(i.status) },
      { label: t('column.owner'), cell: (i) => owner(i.owner) },
      { label: t('column.targetPi'), cell: (i) => text(piName(i.targetPi)) },
      { label: t('column.carriedFrom'), cell: (i) => text(piName(i.carriedFromPi)) },
    ],
    rows: items,
  });
}
