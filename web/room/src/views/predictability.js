// Predictability: actual / planned business value per team and for the ART, against the 80–100% band.
import { h, table, empty, section, text, percent, piName, piTitle, DASH } from '../dom.js';
import { chartFigure, targetBand, alpha } from '../charts.js';
import { t, formatNumber } from '../i18n/index.js';
/** @typedef {import('../api/views').Schemas} Schemas */
/** @typedef {Schemas['RoomPiFigure'] & { name: string }} PiRow A PI's figures, with its name to show. */

/**
 * @param {Schemas['PredictabilityView']} data
 * @param {import('./common.js').ViewEnv} env
 */
export function renderPredictability(data, env) {
  const pis = (Array.isArray(data.pis) ? data.pis : []).map((p) => ({ ...p, name: piName(p.pi) ?? DASH }));
  const band = {
    low: typeof data.band?.low === 'number' ? data.band.low : 80,
    high: typeof data.band?.high === 'number' ? data.band.high : 100,
  };
  const anyValue = pis.some((p) => typeof p.art?.percent === 'number' || (p.teams ?? []).some((t) => typeof t.percent === 'number'));
  if (pis.length === 0 || !anyValue) {
    return [empty(t('predictability.none'))];
  }
  const artName = env.context?.art?.name ?? 'ART';
  const latest = pis[pis.length - 1];
  return [
    h('p', { class: 'secondary' },
      t('predictability.explain', bandText(band))),
    section(3, t('predictability.latest', piTitle(latest.name)), latestChart(latest, band, artName)),
    section(3, t('predictability.artOverPis', artName), artChart(pis, band, artName)),
    section(3, t('predictability.allTeams'), teamTable(pis, artName)),
  ];
}

/**
 * @param {Schemas['RoomBand']} band
 * @param {any} colors
 */
function bandOptions(band, colors) {
  return { low: band.low, high: band.high, fill: colors.bandFill, line: colors.bandLine, labelColor: colors.text, labelBackground: colors.surface, label: t('predictability.target', bandText(band)) };
}

/**
 * "80–100%" / "80–100 %".
 * @param {Schemas['RoomBand']} band
 */
function bandText(band) {
  return t('predictability.band', formatNumber(band.low), percent(band.high));
}

/**
 * @param {(number | null)[]} values
 * @param {Schemas['RoomBand']} band
 */
function yMax(values, band) {
  const max = Math.max(band.high, ...values.filter((v) => typeof v === 'number'));
  return Math.ceil((max + 10) / 20) * 20;
}

/**
 * @param {Schemas['RoomFigure'] | null | undefined} entry
 */
function value(entry) {
  return typeof entry?.percent === 'number' ? Math.round(entry.percent) : null;
}

/**
 * @param {Schemas['RoomFigure'] | null | undefined} entry
 */
function bv(entry) {
  if (entry?.planned === undefined || entry?.planned === null) return '';
  return t('predictability.actualOfPlanned', text(formatNumber(entry.actual), formatNumber(0)), text(formatNumber(entry.planned) ?? entry.planned));
}

/**
 * @param {number | null} v
 * @param {Schemas['RoomBand']} band
 */
function where(v, band) {
  if (v === null) return t('predictability.noData');
  if (v < band.low) return t('predictability.below');
  if (v > band.high) return t('predictability.above');
  return t('predictability.inBand');
}

/**
 * @param {PiRow} latest
 * @param {Schemas['RoomBand']} band
 * @param {string} artName
 */
