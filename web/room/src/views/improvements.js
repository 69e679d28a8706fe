// Improvements: Inspect & Adapt items by status per PI, and the items themselves.
import { h, table, empty, section, text, piName, DASH } from '../dom.js';
import { chartFigure } from '../charts.js';
import { IMPROVEMENT_STATUS, improvementKey, improvementLabel, improvementBadge, owner } from './common.js';

export function renderImprovements(data) {
  const items = Array.isArray(data.items) ? data.items : [];
  return [
    section(3, 'Items by status per PI', statusChart(data.byStatus)),
    section(3, 'Improvement items',
      items.length === 0 ? empty('No improvement items yet. They come from the Inspect & Adapt workshop.') : itemsTable(items)),
  ];
}

function statusChart(byStatus) {
  const pis = (byStatus?.pis ?? []).map((p) => piName(p) ?? DASH);
  // A series names its status in `name` (README, "ART room API"); `status` is read too.
  const series = (byStatus?.series ?? [])
    .filter((s) => Array.isArray(s?.values))
    .map((s) => ({ ...s, status: s.status ?? s.name ?? '' }));
  const total = series.reduce((sum, s) => sum + s.values.reduce((a, v) => a + (Number(v) || 0), 0), 0);
  if (pis.length === 0 || total === 0) return empty('No improvement items in any PI yet.');

  const perPi = pis.map((p, i) => `${p}: ${series
    .filter((s) => Number(s.values[i]) > 0)
    .map((s) => `${Number(s.values[i])} ${improvementLabel(s.status).toLowerCase()}`)
    .join(', ') || 'none'}`);
  const label = `Stacked bar chart: improvement items by status per PI. ${perPi.join('. ')}.`;

  const numbers = table({
    caption: 'Improvement items by status and PI',
    columns: [
      { label: 'Status', rowHeader: true, cell: (s) => improvementLabel(s.status) },
      ...pis.map((p, i) => ({ label: p, numeric: true, cell: (s) => String(Number(s.values[i]) || 0) })),
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
            y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Items' } },
          },
          plugins: { legend: { position: 'bottom', labels: { usePointStyle: false } } },
        },
      };
    },
  });
}

function itemsTable(items) {
  return table({
    caption: 'Improvement items with status, owner and PIs',
    columns: [
      { label: 'Item', rowHeader: true, cell: (i) => text(i.title), className: 'wide' },
      { label: 'Status', cell: (i) => improvementBadge(i.status) },
      { label: 'Owner', cell: (i) => owner(i.owner) },
      { label: 'Target PI', cell: (i) => text(piName(i.targetPi)) },
      { label: 'Carried from', cell: (i) => text(piName(i.carriedFromPi)) },
    ],
    rows: items,
  });
}
