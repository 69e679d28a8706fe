// Starting a vote from the side panel in one click: a button per team and one for the ART; the Options disclosure
// (question, anonymous, hidden results, deadline) is there for those who want it, and is never needed.
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { act } from './page.js';

/** The deadlines a vote may have (the domain's VoteOptions.Durations), in minutes. */
const MINUTES = [5, 10, 15, 30, 60];

/** @typedef {import('../api/meeting').MeetingContext} MeetingContext */
/** @typedef {import('../api/meeting').LiveVote} LiveVote */

/**
 * @param {{ api: import('./api.js').MeetingApi, started: (vote: LiveVote) => void }} panel
 * @param {MeetingContext} context
 */
export function startSection(panel, context) {
  const options = optionsForm();
  const alerts = h('div', { class: 'alerts' });
  /** @type {{ label: string, scope: 'team' | 'art', team: string | null, focus: string }[]} */
  const choices = [
    ...(context.teams ?? []).map((team) => ({ label: t('start.teamVote', team), scope: /** @type {const} */ ('team'), team, focus: `start-team-${team}` })),
    ...(context.canStartArtVote ? [{ label: t('start.artVote'), scope: /** @type {const} */ ('art'), team: null, focus: 'start-art' }] : []),
  ];
  const buttons = choices.map((choice) => {
    const button = h('button', {
      type: 'button',
      class: 'button primary',
      dataset: { focusKey: choice.focus },
      onClick: () => act(button, alerts, async () => {
        panel.started(await panel.api.start({ scope: choice.scope, team: choice.team, ...options.read() }));
      }),
    }, choice.label);
    return h('li', {}, button);
  });
  return h('section', { class: 'block', 'aria-labelledby': 'start-title' },
    h('h2', { id: 'start-title' }, t('start.title')),
    choices.length > 0
      ? h('ul', { class: 'start-list' }, buttons)
      : h('p', { class: 'secondary' }, t('start.noTeams')),
    alerts,
    choices.length > 0 ? options.element : null);
}

/** The Options disclosure and what it asks for (the question as shown: the localized default unless changed). */
function optionsForm() {
  const defaultQuestion = t('start.defaultQuestion');
  const question = h('input', { id: 'opt-question', type: 'text', maxlength: '200', value: defaultQuestion, dataset: { focusKey: 'opt-question' } });
  const anonymous = h('input', { id: 'opt-anonymous', type: 'checkbox', dataset: { focusKey: 'opt-anonymous' } });
  const hidden = h('input', { id: 'opt-hidden', type: 'checkbox', dataset: { focusKey: 'opt-hidden' } });
  const minutes = h('select', { id: 'opt-minutes', dataset: { focusKey: 'opt-minutes' } },
    h('option', { value: '' }, t('start.noDeadline')),
    MINUTES.map((m) => h('option', { value: String(m) }, t('start.closeAfter', m))));
  const element = h('details', { class: 'options' },
    h('summary', {}, t('start.options')),
    h('div', { class: 'field' }, h('label', { for: 'opt-question' }, t('start.question')), question),
    h('div', { class: 'check' }, anonymous, h('label', { for: 'opt-anonymous' }, t('start.anonymous'))),
    h('div', { class: 'check' }, hidden, h('label', { for: 'opt-hidden' }, t('start.hideResults'))),
    h('div', { class: 'field' }, h('label', { for: 'opt-minutes' }, t('start.deadline')), minutes));
  return {
    element,
    /** @returns {{ question: string | null, anonymous: boolean, hideResults: boolean, minutes: number | null }} */
    read() {
      const text = /** @type {HTMLInputElement} */ (question).value.trim();
      const chosen = /** @type {HTMLSelectElement} */ (minutes).value;
      return {
        question: text === '' ? defaultQuestion : text,
        anonymous: /** @type {HTMLInputElement} */ (anonymous).checked,
        hideResults: /** @type {HTMLInputElement} */ (hidden).checked,
        minutes: chosen === '' ? null : Number(chosen),
      };
    },
  };
}
