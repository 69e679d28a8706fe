// Labels and badges shared by the views. Every status is shown as text; color only adds to it.
import { h, text } from '../dom.js';

/** A status badge: a glyph (hidden from screen readers), the words, and a color class. */
export function badge(kind, label, glyph = '') {
  return h('span', { class: `badge badge-${kind}` },
    glyph ? h('span', { class: 'glyph', 'aria-hidden': 'true' }, glyph) : null, label);
}

export const SYNC_STATUS = {
  onTrack: { label: 'On track', glyph: '✓', kind: 'good' },
  atRisk: { label: 'At risk', glyph: '!', kind: 'warn' },
  offTrack: { label: 'Off track', glyph: '✕', kind: 'bad' },
  notAnswered: { label: 'Not answered', glyph: '?', kind: 'muted' },
  skipped: { label: 'Skipped', glyph: '–', kind: 'neutral' },
  upcoming: { label: 'Upcoming', glyph: '…', kind: 'upcoming' },
};

export function syncBadge(status) {
  const s = SYNC_STATUS[status] ?? { label: text(status), glyph: '', kind: 'neutral' };
  return badge(s.kind, s.label, s.glyph);
}

export const OUTCOME = {
  accepted: { label: 'Accepted', glyph: '✓', kind: 'good' },
  rework: { label: 'Rework', glyph: '↻', kind: 'warn' },
  open: { label: 'Open', glyph: '…', kind: 'neutral' },
};

export function outcomeBadge(outcome) {
  const o = OUTCOME[outcome] ?? { label: text(outcome), glyph: '', kind: 'neutral' };
  return badge(o.kind, o.label, o.glyph);
}

const SEVERITY_KIND = { low: 'neutral', medium: 'neutral', high: 'warn', critical: 'bad' };

export function severityBadge(severity) {
  if (!severity) return text(severity);
  const key = String(severity).toLowerCase();
  return badge(SEVERITY_KIND[key] ?? 'neutral', capitalize(key));
}

export const DEPENDENCY_STATUS = {
  requested: { label: 'Requested', glyph: '?', kind: 'neutral' },
  committed: { label: 'Committed', glyph: '✓', kind: 'info' },
  'at risk': { label: 'At risk', glyph: '!', kind: 'warn' },
  delivered: { label: 'Delivered', glyph: '✓', kind: 'good' },
  declined: { label: 'Declined', glyph: '✕', kind: 'bad' },
};

export function dependencyBadge(status) {
  const key = String(status ?? '').toLowerCase().replace(/[_-]/g, ' ').replace('atrisk', 'at risk');
  const s = DEPENDENCY_STATUS[key] ?? { label: text(status), glyph: '', kind: 'neutral' };
  return badge(s.kind, s.label, s.glyph);
}

/** Improvement item statuses: proposed, committed, in progress, done, dropped (any casing). */
export const IMPROVEMENT_STATUS = {
  proposed: { label: 'Proposed', kind: 'neutral', color: '--imp-proposed' },
  committed: { label: 'Committed', kind: 'info', color: '--imp-committed' },
  inprogress: { label: 'In progress', kind: 'warn', color: '--imp-inprogress' },
  done: { label: 'Done', kind: 'good', color: '--imp-done' },
  dropped: { label: 'Dropped', kind: 'muted', color: '--imp-dropped' },
};

export function improvementKey(status) {
  return String(status ?? '').toLowerCase().replace(/[\s_-]/g, '');
}

export function improvementLabel(status) {
  return IMPROVEMENT_STATUS[improvementKey(status)]?.label ?? text(status);
}

export function improvementBadge(status) {
  const s = IMPROVEMENT_STATUS[improvementKey(status)];
  return s ? badge(s.kind, s.label) : text(status);
}

export const ROAM_ORDER = ['Unroamed', 'Resolved', 'Owned', 'Accepted', 'Mitigated'];

export function roamLabel(status) {
  const match = ROAM_ORDER.find((s) => s.toLowerCase() === String(status ?? '').toLowerCase());
  return match ?? text(status);
}

export function capitalize(s) {
  const str = String(s ?? '');
  return str ? str[0].toUpperCase() + str.slice(1) : str;
}

export function yesNo(value) {
  return value ? badge('warn', 'Yes', '↑') : 'No';
}

export function owner(value) {
  return text(value, 'Unassigned');
}

/** The ART's data is not there: a chat or a channel without an ART. */
/** The columns of an impediments table (risks view and My ART work share them). */
export function impedimentColumns(text) {
  return [
    { label: 'Impediment', rowHeader: true, cell: (i) => text(i.title), className: 'wide' },
    { label: 'Team', cell: (i) => text(i.team) },
    { label: 'Owner', cell: (i) => owner(i.owner) },
    { label: 'Age (days)', numeric: true, cell: (i) => text(i.ageDays) },
    { label: 'Severity', cell: (i) => severityBadge(i.severity) },
    { label: 'Escalated', cell: (i) => yesNo(i.escalated) },
  ];
}

export function needsArt() {
  return h('div', { class: 'notice' },
    h('p', {}, h('strong', {}, 'Needs an ART: '), 'set one up with ', h('code', {}, '@ArtBot art setup'), '.'),
    h('p', { class: 'secondary' }, 'This view shows an Agile Release Train. This conversation is not part of one yet.'));
}
