// PI overview: this PI's confidence votes and average confidence per team over the PIs.
import { h, table, empty, section, text, fixed1, piName, piTitle, DASH } from '../dom.js';
import { chartFigure, POINT_STYLES, DASHES } from '../charts.js';
import { t, formatNumber } from '../i18n/index.js';
import { outcomeBadge } from './common.js';
/** @typedef {import('../api/views').Schemas} Schemas */

/**
 * @param {Schemas['OverviewView']} data
 * @param {import('./common.js').ViewEnv} env
 */
export function renderOverview(data, env) {
  const pi = piName(data.pi);
  const votes = Array.isArray(data.votes) ? data.votes : [];
  return [
    section(3, pi ? t('overview.votesIn', piTitle(pi)) : t('overview.votes'),
      !pi && votes.length === 0 ? empty(t('overview.noPi'))
        : votes.length === 0 ? empty(t('overview.noVotes'))
          : votesTable(votes, pi, env.context?.art?.name)),
    section(3, t('overview.confidenceOverPis'), confidenceChart(data.confidence, env)),
  ];
}

/**
 * @param {Schemas['RoomVote']} vote
 */
function average(vote) {
  const avg = fixed1(vote.average);
  if (avg !== null) return avg;
  return vote.closed ? DASH : h('span', { class: 'secondary' }, t('overview.hiddenUntilClosed'));
}

/**
 * @param {Schemas['RoomVote'][]} votes
 * @param {string | null} pi
 * @param {string | undefined} artName
 */
function votesTable(votes, pi, artName) {
  return table({
    caption: pi ? t('overview.votesCaptionIn', piTitle(pi)) : t('overview.votesCaption'),
    captionHidden: true,
    columns: [
      {
        label: t('column.team'),
        rowHeader: true,
        cell: (v) => (v.scope === 'art' ? [text(v.team ?? artName, 'ART'), ' ', h('span', { class: 'tag' }, t('overview.artVote'))] : text(v.team)),
      },
      { label: t('overview.question'), cell: (v) => text(v.question), className: 'wide' },
      { label: t('overview.round'), numeric: true, cell: (v) => formatNumber(v.round) ?? text(v.round) },
      { label: t('overview.voteCount'), numeric: true, cell: (v) => formatNumber(v.count) ?? text(v.count, formatNumber(0)) },
      { label: t('overview.average'), numeric: true, cell: average },
      { label: t('overview.outcome'), cell: (v) => outcomeBadge(v.outcome) },
    ],
    rows: votes,
  });
}

/**
 * @param {Schemas['RoomSeries']} confidence
 * @param {import('./common.js').ViewEnv} env
 */
function confidenceChart(confidence, env) {
  const pis = (confidence?.pis ?? []).map((p) => piName(p) ?? DASH);
  // A series names its team in `name` (README, "ART room API").
  const series = (confidence?.series ?? [])
    .filter((s) => Array.isArray(s?.values))
    .map((s) => ({ ...s, team: s.name ?? '' }));
  const hasValues = series.some((s) => s.values.some((v) => typeof v === 'number'));
  if (pis.length === 0 || !hasValues) return empty(t('overview.noneClosed'));

  const artName = env.context?.art?.name ?? null;
  const isArt = (s) => artName !== null && s.team === artName;
  // The ART's own series first, then the teams as the API ordered them.
  const ordered = [...series.filter(isArt), ...series.filter((s) => !isArt(s))];

  const last = pis.length - 1;
  const latest = ordered
    .map((s) => ({ team: s.team, value: s.values[last] }))
    .filter(/** @returns {x is { team: string, value: number }} */ (x) => typeof x.value === 'number');
  const parts = [t('overview.chartLabel', ordered.length, pis.length, pis[0], pis[last])];
  const art = latest.find((x) => x.team === artName);
  if (art) parts.push(t('overview.chartLabelArt', artName, pis[last], fixed1(art.value)));
  const teams = latest.filter((x) => x.team !== artName).sort((a, b) => b.value - a.value);
  if (teams.length > 0) {
    const high = teams[0];
    const low = teams[teams.length - 1];
    parts.push(t('overview.chartLabelTeams', pis[last], high.team, fixed1(high.value), low.team, fixed1(low.value)));
  }

  const numbers = table({
    caption: t('overview.numbersCaption'),
    columns: [
      { label: t('column.team'), rowHeader: true, cell: (s) => isArt(s) ? t('common.artSeries', s.team) : text(s.team) },
      ...pis.map((p, i) => ({ label: p, numeric: true, cell: (s) => fixed1(s.values[i]) ?? DASH })),
    ],
    rows: ordered,
  });

  return chartFigure({
    label: parts.join(' '),
    tall: ordered.length > 6,
    numbers,
    build: (colors) => ({
      type: 'line',
      data: {
        labels: pis,
        datasets: ordered.map((s, i) => {
          const color = isArt(s) ? colors.art : colors.seriesColor(artName ? i - 1 : i);
          return {
            label: isArt(s) ? t('common.artSeries', s.team) : s.team,
            data: s.values.map((v) => (typeof v === 'number' ? v : null)),
            borderColor: color,
            backgroundColor: color,
            borderWidth: isArt(s) ? 4 : 2,
            borderDash: isArt(s) ? [] : DASHES[i % DASHES.length],
            pointStyle: isArt(s) ? 'circle' : POINT_STYLES[i % POINT_STYLES.length],
            pointRadius: isArt(s) ? 5 : 4,
            spanGaps: false,
          };
        }),
      },
      options: {
        scales: {
          y: { min: 1, max: 5, ticks: { stepSize: 1 }, title: { display: true, text: t('overview.axisAverage') } },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    }),
  });
}