function latestChart(latest, band, artName) {
  const rows = [
    { label: t('common.artSeries', artName), entry: latest.art, art: true },
    ...(latest.teams ?? []).map((t) => ({ label: text(t.team), entry: t, art: false })),
  ];
  const values = rows.map((r) => value(r.entry));
  const teamRows = rows.filter((r) => !r.art);
  const count = (test) => teamRows.filter((r) => test(value(r.entry))).length;
  const below = teamRows.filter((r) => (value(r.entry) ?? band.low) < band.low)
    .map((r) => `${r.label} ${percent(value(r.entry))}`);
  const label = [
    t('predictability.latestChartLabel', latest.name, bandText(band)),
    t('predictability.latestChartArt', artName, values[0] === null ? t('predictability.noData') : percent(values[0])),
    t('predictability.latestChartTeams',
      count((v) => v !== null && v >= band.low && v <= band.high),
      count((v) => v !== null && v > band.high),
      below.length ? `${formatNumber(below.length)} (${below.join(', ')})` : formatNumber(0),
      count((v) => v === null)),
  ].join(' ');

  const numbers = table({
    caption: t('predictability.latestCaption', latest.name),
    columns: [
      { label: t('column.team'), rowHeader: true, cell: (r) => r.label },
      { label: t('predictability.predictability'), numeric: true, cell: (r) => percent(r.entry?.percent) ?? DASH },
      { label: t('predictability.actual'), numeric: true, cell: (r) => formatNumber(r.entry?.actual) ?? text(r.entry?.actual) },
      { label: t('predictability.planned'), numeric: true, cell: (r) => formatNumber(r.entry?.planned) ?? text(r.entry?.planned) },
      { label: t('predictability.againstBand'), cell: (r) => where(value(r.entry), band) },
    ],
    rows,
  });

  return chartFigure({
    label,
    numbers,
    tall: rows.length > 8,
    build: (colors) => ({
      type: 'bar',
      data: {
        labels: rows.map((r) => r.label),
        datasets: [{
          label: t('predictability.datasetPercent'),
          data: values,
          backgroundColor: rows.map((r) => (r.art ? colors.art : colors.seriesColor(0))),
          borderColor: rows.map((r) => (r.art ? colors.art : colors.seriesColor(0))),
          borderWidth: 1,
        }],
      },
      options: {
        scales: {
          y: { min: 0, max: yMax(values, band), ticks: { callback: (v) => percent(v) }, title: { display: true, text: t('predictability.predictability') } },
          x: { ticks: { autoSkip: false, maxRotation: 60 } },
        },
        plugins: {
          legend: { display: false },
          targetBand: bandOptions(band, colors),
          tooltip: { callbacks: { label: (c) => (c.raw === null ? t('predictability.noDataTitle') : percent(c.raw)) } },
        },
      },
      plugins: [targetBand],
    }),
  });
}

/**
 * @param {PiRow[]} pis
 * @param {Schemas['RoomBand']} band
 * @param {string} artName
 */
function artChart(pis, band, artName) {
  const values = pis.map((p) => value(p.art));
  if (values.every((v) => v === null)) return empty(t('predictability.noneForArt', artName));
  const label = t('predictability.artChartLabel', artName, bandText(band),
    pis.map((p, i) => t('common.labelValue', p.name, values[i] === null ? t('predictability.noData') : percent(values[i]))).join('; '));
  const numbers = table({
    caption: t('predictability.artCaption', artName),
    columns: [
      { label: 'PI', rowHeader: true, cell: (p) => p.name },
      { label: t('predictability.predictability'), numeric: true, cell: (p) => percent(p.art?.percent) ?? DASH },
      { label: t('predictability.actual'), numeric: true, cell: (p) => formatNumber(p.art?.actual) ?? text(p.art?.actual) },
      { label: t('predictability.planned'), numeric: true, cell: (p) => formatNumber(p.art?.planned) ?? text(p.art?.planned) },
    ],
    rows: pis,
  });
  return chartFigure({
    label,
    numbers,
    build: (colors) => ({
      type: 'line',
      data: {
        labels: pis.map((p) => p.name),
        datasets: [{
          label: t('predictability.artDataset', artName),
          data: values,
          borderColor: colors.art,
          backgroundColor: alpha(colors.art, 1),
          borderWidth: 3,
          pointRadius: 5,
          spanGaps: false,
        }],
      },
      options: {
        scales: {
          y: { min: 0, max: yMax(values, band), ticks: { callback: (v) => percent(v) }, title: { display: true, text: t('predictability.predictability') } },
        },
        plugins: {
          legend: { display: false },
          targetBand: bandOptions(band, colors),
          tooltip: { callbacks: { label: (c) => (c.raw === null ? t('predictability.noDataTitle') : percent(c.raw)) } },
        },
      },
      plugins: [targetBand],
    }),
  });
}

/**
 * @param {PiRow[]} pis
 * @param {string} artName
 */
function teamTable(pis, artName) {
  const names = [];
  for (const p of [...pis].reverse()) {
    for (const t of p.teams ?? []) if (t.team && !names.includes(t.team)) names.push(t.team);
  }
  const rows = [{ label: t('common.artSeries', artName), of: (p) => p.art }, ...names.map((n) => ({ label: n, of: (p) => (p.teams ?? []).find((t) => t.team === n) }))];
  return table({
    caption: t('predictability.teamCaption'),
    columns: [
      { label: t('column.team'), rowHeader: true, cell: (r) => r.label },
      ...pis.map((p) => ({
        label: p.name,
        numeric: true,
        cell: (r) => {
          const e = r.of(p);
          const pct = percent(e?.percent);
          if (pct === null) return DASH;
          return [h('span', { class: 'pct' }, pct), bv(e) ? h('span', { class: 'bv' }, ` (${bv(e)})`) : null];
        },
      })),
    ],
    rows,
  });
}
