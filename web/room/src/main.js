// The ART room: ArtBot's Teams tab. Finds where it runs, reads /api/room/*, and shows the ART's views.
import { detectHost, applyTheme, normalizeTheme, notifyLoaded } from './host.js';
import { createApi } from './api.js';
import { h, replace, text, piName, piTitle, dayShort, dayLong } from './dom.js';
import { t, tx, chooseLanguage, setLanguage } from './i18n/index.js';
import { destroyCharts, refreshCharts } from './charts.js';
import { needsArt } from './views/common.js';
import { renderOverview } from './views/overview.js';
import { renderRisks } from './views/risks.js';
import { renderSync } from './views/sync.js';
import { renderImprovements } from './views/improvements.js';
import { renderPredictability } from './views/predictability.js';
import { renderReview } from './views/review.js';
import { renderDemos } from './views/demos.js';
import { renderDependencies } from './views/dependencies.js';
import { renderMine } from './views/mine.js';
import { renderBoard } from './views/board.js';

/** @typedef {import('./api/views').Schemas} Schemas */
/** @typedef {Exclude<import('./api/views').JsonView, 'context'>} ViewId */
/**
 * A view: its name in the page's language, and how it shows the API's answer for it.
 * @template {ViewId} V
 * @typedef {{ label: () => string, render: (data: import('./api/views').Answer<V>, env: import('./views/common.js').ViewEnv) => any }} View
 */

/**
 * The views, by the name the API uses for the JSON path, the CSV path and context.views.
 * @type {{ [V in ViewId]: View<V> }}
 */
const VIEWS = {
  overview: { label: () => t('view.overview'), render: renderOverview },
  risks: { label: () => t('view.risks'), render: renderRisks },
  sync: { label: () => t('view.sync'), render: renderSync },
  demos: { label: () => t('view.demos'), render: renderDemos },
  improvements: { label: () => t('view.improvements'), render: renderImprovements },
  predictability: { label: () => t('view.predictability'), render: renderPredictability },
  review: { label: () => t('view.review'), render: renderReview },
  board: { label: () => t('view.board'), render: renderBoard },
  dependencies: { label: () => t('view.dependencies'), render: renderDependencies },
  mine: { label: () => t('view.mine'), render: renderMine },
};

/** The page's parts (static/index.html has them all). */
const el = {
  eyebrow: byId('eyebrow'),
  title: byId('title'),
  meta: byId('meta'),
  nav: byId('nav'),
  status: byId('status'),
  view: byId('view'),
};

/**
 * @type {{ host: any, api: ReturnType<typeof createApi>, context: Schemas['RoomContext'] | null, views: ViewId[],
 *   current: { id: ViewId, params: Record<string, any> } | null, loads: number, viewState: Record<string, Record<string, any>>,
 *   notified: boolean, shell: any, leave: (() => void)[] }}
 */
const state = {
  host: null,
  api: /** @type {any} */ (null), // set by start() before any view loads
  context: null,
  views: [],
  current: null,
  loads: 0,
  viewState: {},
  notified: false,
  shell: null,
  leave: [],
};

// A theme and a language given in the URL apply before anything loads (local development); in Teams, Teams' own
// locale and theme replace them as soon as teams-js answers.
const query = new URLSearchParams(window.location.search);
applyTheme(normalizeTheme(query.get('theme') ?? 'default'));
useLanguage(chooseLanguage({ query: query.get('lang'), browser: navigator.language }));

start();

/** @param {string} id */
function byId(id) {
  return /** @type {HTMLElement} */ (document.getElementById(id));
}

/** Sets the page's language and the texts of the page itself (title, heading, navigation's name). */
function useLanguage(choice) {
  setLanguage(choice);
  document.title = t('app.title');
  el.title.textContent = t('app.title');
  el.nav.setAttribute('aria-label', t('app.views'));
}

