// PI overview: this PI's confidence votes and average confidence per team over the PIs.
import { h, table, empty, section, text, fixed1, piName, piTitle, DASH } from '../dom.js';
import { chartFigure, POINT_STYLES, DASHES } from '../charts.js';
import { outcomeBadge } from './common.js';

export function renderOverview(data, env) {
  const pi = piName(data.pi);
  const votes = Array.isArray(data.votes) ? data.votes : [];
  return [
    section(3, pi ? `Confidence votes in ${piTitle(pi)}` : 'Confidence votes',
      !pi && votes.length === 0 ? empty('No PI is running for this ART yet.')
        : votes.length === 0 ? empty('No votes in this PI yet.')
          : votesTable(votes, pi, env.context?.art?.name)),
    section(3, 'Confidence over the PIs', confidenceChart(data.confidence, env)),
  ];
}

function average(vote) {
  const avg = fixed1(vote.average);
  if (avg !== null) return avg;
  return vote.closed ? DASH : h('span', { class: 'secondary' }, 'Hidden until closed');
}

function votesTable(votes, pi, artName) {
  return table({
    caption: `Confidence votes${pi ? ` in ${piTitle(pi)}` : ''} (fist of five, 1 to 5)`,
    captionHidden: true,
    columns: [
      {
        label: 'Team',
        rowHeader: true,
        cell: (v) => (v.scope === 'art' ? [text(v.team ?? artName, 'ART'), ' ', h('span', { class: 'tag' }, 'ART vote')] : text(v.team)),
      },
      { label: 'Question', cell: (v) => text(v.question), className: 'wide' },
      { label: 'Round', numeric: true, cell: (v) => text(v.round) },
      { label: 'Votes', numeric: true, cell: (v) => text(v.count, '0') },
      { label: 'Average', numeric: true, cell: average },
      { label: 'Outcome', cell: (v) => outcomeBadge(v.outcome) },
    ],
    rows: votes,
  });
}

function confidenceChart(confidence, env) {
  const pis = (confidence?.pis ?? []).map((p) => piName(p) ?? DASH);
  // A series names its team in `name` (README, "ART room API"); `team` is read too.
  const series = (confidence?.series ?? [])
    .filter((s) => Array.isArray(s?.values))
    .map((s) => ({ ...s, team: s.team ?? s.name ?? '' }));
  const hasValues = series.some((s) => s.values.some((v) => typeof v === 'number'));
  if (pis.length === 0 || !hasValues) return empty('No confidence votes have closed yet.');

  const artName = env.context?.art?.name ?? null;
  const isArt = (s) => artName !== null && s.team === artName;
  // The ART's own series first, then the teams as the API ordered them.
  const ordered = [...series.filter(isArt), ...series.filter((s) => !isArt(s))];

  const last = pis.length - 1;
  const latest = ordered
    .map((s) => ({ team: s.team, value: s.values[last] }))
    .filter((x) => typeof x.value === 'number');
  const parts = [`Line chart: average confidence (1 to 5) of ${ordered.length} series over ${pis.length} PIs, ${pis[0]} to ${pis[last]}.`];
  const art = latest.find((x) => x.team === artName);
  if (art) parts.push(`${artName} in ${pis[last]}: ${art.value.toFixed(1)}.`);
  const teams = latest.filter((x) => x.team !== artName).sort((a, b) => b.value - a.value);
  if (teams.length > 0) {
    parts.push(`Highest team in ${pis[last]}: ${teams[0].team} ${teams[0].value.toFixed(1)}; lowest: ${teams[teams.length - 1].team} ${teams[teams.length - 1].value.toFixed(1)}.`);
  }

  const numbers = table({
    caption: 'Average confidence per team and PI (1 to 5; a dash means no closed vote)',
    columns: [
      { label: 'Team', rowHeader: true, cell: (s) => isArt(s) ? `${s.team} (ART)` : text(s.team) },
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
            label: isArt(s) ? `${s.team} (ART)` : s.team,
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
          y: { min: 1, max: 5, ticks: { stepSize: 1 }, title: { display: true, text: 'Average confidence' } },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    }),
  });
}
