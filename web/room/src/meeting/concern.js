// concern.html?vote=ID: the private prompt (a targeted in-meeting notification) to voters who gave a 1 or a 2: what
// worries them, sent to the people running the vote (without a name in an anonymous vote); then the page closes itself.
import { replace } from '../dom.js';
import { t } from '../i18n/index.js';
import { startPage, byId, showStatus } from './page.js';
import { errorBlock } from './errors.js';
import { closeDialog } from './teams.js';

/** @typedef {import('../api/meeting').LiveVote} LiveVote */

const MAX_LENGTH = 500;
const CLOSE_AFTER_MS = 2500;

const el = {
  title: byId('title'),
  question: byId('question'),
  form: /** @type {HTMLFormElement} */ (byId('form')),
  label: byId('label'),
  text: /** @type {HTMLTextAreaElement} */ (byId('text')),
  privacy: byId('privacy'),
  counter: byId('counter'),
  send: /** @type {HTMLButtonElement} */ (byId('send')),
  status: byId('status'),
};

const state = {
  /** @type {string | null} */
  voteId: null,
  /** @type {LiveVote | null} */
  vote: null,
  sending: false,
};

/** @type {Awaited<ReturnType<typeof startPage>>} */
let page;

start();

async function start() {
  page = await startPage(texts);
  state.voteId = page.query.get('vote');
  el.text.maxLength = MAX_LENGTH;
  el.text.addEventListener('input', count);
  el.form.addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });
  await load();
  page.loaded();
}

function texts() {
  document.title = t('concern.title');
  el.title.textContent = t('concern.title');
  el.label.textContent = t('concern.label');
  el.send.textContent = t('concern.send');
  count();
  if (state.vote) show(state.vote);
}

function count() {
  el.counter.textContent = t('concern.counter', el.text.value.length, MAX_LENGTH);
}

async function load() {
  if (!state.voteId) {
    say(t('ballot.noVote'));
    return;
  }
  say(t('meeting.loading'), true);
  try {
    const answer = await page.api.vote(state.voteId);
    say('');
    if (answer) show(answer.vote);
  } catch (error) {
    replace(el.status, errorBlock(error, () => load()));
  }
}

/** @param {LiveVote} vote */
function show(vote) {
  state.vote = vote;
  el.question.textContent = t('concern.about', vote.question);
  el.question.hidden = false;
  el.privacy.textContent = vote.anonymous ? t('concern.anonymous') : t('concern.named');
  el.form.hidden = false;
}

async function send() {
  const id = state.voteId;
  const text = el.text.value.trim();
  if (!id || state.sending) return;
  if (text === '') {
    say(t('concern.empty'));
    el.text.setAttribute('aria-invalid', 'true');
    el.text.focus();
    return;
  }
  el.text.removeAttribute('aria-invalid');
  state.sending = true;
  el.send.setAttribute('aria-disabled', 'true');
  say(t('concern.sending'), true);
  try {
    await page.api.concern(id, text);
    el.form.hidden = true;
    say(t('concern.sent'));
    setTimeout(() => closeDialog(page.host, { voteId: id }), CLOSE_AFTER_MS);
  } catch (error) {
    replace(el.status, errorBlock(error, () => send()));
  } finally {
    state.sending = false;
    el.send.removeAttribute('aria-disabled');
  }
}

/**
 * @param {string} message
 * @param {boolean} [busy]
 */
function say(message, busy = false) {
  showStatus(el.status, message, busy, null);
}
