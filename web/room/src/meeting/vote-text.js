// The texts about a vote that the side panel, the stage and the notification pages share.
import { t, tn, formatOneDecimal } from '../i18n/index.js';

/** @typedef {import('../api/meeting').LiveVote} LiveVote */

/** The fist of five: each value with its meaning (the buttons' accessible names, the chart's rows). */
export const SCALE = /** @type {const} */ ([
  { value: 1, key: 'fist.1' },
  { value: 2, key: 'fist.2' },
  { value: 3, key: 'fist.3' },
  { value: 4, key: 'fist.4' },
  { value: 5, key: 'fist.5' },
]);

/** "1: no confidence" … "5: very confident". */
export function valueName(value) {
  const entry = SCALE.find((s) => s.value === value);
  return entry ? t(entry.key) : String(value);
}

/** "Team vote: Rocket" or "ART vote", with ", round 2" after the first round. @param {LiveVote} vote */
export function scopeText(vote) {
  const scope = vote.scope === 'art' || !vote.teamName ? t('vote.artVote') : t('vote.teamVote', vote.teamName);
  return vote.round > 1 ? t('vote.scopeRound', scope, vote.round) : scope;
}

/** "61 of 97 in the meeting have voted", "61 have voted", "No one has voted yet". @param {LiveVote} vote */
export function votedText(vote) {
  if (typeof vote.inMeeting === 'number') return tn(vote.voted, 'vote.votedOf', vote.inMeeting);
  if (vote.voted === 0) return t('vote.votedNone');
  return tn(vote.voted, 'vote.voted');
}

/** "Average 3.8", or null when the answer has no average (hidden results). @param {LiveVote} vote */
export function averageText(vote) {
  const average = formatOneDecimal(vote.average);
  return average === null ? null : t('vote.average', average);
}

/** What the settings hide, for people wondering where the numbers are (null when nothing is hidden). @param {LiveVote} vote */
export function hiddenText(vote) {
  if (vote.open && vote.hideResults && vote.distribution === null) return t('vote.resultsHidden');
  if (vote.anonymous) return t('vote.anonymous');
  return null;
}
