// Labels and badges shared by the views. Every status is shown as text; color only adds to it.
import { h, text } from '../dom.js';
import { t, tx, formatNumber } from '../i18n/index.js';
/** @typedef {import('../api/views').Schemas} Schemas */

/**
 * What a view gets besides the API's answer: the conversation's context, its query (filters), a state kept across
 * reloads of the view, a reload with other filters, the API client and the host, and onLeave (what to stop when another
 * view loads: the board's polling).
 * @typedef {{ context: Schemas['RoomContext'] | null, params: Record<string, any>, state: Record<string, any>,
 *   reload: (next: Record<string, string | null>) => void, api: ReturnType<typeof import('../api.js').createApi>,
 *   host: any, onLeave: (stop: () => void) => void }} ViewEnv
 */

/** A status badge: a glyph (hidden from screen readers), the words, and a color class. */
export function badge(kind, label, glyph = '') {
  return h('span', { class: `badge badge-${kind}` },
    glyph ? h('span', { class: 'glyph', 'aria-hidden': 'true' }, glyph) : null, label);
}

export const SYNC_STATUS = {
  onTrack: { key: 'sync.onTrack', glyph: '✓', kind: 'good' },
  atRisk: { key: 'sync.atRisk', glyph: '!', kind: 'warn' },
  offTrack: { key: 'sync.offTrack', glyph: '✕', kind: 'bad' },
  notAnswered: { key: 'sync.notAnswered', glyph: '?', kind: 'muted' },
  skipped: { key: 'sync.skipped', glyph: '–', kind: 'neutral' },
  upcoming: { key: 'sync.upcoming', glyph: '…', kind: 'upcoming' },
};

export function syncBadge(status) {
  const s = SYNC_STATUS[status];
  return s ? badge(s.kind, t(s.key), s.glyph) : badge('neutral', text(status));
}

export const OUTCOME = {
  accepted: { key: 'outcome.accepted', glyph: '✓', kind: 'good' },
  rework: { key: 'outcome.rework', glyph: '↻', kind: 'warn' },
  open: { key: 'outcome.open', glyph: '…', kind: 'neutral' },
};

export function outcomeBadge(outcome) {
  const o = OUTCOME[outcome];
  return o ? badge(o.kind, t(o.key), o.glyph) : badge('neutral', text(outcome));
}

const SEVERITY_KIND = { low: 'neutral', medium: 'neutral', high: 'warn', critical: 'bad' };

export function severityBadge(severity) {
  if (!severity) return text(severity);
  const key = String(severity).toLowerCase();
  const label = Object.prototype.hasOwnProperty.call(SEVERITY_KIND, key) ? t(`severity.${key}`) : capitalize(key);
  return badge(SEVERITY_KIND[key] ?? 'neutral', label);
}

export const DEPENDENCY_STATUS = {
  requested: { key: 'dependency.requested', glyph: '?', kind: 'neutral' },
  committed: { key: 'dependency.committed', glyph: '✓', kind: 'info' },
  'at risk': { key: 'dependency.atRisk', glyph: '!', kind: 'warn' },
  delivered: { key: 'dependency.delivered', glyph: '✓', kind: 'good' },
  declined: { key: 'dependency.declined', glyph: '✕', kind: 'bad' },
};

export function dependencyBadge(status) {
  const key = String(status ?? '').toLowerCase().replace(/[_-]/g, ' ').replace('atrisk', 'at risk');
  const s = DEPENDENCY_STATUS[key];
  return s ? badge(s.kind, t(s.key), s.glyph) : badge('neutral', text(status));
}

/** Improvement item statuses: proposed, committed, in progress, done, dropped (any casing). */
export const IMPROVEMENT_STATUS = {
  proposed: { key: 'improvement.proposed', kind: 'neutral', color: '--imp-proposed' },
  committed: { key: 'improvement.committed', kind: 'info', color: '--imp-committed' },
  inprogress: { key: 'improvement.inProgress', kind: 'warn', color: '--imp-inprogress' },
  done: { key: 'improvement.done', kind: 'good', color: '--imp-done' },
  dropped: { key: 'improvement.dropped', kind: 'muted', color: '--imp-dropped' },
};

export function improvementKey(status) {
  return String(status ?? '').toLowerCase().replace(/[\s_-]/g, '');
}

export function improvementLabel(status) {
  const s = IMPROVEMENT_STATUS[improvementKey(status)];
  return s ? t(s.key) : text(status);
}

export function improvementBadge(status) {
  const s = IMPROVEMENT_STATUS[improvementKey(status)];
  return s ? badge(s.kind, t(s.key)) : text(status);
}

/** The ROAM statuses as the API names them (also the CSS class: roam-unroamed …), in board order. */
export const ROAM_ORDER = ['Unroamed', 'Resolved', 'Owned', 'Accepted', 'Mitigated'];

/** The API's name of a ROAM status in its usual casing ("owned" → "Owned"), or the value as given. */
export function roamKey(status) {
  return ROAM_ORDER.find((s) => s.toLowerCase() === String(status ?? '').toLowerCase()) ?? String(status ?? '');
}

/** A ROAM status in the page's language. */
export function roamLabel(status) {
  const key = roamKey(status);
  return ROAM_ORDER.includes(key) ? t(`roam.${key.toLowerCase()}`) : text(status);
}

export function capitalize(s) {
  const str = String(s ?? '');
  return str ? str[0].toUpperCase() + str.slice(1) : str;
}

export function yesNo(value) {
  return value ? badge('warn', t('common.yes'), '↑') : t('common.no');
}

export function owner(value) {
  return text(value, t('common.unassigned'));
}

/**
 * The columns of an impediments table (risks view and My ART work share them).
 * @param {typeof import('../dom.js').text} text
 * @returns {import('../dom.js').Column<Schemas['RoomImpediment']>[]}
 */
export function impedimentColumns(text) {
  return [
    { label: t('column.impediment'), rowHeader: true, cell: (i) => text(i.title), className: 'wide' },
    { label: t('column.team'), cell: (i) => text(i.team) },
    { label: t('column.owner'), cell: (i) => owner(i.owner) },
    { label: t('column.ageDays'), numeric: true, cell: (i) => formatNumber(i.ageDays) ?? text(i.ageDays) },
    { label: t('column.severity'), cell: (i) => severityBadge(i.severity) },
    { label: t('column.escalated'), cell: (i) => yesNo(i.escalated) },
  ];
}

/** The ART's data is not there: a chat or a channel without an ART. */
export function needsArt() {
  return h('div', { class: 'notice' },
    h('p', {}, h('strong', {}, t('common.needsArt')), ' ', tx('common.needsArtSetUp', h('code', {}, '@ArtBot art setup'))),
    h('p', { class: 'secondary' }, t('common.needsArtDetail')));
}
