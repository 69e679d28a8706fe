// meeting.html: ArtBot in the meeting's side panel (and its chat and details tabs). The meeting's ART and team, a vote
// started in one click, the meeting's votes kept live (open votes polled with their ETag while the panel is shown),
// sharing a vote to the stage, and linking a private meeting to an ART.
import { h, replace } from '../dom.js';
import { t } from '../i18n/index.js';
import { startPage, byId, keepFocus } from './page.js';
import { errorBlock } from './errors.js';
import { startPolling } from './poller.js';
import { canShareToStage, tellSimulation } from './teams.js';
import { startSection } from './panel-start.js';
import { linkSection } from './panel-link.js';
import { createVoteList } from './panel-votes.js';

/** @typedef {import('../api/meeting').MeetingContext} MeetingContext */
/** @typedef {import('../api/meeting').LiveVote} LiveVote */

/** How often the panel asks for its open votes (a 304 when nothing changed), and every how many polls the context. */
const POLL_MS = 3000;
const CONTEXT_EVERY = 10;
/** The open votes polled at once (the newest), besides the newest closed one. */
const POLLED_VOTES = 5;

const el = { title: byId('title'), subtitle: byId('subtitle'), status: byId('status'), view: byId('view') };

const state = {
  /** @type {MeetingContext | null} */
  context: null,
  /** @type {LiveVote[]} */
  votes: [],
  /** @type {Map<string, string | null>} */
  etags: new Map(),
  canShare: false,
  polls: 0,
  /** @type {{ key: string, element: HTMLElement } | null} */
  start: null,
};

/** @type {Awaited<ReturnType<typeof startPage>>} */
let page;
/** @type {ReturnType<typeof createPanel>} */
let panel;
/** @type {ReturnType<typeof createVoteList>} */
let list;
/** @type {ReturnType<typeof startPolling> | null} */
let poller = null;

start();

async function start() {
  page = await startPage(() => {
    document.title = t('meeting.documentTitle');
    if (!state.context) el.title.textContent = t('meeting.title');
    setStatus(t('meeting.loading'), true);
  });
  panel = createPanel();
  list = createVoteList(panel);
  const { host } = page;
  if (!host.meeting || !host.chat) {
    setStatus('');
    replace(el.view, h('div', { class: 'notice' }, h('h2', {}, t('meeting.openFromTeams')), h('p', {}, t('meeting.openFromTeamsDetail'))));
    page.loaded();
    return;
  }
  state.canShare = await canShareToStage(host);
  await load();
}

/** What the panel's sections may ask of it. */
function createPanel() {
  const { host, api } = page;
  return {
    api,
    host,
    canShare: () => state.canShare,
    say,
    /** @param {LiveVote} vote */
    changed(vote) {
      const i = state.votes.findIndex((v) => v.voteId === vote.voteId);
      if (i >= 0) state.votes[i] = vote;
      list.update(vote);
      poller?.now();
    },
    /** @param {LiveVote} vote */
    started(vote) {
      state.votes = [vote, ...state.votes.filter((v) => v.voteId !== vote.voteId)];
      list.render(state.votes);
      say(t('meeting.started', vote.question));
      tellSimulation(host, { type: 'voteStarted', voteId: vote.voteId });
      poller?.now();
    },
    /** @param {MeetingContext} context */
    linked(context) {
      say(t('link.done', context.artName ?? ''));
      show(context);
      el.title.focus();
    },
  };
}

async function load() {
  setStatus(t('meeting.loading'), true);
  try {
    show(await page.api.context());
  } catch (error) {
    setStatus('');
    replace(el.view, errorBlock(error, () => load()));
    page.loaded();
    return;
  }
  setStatus('');
  page.loaded();
  poller ??= startPolling(poll, POLL_MS);
}

/** @param {MeetingContext} context */
function show(context) {
  state.context = context;
  state.votes = context.votes ?? [];
  state.etags.clear();
  el.title.textContent = context.artName ?? t('meeting.title');
  el.title.setAttribute('tabindex', '-1');
  const subtitle = context.teamName ? t('meeting.team', context.teamName) : context.linked ? t('meeting.artLevel') : null;
  el.subtitle.textContent = subtitle ?? '';
  el.subtitle.hidden = !subtitle;

  const parts = [];
  if (context.roleNote) parts.push(h('p', { class: 'notice small', role: 'note' }, context.roleNote));
  if (!context.linked) parts.push(linkSection(panel, context));
  else if (context.canStart) parts.push(startOnce(context));
  else parts.push(h('p', { class: 'secondary' }, t('start.attendeeHint')));
  if (context.linked || state.votes.length > 0) parts.push(list.element);
  keepFocus(el.view, () => {
    const same = parts.length === el.view.children.length && parts.every((p, i) => el.view.children[i] === p);
    if (!same) replace(el.view, parts);
    list.render(state.votes);
  });
}

/** The start section, built again only when what it offers changes (its Options keep what was typed). */
function startOnce(context) {
  const key = JSON.stringify([context.teams, context.canStartArtVote]);
  if (state.start?.key !== key) state.start = { key, element: startSection(panel, context) };
  return state.start.element;
}

/** Asks for the open votes (304 when unchanged) and, now and then, the whole context (new votes, roles). */
async function poll() {
  state.polls += 1;
  if (state.polls % CONTEXT_EVERY === 0 && state.context?.linked) {
    try {
      show(await page.api.context());
    } catch {
      // The next poll tries again; what is on screen stays.
    }
    return;
  }
  // The open votes, and the newest closed one a round may follow (started from the stage or by someone else).
  const followed = state.votes.find((v) => !v.open && v.canManage && !v.nextVoteId);
  const polled = [...state.votes.filter((v) => v.open).slice(0, POLLED_VOTES), ...(followed ? [followed] : [])];
  for (const vote of polled) {
    let answer;
    try {
      answer = await page.api.vote(vote.voteId, state.etags.get(vote.voteId) ?? null);
    } catch {
      continue;
    }
    if (!answer) continue;
    state.etags.set(vote.voteId, answer.etag);
    const known = state.votes.findIndex((v) => v.voteId === answer.vote.voteId);
    if (known >= 0) state.votes[known] = answer.vote;
    list.update(answer.vote);
  }
  // A round started elsewhere (the stage, another presenter): show it.
  if (state.votes.some((v) => v.nextVoteId && !state.votes.some((n) => n.voteId === v.nextVoteId))) {
    try {
      show(await page.api.context());
    } catch {
      // Next time.
    }
  }
}

/** @param {string} message */
function say(message) {
  setStatus(message, false, true);
}

/**
 * @param {string} message
 * @param {boolean} [busy]
 * @param {boolean} [hidden] spoken, not shown (the change itself is visible)
 */
function setStatus(message, busy = false, hidden = false) {
  el.view.setAttribute('aria-busy', busy ? 'true' : 'false');
  if (!message) {
    replace(el.status);
    return;
  }
  replace(el.status, h('p', { class: hidden ? 'visually-hidden' : busy ? 'loading' : null },
    busy ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null, message));
}