async function start() {
  setStatus(t('app.loading'), { busy: true });
  const host = await detectHost();
  state.host = host;
  if (host.inTeams) {
    useLanguage(chooseLanguage({ teamsLocale: host.locale, browser: navigator.language }));
    setStatus(t('app.loading'), { busy: true });
  }
  state.api = createApi(host);
  applyTheme(host.theme);
  host.onThemeChange((theme) => {
    applyTheme(theme);
    refreshCharts();
  });

  if (host.view === 'mine') {
    showPersonal();
    return;
  }
  if (!host.conversation) {
    setHeader({ title: t('app.title') });
    setStatus('');
    replace(el.view, h('div', { class: 'notice' },
      h('h2', {}, t('app.openFromTeams')),
      h('p', {}, t('app.openFromTeamsDetail')),
      h('p', { class: 'secondary' }, tx('app.localDevelopment', h('code', {}, t('app.localConversation')), h('code', {}, '?view=mine')))));
    loaded();
    return;
  }
  await loadContext();
}

function loaded() {
  if (state.notified) return;
  state.notified = true;
  notifyLoaded(state.host);
}

// ---------- status and errors ----------

function setStatus(message, { busy = false, hidden = false } = {}) {
  el.view.setAttribute('aria-busy', busy ? 'true' : 'false');
  if (!message) {
    replace(el.status);
    return;
  }
  replace(el.status, h('p', { class: hidden ? 'visually-hidden' : busy ? 'loading' : null },
    busy ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null, message));
}

function errorText(error) {
  switch (error?.kind) {
    case 'auth':
      return { title: t('error.authTitle'), detail: t('error.authDetail', error.message), retry: true };
    case 'notFound':
      return { title: t('error.notFoundTitle'), detail: t('error.notFoundDetail'), retry: false };
    case 'network':
      return { title: t('error.networkTitle'), detail: t('error.networkDetail'), retry: true };
    case 'server':
      return { title: t('error.serverTitle'), detail: error.message, retry: true };
    default:
      return { title: t('error.otherTitle'), detail: t('error.otherDetail'), retry: true };
  }
}

/** An error people can read, with a retry button when retrying can help. */
function errorBlock(error, retry) {
  if (!(error?.kind)) console.error(error); // For developers only; the page shows plain words.
  const e = errorText(error);
  return h('div', { class: 'error', role: 'alert' },
    h('p', { class: 'error-title' }, e.title),
    h('p', {}, e.detail),
    e.retry && retry ? h('button', { type: 'button', class: 'button', onClick: retry }, t('error.tryAgain')) : null);
}

// ---------- header ----------

/** @param {{ eyebrow?: string | null, title: string, meta?: any[] }} header */
function setHeader({ eyebrow = null, title, meta = [] }) {
  el.eyebrow.textContent = eyebrow ?? '';
  el.eyebrow.hidden = !eyebrow;
  el.title.textContent = title;
  document.title = title === t('app.title') ? title : t('app.documentTitle', title);
  replace(el.meta, meta.filter(Boolean).map((m) => h('li', {}, m)));
  el.meta.hidden = meta.filter(Boolean).length === 0;
}

/** @param {Schemas['RoomIteration'][]} iterations */
function currentIteration(iterations) {
  const today = new Date().toISOString().slice(0, 10);
  return (iterations ?? []).find((i) => i.start <= today && today <= i.end) ?? null;
}

/** @param {Schemas['RoomContext']} context */
function headerFromContext(context) {
  const art = context.art;
  const user = context.user?.name ? t('header.signedInAs', context.user.name) : null;
  if (!art) {
    setHeader({
      eyebrow: null,
      title: t('app.title'),
      meta: [context.scope === 'chat' ? t('header.chatItems') : t('header.channelItems'), user],
    });
    return;
  }
  const pi = art.pi;
  const piText = pi
    ? [h('strong', {}, piTitle(text(piName(pi)))), pi.start && pi.end ? ` ${t('header.piDates', dayShort(pi.start), dayLong(pi.end))}` : '']
    : t('header.noPi');
  const it = pi ? currentIteration(art.iterations) : null;
  setHeader({
    eyebrow: t('app.title'),
    title: text(art.name, 'ART'),
    meta: [
      context.scope === 'team' && context.team ? [h('span', { class: 'meta-key' }, `${t('header.team')} `), h('strong', {}, text(context.team.name))] : null,
      piText,
      it ? (it.isIp ? t('header.ipIterationNow') : t('header.iterationNow', it.number)) : null,
      user,
    ],
  });
}

