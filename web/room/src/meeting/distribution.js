// The distribution of a vote's ballots (counts of 1 to 5) as five columns, with a full sentence per column for
// screen readers (the columns themselves are decoration).
import { h } from '../dom.js';
import { t, tn } from '../i18n/index.js';
import { SCALE, valueName } from './vote-text.js';

/**
 * @param {number[]} distribution counts of 1 to 5
 * @param {string} [className]
 */
export function distributionChart(distribution, className = '') {
  const counts = SCALE.map((s) => Math.max(0, Number(distribution[s.value - 1]) || 0));
  const most = Math.max(1, ...counts);
  return h('ol', { class: `dist ${className}`.trim(), 'aria-label': t('vote.distribution') },
    SCALE.map((s, i) => h('li', { class: `dist-col dist-${s.value}` },
      h('span', { class: 'visually-hidden' }, t('vote.distributionItem', valueName(s.value), tn(counts[i], 'vote.ballots'))),
      h('span', { class: 'dist-count', 'aria-hidden': 'true' }, String(counts[i])),
      h('span', { class: 'dist-track', 'aria-hidden': 'true' }, bar(counts[i] / most)),
      h('span', { class: 'dist-value', 'aria-hidden': 'true' }, String(s.value)))));
}

/** A column's bar, as high as its share of the largest count. */
function bar(share) {
  const el = h('span', { class: 'dist-bar' });
  el.style.height = `${Math.round(share * 100)}%`;
  return el;
}
