// ballot.html?vote=ID: the in-meeting notification ("bubble") the bot's vote message opens. The question and five
// buttons: one tap, or one key 1 to 5, casts; after a short confirmation the page closes itself (dialog.url.submit),
// as Teams asks of in-meeting notification pages.
import { h, replace } from '../dom.js';
import { t } from '../i18n/index.js';
import { startPage, byId, showStatus } from './page.js';
import { errorBlock } from './errors.js';
import { closeDialog } from './teams.js';
import { SCALE, valueName } from './vote-text.js';

/** @typedef {import('../api/meeting').LiveVote} LiveVote */

/** How long "Your vote: 4" shows before the notification closes. */
const CLOSE_AFTER_MS = 2500;

const el = { question: byId('question'), hint: byId('hint'), choices: byId('choices'), status: byId('status') };

const state = {
  /** @type {string | null} */
  voteId: null,
  /** @type {LiveVote | null} */
  vote: null,
  busy: false,
  /** @type {ReturnType<typeof setTimeout> | null} */
  closer: null,
};

/** @type {Awaited<ReturnType<typeof startPage>>} */
let page;

start();

async function start() {
  page = await startPage(() => {
    document.title = t('ballot.documentTitle');
    el.hint.textContent = t('ballot.hint');
    if (state.vote) render(state.vote);
    else el.question.textContent = t('ballot.documentTitle');
  });
  state.voteId = page.query.get('vote');
  document.addEventListener('keydown', onKey);
  await load();
  page.loaded();
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
    if (answer) render(answer.vote);
    if (answer?.vote.open && answer.vote.mine) say(t('ballot.yourVote', answer.vote.mine));
  } catch (error) {
    replace(el.status, errorBlock(error, () => load()));
  }
}

/** @param {LiveVote} vote */
function render(vote) {
  state.vote = vote;
  el.question.textContent = vote.question;
  if (!vote.open) {
    el.choices.hidden = true;
    el.hint.hidden = true;
    replace(el.status, h('p', { class: 'closed-note' }, t('ballot.closed')), vote.verdict ? h('p', { class: 'secondary' }, vote.verdict) : null);
    return;
  }
  const focused = /** @type {HTMLElement | null} */ (document.activeElement)?.dataset?.value ?? null;
  replace(el.choices, SCALE.map((s) => h('button', {
    type: 'button',
    class: `fist-choice fist-${s.value}`,
    'aria-label': valueName(s.value),
    'aria-pressed': vote.mine === s.value ? 'true' : 'false',
    dataset: { value: String(s.value) },
    onClick: () => cast(s.value),
  }, String(s.value))));
  el.choices.hidden = false;
  el.hint.hidden = false;
  if (focused) /** @type {HTMLElement | null} */ (el.choices.querySelector(`[data-value="${focused}"]`))?.focus();
}

/** Keys 1 to 5 cast, wherever the focus is (the page has no text field). @param {KeyboardEvent} event */
function onKey(event) {
  if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
  const value = Number(event.key);
  if (!Number.isInteger(value) || value < 1 || value > 5) return;
  if (!state.vote?.open) return;
  event.preventDefault();
  cast(/** @type {1 | 2 | 3 | 4 | 5} */ (value));
}

/** @param {1 | 2 | 3 | 4 | 5} value */
async function cast(value) {
  const id = state.voteId;
  if (!id || state.busy) return;
  state.busy = true;
  if (state.closer !== null) clearTimeout(state.closer);
  el.choices.setAttribute('aria-busy', 'true');
  say(t('ballot.sending', value), true);
  try {
    const vote = await page.api.ballot(id, value);
    render(vote);
    say(t('ballot.yourVote', vote.mine ?? value));
    state.closer = setTimeout(() => closeDialog(page.host, { voteId: id, value: vote.mine ?? value }), CLOSE_AFTER_MS);
  } catch (error) {
    if (/** @type {any} */ (error)?.kind === 'closed' && state.vote) {
      render({ ...state.vote, open: false, verdict: null });
    } else {
      replace(el.status, errorBlock(error, () => cast(value)));
    }
  } finally {
    state.busy = false;
    el.choices.removeAttribute('aria-busy');
  }
}

/**
 * @param {string} message
 * @param {boolean} [busy]
 */
function say(message, busy = false) {
  showStatus(el.status, message, busy, 'cast');
}
