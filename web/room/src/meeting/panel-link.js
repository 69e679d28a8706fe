// A private meeting not linked to an ART yet: the organizer picks the ART (and the team, or the whole ART) here.
import { h, replace } from '../dom.js';
import { t } from '../i18n/index.js';
import { act } from './page.js';

/** @typedef {import('../api/meeting').MeetingContext} MeetingContext */

/**
 * @param {{ api: import('./api.js').MeetingApi, linked: (context: MeetingContext) => void }} panel
 * @param {MeetingContext} context
 */
export function linkSection(panel, context) {
  const arts = context.linkable ?? [];
  if (arts.length === 0) {
    return h('section', { class: 'notice', 'aria-labelledby': 'link-title' },
      h('h2', { id: 'link-title' }, t('link.notLinked')),
      h('p', {}, t('link.askOrganizer')));
  }
  const art = /** @type {HTMLSelectElement} */ (h('select', { id: 'link-art' },
    arts.map((a) => h('option', { value: a.artId }, a.artName))));
  const team = /** @type {HTMLSelectElement} */ (h('select', { id: 'link-team' }));
  const fillTeams = () => {
    const chosen = arts.find((a) => a.artId === art.value) ?? arts[0];
    replace(team, h('option', { value: '' }, t('link.wholeArt')), (chosen?.teams ?? []).map((name) => h('option', { value: name }, name)));
  };
  art.addEventListener('change', fillTeams);
  fillTeams();
  const alerts = h('div', { class: 'alerts' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('link.submit'));
  const form = h('form', { class: 'link-form', 'aria-labelledby': 'link-title' },
    h('div', { class: 'field' }, h('label', { for: 'link-art' }, t('link.art')), art),
    h('div', { class: 'field' }, h('label', { for: 'link-team' }, t('link.team')), team),
    submit,
    alerts);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(submit, alerts, async () => panel.linked(await panel.api.link(art.value, team.value || null)));
  });
  return h('section', { class: 'block' },
    h('h2', { id: 'link-title' }, t('link.title')),
    h('p', { class: 'secondary' }, t('link.intro')),
    form);
}
