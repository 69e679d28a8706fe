// static/simulated-meeting.html (local development only): the side panel, the stage and an attendee's notification
// in frames, in local-development mode (?meeting=, ?chat=, ?tenant=, ?frame=). It plays Teams' part: a started vote
// opens the attendee's ballot, "Share to stage" loads the stage, a closed notification goes away (and a 1 or 2 brings
// the concern prompt, as the bot's targeted notification would).
import { SIMULATION } from './simulation.js';

const STAGE = { large: { width: 994, height: 678 }, small: { width: 472, height: 382 } };

const query = new URLSearchParams(window.location.search);
const frames = {
  panel: /** @type {HTMLIFrameElement} */ (document.getElementById('sim-panel')),
  stage: /** @type {HTMLIFrameElement} */ (document.getElementById('sim-stage')),
  notification: /** @type {HTMLIFrameElement} */ (document.getElementById('sim-notification')),
};
const stageBox = /** @type {HTMLElement} */ (document.getElementById('sim-stage-box'));
const controls = /** @type {HTMLFormElement} */ (document.getElementById('controls'));
const select = (name) => /** @type {HTMLSelectElement} */ (controls.elements.namedItem(name));
const placeholders = {
  none: /** @type {HTMLElement} */ (document.getElementById('sim-no-notification')),
  closed: /** @type {HTMLElement} */ (document.getElementById('sim-closed')),
};

const state = {
  stageVote: query.get('stage-vote'),
  /** @type {{ page: 'ballot' | 'concern', voteId: string } | null} */
  notification: query.get('vote') ? { page: 'ballot', voteId: /** @type {string} */ (query.get('vote')) } : null,
};

select('theme').value = ['dark', 'contrast'].includes(query.get('theme') ?? '') ? /** @type {string} */ (query.get('theme')) : 'default';
select('lang').value = ['en', 'de', 'fr', 'es'].includes(query.get('lang') ?? '') ? /** @type {string} */ (query.get('lang')) : '';
select('stage').value = query.get('stage') === 'small' ? 'small' : 'large';
document.documentElement.dataset.theme = select('theme').value;

/** A page's address in local-development mode, with the meeting, the chat and the look of this page. */
function address(page, frame, extra = {}) {
  const params = new URLSearchParams();
  for (const key of ['meeting', 'chat', 'tenant']) {
    const value = query.get(key);
    if (value) params.set(key, value);
  }
  params.set('frame', frame);
  params.set('theme', select('theme').value);
  if (select('lang').value) params.set('lang', select('lang').value);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return `${page}?${params}`;
}

/** This page's own address keeps what is shown, so a reload shows it again. */
function remember() {
  const params = new URLSearchParams(window.location.search);
  for (const name of ['theme', 'lang', 'stage']) {
    if (select(name).value) params.set(name, select(name).value);
    else params.delete(name);
  }
  if (state.stageVote) params.set('stage-vote', state.stageVote);
  if (state.notification?.page === 'ballot') params.set('vote', state.notification.voteId);
  else params.delete('vote');
  history.replaceState(null, '', `${window.location.pathname}?${params}`);
}

function loadPanel() {
  frames.panel.src = address('meeting.html', 'sidePanel');
}

function loadStage() {
  frames.stage.src = address('stage.html', 'meetingStage', state.stageVote ? { vote: state.stageVote } : {});
}

function showNotification() {
  const n = state.notification;
  frames.notification.hidden = !n;
  placeholders.none.hidden = Boolean(n) || !placeholders.closed.hidden;
  if (n) {
    placeholders.closed.hidden = true;
    frames.notification.src = address(n.page === 'ballot' ? 'ballot.html' : 'concern.html', 'task', { vote: n.voteId });
  } else {
    frames.notification.removeAttribute('src');
  }
}

/** The stage at its size, the large one scaled down to the space there is. */
function sizeStage() {
  const size = STAGE[select('stage').value === 'small' ? 'small' : 'large'];
  const scale = Math.min(1, stageBox.clientWidth / size.width);
  frames.stage.width = String(size.width);
  frames.stage.height = String(size.height);
  frames.stage.style.transform = `scale(${scale})`;
  stageBox.style.height = `${Math.ceil(size.height * scale)}px`;
}

function loadAll() {
  document.documentElement.dataset.theme = select('theme').value;
  remember();
  loadPanel();
  loadStage();
  showNotification();
  sizeStage();
}

window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin) return;
  const message = event.data;
  if (!message || message.source !== SIMULATION) return;
  if (event.source === frames.panel.contentWindow && message.type === 'voteStarted' && message.voteId) {
    state.notification = { page: 'ballot', voteId: message.voteId };
    placeholders.closed.hidden = true;
    showNotification();
  } else if (event.source === frames.panel.contentWindow && message.type === 'shareToStage' && message.voteId) {
    state.stageVote = message.voteId;
    loadStage();
  } else if (event.source === frames.notification.contentWindow && message.type === 'dialogSubmitted') {
    const wasBallot = state.notification?.page === 'ballot';
    state.notification = wasBallot && message.voteId && (message.value === 1 || message.value === 2)
      ? { page: 'concern', voteId: message.voteId }
      : null;
    placeholders.closed.hidden = state.notification !== null;
    showNotification();
  }
  remember();
});

controls.addEventListener('change', loadAll);
new ResizeObserver(sizeStage).observe(stageBox);

const missing = !query.get('meeting') || !query.get('chat');
/** @type {HTMLElement} */ (document.getElementById('sim-missing')).hidden = !missing;
loadAll();
