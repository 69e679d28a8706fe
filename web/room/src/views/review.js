// The I&A quantitative review: each measure over the last PIs, for the ART (with the spread across the teams, no team
// named) or, in a team's channel, the team next to the ART. Trends of the system, not a ranking of teams.
import { h, table, empty, section, text, percent, fixed1, days, DASH } from '../dom.js';
import { chartFigure, alpha, DASHES } from '../charts.js';
import { t, formatNumber } from '../i18n/index.js';
/** @typedef {import('../api/views').Schemas} Schemas */

/** The measures the page knows, by the API's key: their name, and what they count. */
const MEASURES = {
  predictability: { key: 'review.measure.predictability', about: { key: 'review.about.predictability' } },
  demoAcceptance: { key: 'review.measure.demoAcceptance', about: { key: 'review.about.demoAcceptance' } },
  demoNotShown: { key: 'review.measure.demoNotShown', about: { key: 'review.about.demoNotShown' } },
  problemsFound: { key: 'review.measure.problemsFound', about: { key: 'review.about.problemsFound' } },
  problemsRepaired: { key: 'review.measure.problemsRepaired', about: { key: 'review.about.problemsRepaired' } },
  impedimentOpenMedianDays: { key: 'review.measure.impedimentOpenMedianDays', about: { key: 'review.about.impedimentOpenMedianDays' } },
  impedimentOldestDays: { key: 'review.measure.impedimentOldestDays', about: { key: 'review.about.impedimentOldestDays' } },
  impedimentResolveMedianDays: { key: 'review.measure.impedimentResolveMedianDays', about: { key: 'review.about.impedimentResolveMedianDays' } },
  improvementsDone: { key: 'review.measure.improvementsDone', about: { key: 'review.about.improvementsDone' } },
  satisfaction: { key: 'review.measure.satisfaction', about: { key: 'review.about.satisfaction' } },
};

/**
 * @param {Schemas['ReviewView']} data
 * @param {import('./common.js').ViewEnv} env
 */
export function renderReview(data, env) {
  const pis = Array.isArray(data.pis) ? data.pis : [];
  const measures = (Array.isArray(data.measures) ? data.measures : []).filter((m) => m.key in MEASURES);
  if (pis.length === 0 || measures.length === 0) {
    return [empty(t('review.none'))];
  }
  const artName = env.context?.art?.name ?? 'ART';
  const team = data.scope === 'team' ? (env.context?.team?.name ?? DASH) : null;
  return [
    h('p', { class: 'secondary' }, team === null ? t('review.explainArt') : t('review.explainTeam', team)),
    ...measures.map((m) => section(3, name(m), ...measureBlock(m, pis, artName, team))),
  ];
}

/** @param {Schemas['RoomMeasure']} m */
function name(m) {
  return t(MEASURES[/** @type {keyof typeof MEASURES} */ (m.key)].key);
}

/** @param {Schemas['RoomMeasure']} m */
function about(m) {
  return t(MEASURES[/** @type {keyof typeof MEASURES} */ (m.key)].about.key);
}

/**
 * A value in the measure's unit ("90%", "3", "12 days", "3.8 of 5"), or "no data".
 * @param {Schemas['RoomMeasure']} m
 * @param {number | null | undefined} v
 */
function value(m, v) {
  if (typeof v !== 'number') return t('review.noData');
  switch (m.unit) {
    case 'percent': return percent(v) ?? DASH;
    case 'days': return days(v);
    case 'score': return t('review.score', fixed1(v) ?? DASH);
    default: return formatNumber(Math.round(v * 10) / 10) ?? DASH;
  }
}

/**
 * "90%, up from 85%" for the latest PI (the team's in a team's channel).
 * @param {Schemas['RoomMeasure']} m
 * @param {boolean} ofTeam
 */
function trendText(m, ofTeam) {
  const points = m.points ?? [];
  const last = points[points.length - 1];
  const before = points.length > 1 ? points[points.length - 2] : null;
  const pick = (p) => (p ? (ofTeam ? p.team : p.art) : null);
  const now = value(m, pick(last));
  switch (m.trend) {
    case 'up': return t('review.trendUp', now, value(m, pick(before)));
    case 'down': return t('review.trendDown', now, value(m, pick(before)));
    case 'same': return t('review.trendSame', now);
    default: return now;
  }
}