// ---------- context and navigation ----------

async function loadContext() {
  setStatus(t('app.loading'), { busy: true });
  /** @type {Schemas['RoomContext']} */
  let context;
  try {
    context = await state.api.json('context', { conversation: state.host.conversation });
  } catch (error) {
    setHeader({ title: t('app.title') });
    setStatus('');
    replace(el.view, errorBlock(error, () => loadContext()));
    loaded();
    return;
  }
  state.context = context;
  headerFromContext(context);
  state.views = (Array.isArray(context.views) ? context.views : [])
    .map((v) => String(v).toLowerCase())
    .filter(isView)
    .filter((v) => v !== 'mine');
  if (state.views.length === 0) {
    setStatus('');
    replace(el.view, h('div', { class: 'notice' }, h('h2', {}, t('app.nothingYet')),
      h('p', {}, tx('app.nothingYetDetail', h('code', {}, '@ArtBot art setup')))));
    loaded();
    return;
  }
  buildNav();
  window.addEventListener('hashchange', () => {
    const id = viewFromHash();
    if (id && id !== state.current?.id) showView(id);
  });
  const wanted = viewFromHash() ?? (state.views.includes(state.host.subPageId) ? state.host.subPageId : null);
  showView(wanted ?? state.views[0]);
}

/**
 * @param {string} id
 * @returns {id is ViewId}
 */
function isView(id) {
  return Object.prototype.hasOwnProperty.call(VIEWS, id);
}

