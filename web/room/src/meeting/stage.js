// stage.html?vote=ID: the vote on the meeting stage. Polls the vote once a second with its ETag (a 304 while nothing
// changed; paused while Teams hides the stage), counts the deadline down on the server's clock, shows the distribution
// and average only when the answer has them, then the verdict and "Vote again"; a new round replaces the old one.
import { h, replace } from '../dom.js';
import { t } from '../i18n/index.js';
import { startPage, byId, act, showStatus } from './page.js';
import { errorBlock } from './errors.js';
import { startPolling } from './poller.js';
import { clockSkew, remainingMs, formatRemaining } from './clock.js';
import { distributionChart } from './distribution.js';
import { scopeText, votedText, averageText, hiddenText } from './vote-text.js';

/** @typedef {import('../api/meeting').LiveVote} LiveVote */

/** One request a second per viewer at most (a 304 without a body while nothing changed). */
const POLL_MS = 1000;
const TICK_MS = 250;

const el = {
  eyebrow: byId('eyebrow'),
  question: byId('question'),
  status: byId('status'),
  vote: byId('vote'),
  count: byId('count'),
  progress: byId('progress'),
  deadline: byId('deadline'),
  results: byId('results'),
  verdict: byId('verdict'),
};

const state = {
  /** @type {string | null} */
  voteId: null,
  /** @type {string | null} */
  etag: null,
  /** @type {LiveVote | null} */
  vote: null,
  skew: 0,
  failing: false,
  /** @type {string | null} */
  verdictKey: null,
  /** @type {ReturnType<typeof setInterval> | null} */
  ticker: null,
};

/** @type {Awaited<ReturnType<typeof startPage>>} */
let page;

start();

async function start() {
  page = await startPage(() => {
    if (!state.vote) {
      document.title = t('stage.documentTitle');
      el.question.textContent = t('stage.documentTitle');
      say(t('meeting.loading'), true);
    } else {
      render(state.vote);
    }
  });
  state.voteId = page.query.get('vote');
  if (!state.voteId) {
    say(t('stage.noVote'));
    page.loaded();
    return;
  }
  await refresh();
  page.loaded();
  startPolling(refresh, POLL_MS);
}

async function refresh() {
  const id = state.voteId;
  if (!id) return;
  let answer;
  try {
    answer = await page.api.vote(id, state.etag);
  } catch (error) {
    // Said once, not every second: the polls go on and clear it when the server answers again.
    if (state.failing) return;
    state.failing = true;
    if (!state.vote) replace(el.status, errorBlock(error, () => refresh()));
    else say(t('stage.stale'));
    return;
  }
  state.failing = false;
  if (state.voteId !== id) return;
  if (!answer) {
    if (state.vote) say('');
    return;
  }
  state.skew = clockSkew(answer.vote.serverTime);
  state.etag = answer.etag;
  if (!answer.vote.open && answer.vote.nextVoteId) {
    follow(answer.vote.nextVoteId);
    await refresh();
    return;
  }
  say('');
  render(answer.vote);
}

/** Shows the next round from now on (and in the address, so a reload stays on it). @param {string} id */
function follow(id) {
  state.voteId = id;
  state.etag = null;
  const url = new URL(window.location.href);
  url.searchParams.set('vote', id);
  history.replaceState(null, '', url.toString());
}

/** @param {LiveVote} vote */
function render(vote) {
  state.vote = vote;
  document.title = t('stage.documentTitleWith', vote.question);
  el.eyebrow.textContent = scopeText(vote);
  el.question.textContent = vote.question;
  el.vote.hidden = false;

  // The count is a live region: set it only when it changes, so it is announced once.
  const count = votedText(vote);
  if (el.count.textContent !== count) el.count.textContent = count;
  const share = typeof vote.inMeeting === 'number' && vote.inMeeting > 0 ? Math.min(1, vote.voted / vote.inMeeting) : null;
  /** @type {HTMLElement} */ (el.progress.parentElement).hidden = share === null;
  el.progress.style.width = `${Math.round((share ?? 0) * 100)}%`;

  countdown(vote);

  const average = averageText(vote);
  const hidden = hiddenText(vote);
  replace(el.results,
    vote.distribution ? distributionChart(vote.distribution, 'dist-stage') : null,
    average ? h('p', { class: 'stage-average' }, average) : null,
    hidden ? h('p', { class: 'secondary' }, hidden) : null);

  const verdictKey = vote.open ? 'open' : JSON.stringify([vote.voteId, vote.verdict, vote.canManage, vote.nextVoteId]);
  if (verdictKey !== state.verdictKey) {
    state.verdictKey = verdictKey;
    replace(el.verdict, vote.open ? null : verdict(vote));
  }
}

/** @param {LiveVote} vote */
function verdict(vote) {
  const alerts = h('div', { class: 'alerts' });
  const again = vote.canManage && !vote.nextVoteId
    ? h('button', {
      type: 'button',
      class: 'button primary',
      onClick: () => act(again, alerts, async () => {
        const next = await page.api.again(vote.voteId);
        follow(next.voteId);
        state.skew = clockSkew(next.serverTime);
        render(next);
        el.question.setAttribute('tabindex', '-1');
        el.question.focus();
      }),
    }, t('vote.again'))
    : null;
  return h('div', { class: vote.confident ? 'verdict-box verdict-good' : 'verdict-box verdict-bad' },
    h('p', { class: 'verdict-label' }, t('vote.closed')),
    h('p', { class: 'verdict-text' }, vote.verdict ?? t('stage.closedNoVerdict')),
    again,
    alerts);
}

/** Counts the deadline down on the server's clock (corrected for this computer's skew). @param {LiveVote} vote */
function countdown(vote) {
  if (state.ticker !== null) clearInterval(state.ticker);
  state.ticker = null;
  if (!vote.open || !vote.deadline) {
    el.deadline.hidden = true;
    return;
  }
  const tick = () => {
    const left = remainingMs(vote.deadline, state.skew);
    const text = left === null ? '' : left > 0 ? t('stage.closesIn', formatRemaining(left)) : t('stage.closing');
    if (el.deadline.textContent !== text) el.deadline.textContent = text;
  };
  tick();
  el.deadline.hidden = false;
  state.ticker = setInterval(tick, TICK_MS);
}

/**
 * @param {string} message
 * @param {boolean} [busy]
 */
function say(message, busy = false) {
  showStatus(el.status, message, busy, 'secondary');
}