/**
 * The measure's lines, chart and numbers.
 * @param {Schemas['RoomMeasure']} m
 * @param {string[]} pis
 * @param {string} artName
 * @param {string | null} team
 */
function measureBlock(m, pis, artName, team) {
  const points = m.points ?? [];
  const ofTeam = team !== null && m.teamFigures;
  const lines = [h('p', { class: 'secondary' }, about(m))];
  if (ofTeam) lines.push(h('p', {}, t('review.lineTeam', team, trendText(m, true))));
  lines.push(h('p', {}, t('review.lineArt', artName, trendText(m, false))));
  const latest = points[points.length - 1];
  if (team === null && m.teamFigures) {
    const s = latest?.spread;
    lines.push(h('p', {}, s && typeof s.median === 'number'
      ? t('review.spread', value(m, s.lowest), value(m, s.median), value(m, s.highest), formatNumber(s.teams) ?? text(s.teams))
      : t('review.spreadNone')));
  }
  const any = points.some((p) => typeof p.art === 'number' || typeof p.team === 'number' || typeof p.spread?.median === 'number');
  if (!any) return [...lines, empty(t('review.noDataYet'))];
  return [...lines, chart(m, pis, artName, team, ofTeam)];
}

/**
 * A line chart over the PIs: the ART, and the team (a team's channel) or the lowest, median and highest team (the ART's).
 * @param {Schemas['RoomMeasure']} m
 * @param {string[]} pis
 * @param {string} artName
 * @param {string | null} team
 * @param {boolean} ofTeam
 */
function chart(m, pis, artName, team, ofTeam) {
  const points = m.points ?? [];
  const at = (pi) => points.find((p) => p.pi === pi);
  const series = [{ label: t('common.artSeries', artName), values: pis.map((pi) => at(pi)?.art ?? null), art: true }];
  if (ofTeam) series.push({ label: text(team), values: pis.map((pi) => at(pi)?.team ?? null), art: false });
  if (team === null && m.teamFigures) {
    series.push({ label: t('review.lowest'), values: pis.map((pi) => at(pi)?.spread?.lowest ?? null), art: false });
    series.push({ label: t('review.median'), values: pis.map((pi) => at(pi)?.spread?.median ?? null), art: false });
    series.push({ label: t('review.highest'), values: pis.map((pi) => at(pi)?.spread?.highest ?? null), art: false });
  }
  const label = t('review.chartLabel', name(m),
    series.map((s) => t('common.labelValue', s.label, pis.map((pi, i) => t('common.labelValue', pi, value(m, s.values[i]))).join(', '))).join('; '));
  const columns = [
    { label: 'PI', rowHeader: true, cell: (/** @type {string} */ pi) => pi },
    ...series.map((s) => ({ label: s.label, numeric: true, cell: (/** @type {string} */ pi) => value(m, s.values[pis.indexOf(pi)]) })),
    { label: t('review.sample'), numeric: true, cell: (/** @type {string} */ pi) => formatNumber(ofTeam ? at(pi)?.teamSample : at(pi)?.artSample) ?? DASH },
  ];
  const numbers = table({ caption: t('review.caption', name(m)), columns, rows: pis });
  return chartFigure({
    label,
    numbers,
    build: (colors) => ({
      type: 'line',
      data: {
        labels: pis,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values,
          borderColor: s.art ? colors.art : colors.seriesColor(i - 1),
          backgroundColor: s.art ? alpha(colors.art, 1) : colors.seriesColor(i - 1),
          borderWidth: s.art ? 3 : 2,
          borderDash: s.art ? [] : DASHES[i % DASHES.length],
          pointRadius: s.art ? 5 : 4,
          spanGaps: false,
        })),
      },
      options: {
        scales: {
          y: {
            beginAtZero: true,
            ...(m.unit === 'score' ? { min: 1, max: 5 } : {}),
            ticks: { callback: (v) => (m.unit === 'percent' ? percent(v) : formatNumber(v)) },
            title: { display: true, text: name(m) },
          },
        },
        plugins: {
          legend: { display: series.length > 1 },
          tooltip: { callbacks: { label: (c) => t('common.labelValue', c.dataset.label, value(m, /** @type {number | null} */ (c.raw))) } },
        },
      },
    }),
  });
}
