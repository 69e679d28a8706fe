// What every meeting page does first: the theme and language from the address, then from Teams; the API client.
import { detectHost, applyTheme, normalizeTheme, notifyLoaded } from '../host.js';
import { chooseLanguage, setLanguage } from '../i18n/index.js';
import { createMeetingApi } from './api.js';
import { h, replace } from '../dom.js';
import { errorBlock } from './errors.js';

/** @typedef {Awaited<ReturnType<typeof detectHost>>} Host */

/**
 * Starts a meeting page. texts() sets the page's own texts; it runs again when Teams' locale is known.
 * @param {() => void} texts
 * @returns {Promise<{ host: Host, api: import('./api.js').MeetingApi, query: URLSearchParams, loaded: () => void }>}
 */
export async function startPage(texts) {
  const query = new URLSearchParams(window.location.search);
  applyTheme(normalizeTheme(query.get('theme') ?? 'default'));
  setLanguage(chooseLanguage({ query: query.get('lang'), browser: navigator.language }));
  texts();
  const host = await detectHost();
  if (host.inTeams) {
    setLanguage(chooseLanguage({ teamsLocale: host.locale, browser: navigator.language }));
    texts();
  }
  applyTheme(host.theme);
  host.onThemeChange((theme) => applyTheme(theme));
  if (host.frameContext) document.documentElement.dataset.frame = host.frameContext;
  let notified = false;
  const loaded = () => {
    if (notified) return;
    notified = true;
    notifyLoaded(host);
  };
  return { host, api: createMeetingApi(host), query, loaded };
}

/** @param {string} id */
export function byId(id) {
  return /** @type {HTMLElement} */ (document.getElementById(id));
}

/**
 * Runs change (which may rebuild part of container), then gives the focus back to the control that had it: the one
 * with the same data-focus-key, else the element named by its scope's data-focus-scope (a heading with tabindex -1),
 * so a live update never throws a keyboard user out.
 * @param {HTMLElement} container
 * @param {() => void} change
 */
export function keepFocus(container, change) {
  const active = /** @type {HTMLElement | null} */ (document.activeElement);
  const inside = active !== null && container.contains(active);
  const key = inside ? active.dataset.focusKey ?? null : null;
  const scope = inside ? /** @type {HTMLElement | null} */ (active.closest('[data-focus-scope]'))?.dataset.focusScope ?? null : null;
  change();
  if (!inside || (active.isConnected && document.activeElement === active)) return;
  const find = (k) => (k ? /** @type {HTMLElement | null} */ (container.querySelector(`[data-focus-key="${CSS.escape(k)}"]`)) : null);
  // Not scrolled to: the control is where the old one was, and a poll must not pull the panel back while someone reads it.
  (find(key) ?? find(scope))?.focus({ preventScroll: true });
}

/**
 * Runs an action of a button once at a time (aria-disabled while it runs, so the button keeps the focus); shows a
 * failure in alerts.
 * @param {HTMLElement} button
 * @param {HTMLElement} alerts
 * @param {() => Promise<void>} work
 */
export async function act(button, alerts, work) {
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  replace(alerts);
  try {
    await work();
  } catch (error) {
    replace(alerts, errorBlock(error));
  } finally {
    button.removeAttribute('aria-disabled');
  }
}

/**
 * Shows a status line in `container` (empty message: clears it); while `busy`, with a spinner.
 * @param {HTMLElement} container
 * @param {string} message
 * @param {boolean} [busy]
 * @param {string | null} [doneClass] the line's class when not busy
 */
export function showStatus(container, message, busy = false, doneClass = null) {
  if (!message) {
    replace(container);
    return;
  }
  replace(container, h('p', { class: busy ? 'loading' : doneClass },
    busy ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : null, message));
}
