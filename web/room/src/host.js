// Where the page runs: inside Teams (teams-js answers) or a plain browser (local development).
import { app, authentication } from '@microsoft/teams-js';

// How long teams-js may take to answer: in a frame or a Teams mobile web view it is Teams (a busy device or a slow
// network can take seconds, and Teams shows its loading indicator meanwhile); in a plain top-level page teams-js rejects
// at once, and this bounds the wait should it not.
const INIT_TIMEOUT_MS = 1500;
const HOSTED_INIT_TIMEOUT_MS = 15000;
const THEMES = new Set(['default', 'dark', 'contrast']);

/** "dark" | "contrast" | "default" (anything else, e.g. "glass", is shown as default). */
export function normalizeTheme(theme) {
  return THEMES.has(theme) ? theme : 'default';
}

export function applyTheme(theme) {
  const t = normalizeTheme(theme);
  document.documentElement.dataset.theme = t;
  return t;
}

/** A channel or chat id without a thread suffix ("19:abc@thread.tacv2;messageid=123" → "19:abc@thread.tacv2"). */
export function stripThread(id) {
  if (!id) return null;
  const clean = String(id).split(';')[0].trim();
  return clean === '' ? null : clean;
}

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), ms); }),
  ]);
}

/** A query or context value as a non-empty string, else null. */
function present(value) {
  if (typeof value !== 'string') return null;
  const clean = value.trim();
  return clean === '' ? null : clean;
}

/**
 * Finds the host. Returns
 * { inTeams, conversation, view ("mine" | null), theme, locale (Teams' app.locale, e.g. "de-DE"; null outside Teams),
 * subPageId, meeting (the meeting's id), chat (the meeting's chat: chat.id, else channel.id with its ;messageid=),
 * tenant (the user's tenant id), frameContext ("sidePanel", "meetingStage", "content", "task"…), onThemeChange(fn),
 * getToken() }. Locally, ?conversation=, ?view=, ?theme=, ?meeting=, ?chat=, ?tenant= and ?frame= stand in for Teams.
 */
export async function detectHost() {
  const query = new URLSearchParams(window.location.search);
  const local = {
    inTeams: false,
    conversation: stripThread(query.get('conversation')),
    view: query.get('view') === 'mine' ? 'mine' : null,
    theme: normalizeTheme(query.get('theme') ?? 'default'),
    locale: null,
    subPageId: null,
    meeting: present(query.get('meeting')),
    chat: present(query.get('chat')),
    tenant: present(query.get('tenant')),
    frameContext: present(query.get('frame')),
    onThemeChange: () => {},
    getToken: async () => null,
  };

  // Outside Teams (local development: a top-level page) teams-js rejects at once; then the page runs on its query.
  const hosted = window.parent !== window || 'nativeInterface' in window;
  let result;
  try {
    result = await withTimeout(app.initialize().then(() => 'ok'), hosted ? HOSTED_INIT_TIMEOUT_MS : INIT_TIMEOUT_MS);
  } catch {
    result = 'failed';
  }
  if (result !== 'ok') return local;

  let context;
  try {
    context = await app.getContext();
  } catch {
    return local;
  }
  const conversation = stripThread(context.channel?.id ?? context.chat?.id);
  const personal = context.page?.id === 'mine' || !conversation;
  return {
    inTeams: true,
    conversation: personal ? null : conversation,
    view: personal ? 'mine' : null,
    theme: normalizeTheme(context.app?.theme),
    locale: typeof context.app?.locale === 'string' && context.app.locale ? context.app.locale : null,
    subPageId: context.page?.subPageId || null,
    meeting: present(context.meeting?.id),
    // A channel meeting's chat is the channel's meeting thread: the server needs the whole id, ;messageid= included.
    chat: present(context.chat?.id) ?? present(context.channel?.id),
    tenant: present(context.user?.tenant?.id),
    frameContext: present(context.page?.frameContext),
    onThemeChange: (fn) => app.registerOnThemeChangeHandler((theme) => fn(normalizeTheme(theme))),
    getToken: () => authentication.getAuthToken(),
  };
}

/** Tells Teams the tab has rendered (needed when the manifest asks for a loading indicator). */
export function notifyLoaded(host) {
  if (!host.inTeams) return;
  try {
    app.notifyAppLoaded();
    Promise.resolve(app.notifySuccess()).catch(() => {});
  } catch {
    // Nothing to do: a host that shows no loading indicator does not need it.
  }
}