/** @returns {ViewId | null} */
function viewFromHash() {
  const id = window.location.hash.replace(/^#/, '').toLowerCase();
  return isView(id) && state.views.includes(id) ? id : null;
}

function buildNav() {
  const buttons = state.views.map((id) => h('li', {}, h('button', {
    type: 'button',
    class: 'tab',
    dataset: { view: id },
    onClick: () => showView(id),
  }, VIEWS[id].label())));
  const list = h('ul', { class: 'tabs' }, buttons);
  // Arrow keys, Home and End move between the view buttons (Tab and Enter work as usual).
  list.addEventListener('keydown', (e) => {
    const all = [...list.querySelectorAll('button')];
    const i = all.indexOf(document.activeElement);
    if (i < 0) return;
    /** @type {HTMLButtonElement | null} */
    let next = null;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = all[(i + 1) % all.length];
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = all[(i - 1 + all.length) % all.length];
    else if (e.key === 'Home') next = all[0];
    else if (e.key === 'End') next = all[all.length - 1];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  });
  replace(el.nav, list);
  el.nav.hidden = false;
}

function markNav(id) {
  for (const b of el.nav.querySelectorAll('button[data-view]')) {
    if (b.getAttribute('data-view') === id) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
}

function showPersonal() {
  setHeader({ eyebrow: null, title: t('app.title'), meta: [t('header.mineItems')] });
  state.views = ['mine'];
  showView('mine');
}

// ---------- views ----------

/**
 * Shows a view: reads its JSON from the API and renders it.
 * @template {ViewId} V
 * @param {V} id
 * @param {Record<string, any>} [params]
 * @param {{ focusHeading?: boolean, reload?: boolean }} [options]
 */
async function showView(id, params = {}, { focusHeading = false, reload = false } = {}) {
  const view = VIEWS[id];
  const label = view.label();
  const load = ++state.loads;
  // What the shown view keeps running (the board's polling) stops before another view, or the same one again, loads.
  for (const stop of state.leave.splice(0)) stop();
  state.current = { id, params };
  markNav(id);
  if (id !== 'mine' && window.location.hash !== `#${id}`) {
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${id}`);
  }

  // A reload of the same view (a filter changed) keeps what is on screen, so the control keeps focus.
  let shell = reload && state.shell?.id === id && state.shell.body.isConnected ? state.shell : null;
  if (!shell) {
    destroyCharts();
    const csv = h('button', { type: 'button', class: 'button secondary-button', disabled: true, onClick: () => downloadCsv(id, csv) },
      h('span', { class: 'glyph', 'aria-hidden': 'true' }, '↓'), t('csv.download'));
    const body = h('div', { class: 'view-body' }, h('p', { class: 'placeholder' }, t('view.loading', label)));
    const heading = h('h2', { id: 'view-title', tabindex: '-1' }, label);
    replace(el.view, h('section', { class: 'view', 'aria-labelledby': 'view-title' },
      h('div', { class: 'view-head' }, heading, csv), body));
    shell = { id, body, csv, heading };
    state.shell = shell;
  }
  setStatus(t('view.loading', label), { busy: true });
  if (focusHeading) shell.heading.focus();

  const query = id === 'mine' ? { ...params } : { conversation: state.host.conversation, ...params };
  /** @type {import('./api/views').Answer<V>} */
  let data;
  try {
    data = await state.api.json(id, /** @type {import('./api/views').Query<V>} */ (query));
  } catch (error) {
    if (load !== state.loads) return;
    setStatus('');
    destroyCharts();
    shell.csv.disabled = true;
    replace(shell.body, errorBlock(error, () => showView(id, params, { focusHeading: true })));
    loaded();
    return;
  }
  if (load !== state.loads) return;

  const focusKey = /** @type {HTMLElement | null} */ (document.activeElement)?.dataset?.focusKey ?? null;
  destroyCharts();
  try {
    // Every view of an ART says whether the ART's data is there (My ART work always is).
    if (/** @type {Partial<Pick<import('./api/views').Answer<Exclude<ViewId, 'mine'>>, 'available'>>} */ (data)?.available === false) {
      shell.csv.disabled = true;
      replace(shell.body, needsArt());
    } else {
      const env = {
        context: state.context,
        params,
        state: (state.viewState[id] ??= {}),
        reload: (next) => showView(id, { ...params, ...next }, { reload: true }),
        api: state.api,
        host: state.host,
        onLeave: (stop) => { state.leave.push(stop); },
      };
      replace(shell.body, view.render(data, env));
      shell.csv.disabled = false;
    }
    setStatus(t('view.loaded', label), { hidden: true });
  } catch (error) {
    setStatus('');
    shell.csv.disabled = true;
    replace(shell.body, errorBlock(error, () => showView(id, params, { focusHeading: true })));
  }
  if (focusKey) shell.body.querySelector(`[data-focus-key="${focusKey}"]`)?.focus();
  loaded();
}

/**
 * @param {ViewId} id
 * @param {HTMLButtonElement} button
 */
async function downloadCsv(id, button) {
  const params = state.current?.id === id ? state.current.params : {};
  const query = id === 'mine' ? { ...params } : { conversation: state.host.conversation, ...params };
  if (button.getAttribute('aria-disabled') === 'true') return;
  const label = /** @type {ChildNode} */ (button.lastChild);
  // aria-disabled, not disabled: the button keeps keyboard focus while the file downloads.
  button.setAttribute('aria-disabled', 'true');
  label.textContent = t('csv.downloading');
  try {
    await state.api.downloadCsv(id, query);
    setStatus(t('csv.downloaded', `art-room-${id}.csv`), { hidden: true });
  } catch (error) {
    setStatus(t('csv.failed', errorText(error).title));
  } finally {
    label.textContent = t('csv.download');
    button.removeAttribute('aria-disabled');
  }
}
