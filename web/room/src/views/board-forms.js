// What Product Managers and RTEs (can.keepBacklog) add to the board: milestones and features.
import { h, uid } from '../dom.js';
import { t } from '../i18n/index.js';
import { MILESTONE_KINDS } from './board-model.js';
/** @typedef {import('../api/board').BoardView} BoardView */
/** @typedef {import('../api/board').BoardNewMilestone} BoardNewMilestone */
/** @typedef {import('../api/board').BoardNewFeature} BoardNewFeature */

/**
 * @param {string} label
 * @param {HTMLElement} control
 */
function field(label, control) {
  const id = control.id || uid('field');
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/**
 * The "Plan the backlog" panel. The submit handlers return whether the form may be cleared (the server took it).
 * @param {BoardView} view
 * @param {{ open: boolean, onToggle: (open: boolean) => void, addMilestone: (m: BoardNewMilestone) => Promise<boolean>, addFeature: (f: BoardNewFeature) => Promise<boolean> }} actions
 */
export function planPanel(view, actions) {
  const date = /** @type {HTMLInputElement} */ (h('input', { type: 'date', required: true, dataset: { focusKey: 'plan:date' } }));
  const title = /** @type {HTMLInputElement} */ (h('input', { type: 'text', required: true, maxlength: '200', dataset: { focusKey: 'plan:mtitle' } }));
  const kind = /** @type {HTMLSelectElement} */ (h('select', { dataset: { focusKey: 'plan:kind' } },
    Object.entries(MILESTONE_KINDS).map(([value, k]) => h('option', { value }, `${k.glyph} ${t(k.key)}`))));
  const milestone = h('form', { class: 'plan-form', 'aria-label': t('board.addMilestone') },
    h('h3', {}, t('board.addMilestone')),
    field(t('board.milestoneDate'), date), field(t('board.milestoneTitle'), title), field(t('board.milestoneKind'), kind),
    h('button', { type: 'submit', class: 'button' }, t('board.addMilestone')));
  milestone.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await actions.addMilestone({ date: date.value, title: title.value.trim(), kind: kind.value })) {
      title.value = '';
      date.value = '';
    }
  });

  const ftitle = /** @type {HTMLInputElement} */ (h('input', { type: 'text', required: true, maxlength: '200', dataset: { focusKey: 'plan:ftitle' } }));
  const value = /** @type {HTMLInputElement} */ (h('input', { type: 'number', min: '0', step: '1', dataset: { focusKey: 'plan:bv' } }));
  const teams = view.teams.filter((tm) => tm.inArt).map((tm) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', value: tm.conversationId, dataset: { focusKey: `plan:team:${tm.conversationId}` } }), ' ', tm.name));
  const feature = h('form', { class: 'plan-form', 'aria-label': t('board.addFeature') },
    h('h3', {}, t('board.addFeature')),
    field(t('board.featureTitle'), ftitle), field(t('board.businessValue'), value),
    h('fieldset', { class: 'teams' }, h('legend', {}, t('board.featureTeams')), teams),
    h('button', { type: 'submit', class: 'button' }, t('board.addFeature')));
  feature.addEventListener('submit', async (e) => {
    e.preventDefault();
    const chosen = [...feature.querySelectorAll('input[type="checkbox"]:checked')].map((c) => /** @type {HTMLInputElement} */ (c).value);
    const bv = value.value === '' ? null : Number(value.value);
    if (await actions.addFeature({ title: ftitle.value.trim(), description: null, businessValue: bv, teams: chosen })) {
      ftitle.value = '';
      value.value = '';
      for (const c of feature.querySelectorAll('input[type="checkbox"]')) /** @type {HTMLInputElement} */ (c).checked = false;
    }
  });

  const details = /** @type {HTMLDetailsElement} */ (h('details', { class: 'board-plan', open: actions.open },
    h('summary', {}, t('board.plan')), h('div', { class: 'plan-forms' }, milestone, feature)));
  details.addEventListener('toggle', () => actions.onToggle(details.open));
  return details;
}
