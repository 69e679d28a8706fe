// The ART room API client (README, "ART room API"): JSON views and their CSV twins, with the Teams SSO token.
// Requests ask for the page's language (Accept-Language), so the API's own texts (errors, names) match the page.
// The views' names, parameters and answers are typed from the API's OpenAPI document (src/api/views.d.ts).
import { t, language } from './i18n/index.js';

/** @typedef {import('./api/views').JsonView} JsonView */
/** @typedef {import('./api/views').CsvView} CsvView */

/** A failure people can read: kind is "auth" | "notFound" | "network" | "server". */
export class RoomError extends Error {
  constructor(kind, message, status = 0) {
    super(message);
    this.kind = kind;
    this.status = status;
  }
}

/**
 * The headers of an API request: Accept, the page's language and, in Teams, the SSO token (none in local development).
 * @param {{ inTeams: boolean, getToken: () => Promise<string | null> }} host
 * @param {string} accept
 * @returns {Promise<Record<string, string>>}
 */
export async function apiHeaders(host, accept) {
  /** @type {Record<string, string>} */
  const result = { Accept: accept, 'Accept-Language': language() };
  if (!host.inTeams) return result;
  let token;
  try {
    token = await host.getToken();
  } catch {
    throw new RoomError('auth', t('api.noToken'));
  }
  if (!token) throw new RoomError('auth', t('api.noToken'));
  result.Authorization = `Bearer ${token}`;
  return result;
}

export function createApi(host) {
  const headers = (accept) => apiHeaders(host, accept);

  /**
   * @param {string} path
   * @param {object} [params]
   */
  function url(path, params) {
    const u = new URL(`/api/room/${path}`, window.location.origin);
    for (const [key, value] of Object.entries(params ?? {})) {
      if (value !== undefined && value !== null && value !== '') u.searchParams.set(key, value);
    }
    return u.toString();
  }

  /**
   * @param {string} path
   * @param {object | undefined} params
   * @param {string} accept
   */
  async function request(path, params, accept) {
    const h = await headers(accept);
    let response;
    try {
      response = await fetch(url(path, params), { headers: h, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw new RoomError('network', t('api.unreachable'));
    }
    if (response.ok) return response;
    if (response.status === 401) {
      throw new RoomError('auth', t('api.signInRejected'), 401);
    }
    if (response.status === 404 || response.status === 403) {
      throw new RoomError('notFound', t('error.notFoundTitle'), response.status);
    }
    throw new RoomError('server', await problemTitle(response), response.status);
  }

  return {
    /**
     * GET /api/room/<path> as JSON.
     * @template {JsonView} V
     * @param {V} path
     * @param {import('./api/views').Query<V>} [params]
     * @returns {Promise<import('./api/views').Answer<V>>}
     */
    async json(path, params) {
      const response = await request(path, params, 'application/json');
      try {
        return await response.json();
      } catch {
        throw new RoomError('server', t('api.unreadable'), response.status);
      }
    },
    /**
     * GET /api/room/<view>.csv and save it as art-room-<view>.csv.
     * @template {CsvView} V
     * @param {V} view
     * @param {import('./api/views').Query<`${V}.csv`>} [params]
     */
    async downloadCsv(view, params) {
      const response = await request(`${view}.csv`, params, 'text/csv');
      const blob = await response.blob();
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = `art-room-${view}.csv`;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    },
  };
}

/** The problem details' title of a failed answer when it is readable, else a generic text. */
export async function problemTitle(response) {
  const fallback = response.status >= 500
    ? t('api.serverProblem')
    : t('api.requestFailed', String(response.status));
  try {
    const type = response.headers.get('Content-Type') ?? '';
    if (!type.includes('json')) return fallback;
    const problem = await response.json();
    const title = typeof problem?.title === 'string' ? problem.title.trim() : '';
    // A readable title only: nothing long or multi-line (no stack traces on screen).
    if (title && title.length <= 200 && !title.includes('\n')) return title;
  } catch {
    // Fall through to the generic text.
  }
  return fallback;
}
