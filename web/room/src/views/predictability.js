// Predictability: actual / planned business value per team and for the ART, against the 80–100% band.
import { h, table, empty, section, text, percent, piName, piTitle, DASH } from '../dom.js';
import { chartFigure, targetBand, alpha } from '../charts.js';

export function renderPredictability(data, env) {
  const pis = (Array.isArray(data.pis) ? data.pis : []).map((p) => ({ ...p, name: piName(p.pi) ?? DASH }));
  const band = {
    low: typeof data.band?.low === 'number' ? data.band.low : 80,
    high: typeof data.band?.high === 'number' ? data.band.high : 100,
  };
  const anyValue = pis.some((p) => typeof p.art?.percent === 'number' || (p.teams ?? []).some((t) => typeof t.percent === 'number'));
  if (pis.length === 0 || !anyValue) {
    return [empty('No predictability yet: it appears once Business Owners have valued the PI objectives (planned and actual business value).')];
  }
  const artName = env.context?.art?.name ?? 'ART';
  const latest = pis[pis.length - 1];
  return [
    h('p', { class: 'secondary' },
      `Predictability is the actual business value of the PI objectives divided by the planned value. The target band is ${band.low}–${band.high}%.`),
    section(3, `Teams and the ART in ${piTitle(latest.name)}`, latestChart(latest, band, artName)),
    section(3, `${artName} over the PIs`, artChart(pis, band, artName)),
    section(3, 'All teams and PIs', teamTable(pis, artName)),
  ];
}

function bandOptions(band, colors) {
  return { low: band.low, high: band.high, fill: colors.bandFill, line: colors.bandLine, labelColor: colors.text, labelBackground: colors.surface, label: `Target ${band.low}–${band.high}%` };
}

function yMax(values, band) {
  const max = Math.max(band.high, ...values.filter((v) => typeof v === 'number'));
  return Math.ceil((max + 10) / 20) * 20;
}

function value(entry) {
  return typeof entry?.percent === 'number' ? Math.round(entry.percent) : null;
}

function bv(entry) {
  if (entry?.planned === undefined || entry?.planned === null) return '';
  return `${text(entry.actual, '0')} of ${text(entry.planned)}`;
}

function where(v, band) {
  if (v === null) return 'no data';
  if (v < band.low) return 'below the band';
  if (v > band.high) return 'above the band';
  return 'in the band';
}

function latestChart(latest, band, artName) {
  const rows = [
    { label: `${artName} (ART)`, entry: latest.art, art: true },
    ...(latest.teams ?? []).map((t) => ({ label: text(t.team), entry: t, art: false })),
  ];
  const values = rows.map((r) => value(r.entry));
  const teamRows = rows.filter((r) => !r.art);
  const count = (test) => teamRows.filter((r) => test(value(r.entry))).length;
  const below = teamRows.filter((r) => value(r.entry) !== null && value(r.entry) < band.low)
    .map((r) => `${r.label} ${value(r.entry)}%`);
  const label = [
    `Bar chart: predictability in ${latest.name} per team and for the ART, target band ${band.low}–${band.high}%.`,
    `${artName}: ${values[0] === null ? 'no data' : `${values[0]}%`}.`,
    `Teams in the band: ${count((v) => v !== null && v >= band.low && v <= band.high)}; above: ${count((v) => v !== null && v > band.high)}; below: ${below.length}${below.length ? ` (${below.join(', ')})` : ''}; no data: ${count((v) => v === null)}.`,
  ].join(' ');

  const numbers = table({
    caption: `Predictability in ${latest.name} (actual of planned business value)`,
    columns: [
      { label: 'Team', rowHeader: true, cell: (r) => r.label },
      { label: 'Predictability', numeric: true, cell: (r) => percent(r.entry?.percent) ?? DASH },
      { label: 'Actual value', numeric: true, cell: (r) => text(r.entry?.actual) },
      { label: 'Planned value', numeric: true, cell: (r) => text(r.entry?.planned) },
      { label: 'Against the band', cell: (r) => where(value(r.entry), band) },
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
          label: 'Predictability (%)',
          data: values,
          backgroundColor: rows.map((r) => (r.art ? colors.art : colors.seriesColor(0))),
          borderColor: rows.map((r) => (r.art ? colors.art : colors.seriesColor(0))),
          borderWidth: 1,
        }],
      },
      options: {
        scales: {
          y: { min: 0, max: yMax(values, band), ticks: { callback: (v) => `${v}%` }, title: { display: true, text: 'Predictability' } },
          x: { ticks: { autoSkip: false, maxRotation: 60 } },
        },
        plugins: {
          legend: { display: false },
          targetBand: bandOptions(band, colors),
          tooltip: { callbacks: { label: (c) => (c.raw === null ? 'No data' : `${c.raw}%`) } },
        },
      },
      plugins: [targetBand],
    }),
  });
}

function artChart(pis, band, artName) {
  const values = pis.map((p) => value(p.art));
  if (values.every((v) => v === null)) return empty(`No predictability for ${artName} yet.`);
  const label = `Line chart: ${artName} predictability over the PIs, target band ${band.low}–${band.high}%. ${
    pis.map((p, i) => `${p.name}: ${values[i] === null ? 'no data' : `${values[i]}%`}`).join('; ')}.`;
  const numbers = table({
    caption: `${artName} predictability per PI`,
    columns: [
      { label: 'PI', rowHeader: true, cell: (p) => p.name },
      { label: 'Predictability', numeric: true, cell: (p) => percent(p.art?.percent) ?? DASH },
      { label: 'Actual value', numeric: true, cell: (p) => text(p.art?.actual) },
      { label: 'Planned value', numeric: true, cell: (p) => text(p.art?.planned) },
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
          label: `${artName} predictability (%)`,
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
          y: { min: 0, max: yMax(values, band), ticks: { callback: (v) => `${v}%` }, title: { display: true, text: 'Predictability' } },
        },
        plugins: {
          legend: { display: false },
          targetBand: bandOptions(band, colors),
          tooltip: { callbacks: { label: (c) => (c.raw === null ? 'No data' : `${c.raw}%`) } },
        },
      },
      plugins: [targetBand],
    }),
  });
}

function teamTable(pis, artName) {
  const names = [];
  for (const p of [...pis].reverse()) {
    for (const t of p.teams ?? []) if (t.team && !names.includes(t.team)) names.push(t.team);
  }
  const rows = [{ label: `${artName} (ART)`, of: (p) => p.art }, ...names.map((n) => ({ label: n, of: (p) => (p.teams ?? []).find((t) => t.team === n) }))];
  return table({
    caption: 'Predictability per team and PI (actual of planned business value)',
    columns: [
      { label: 'Team', rowHeader: true, cell: (r) => r.label },
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
