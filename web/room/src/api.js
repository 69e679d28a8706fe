// The ART room API client (README, "ART room API"): JSON views and their CSV twins, with the Teams SSO token.
// Requests ask for the page's language (Accept-Language), so the API's own texts (errors, names) match the page.
// The views' names, parameters and answers are typed from the API's OpenAPI document (src/api/views.d.ts).
import { t, language } from './i18n/index.js';

/** @typedef {import('./api/views').JsonView} JsonView */
/** @typedef {import('./api/views').CsvView} CsvView */

/** A failure people can read: kind is "auth" | "notFound" | "network" | "server". */
export class RoomError extends Error {
  /**
   * @param {string} kind
   * @param {string} message
   * @param {number} [status]
   * @param {any} [problem] the answer's JSON body, when it had one (a 409's details)
   */
  constructor(kind, message, status = 0, problem = null) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.problem = problem;
  }
}

/** What a failed write's HTTP status means for the page (RoomError.kind). */
const SEND_KINDS = { 400: 'invalid', 401: 'auth', 403: 'forbidden', 404: 'notFound', 409: 'conflict' };

/** A problem's readable title: short and on one line (no stack traces on screen), else null. */
function readableTitle(problem) {
  const title = typeof problem?.title === 'string' ? problem.title.trim() : '';
  return title && title.length <= 200 && !title.includes('\n') ? title : null;
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
     * Any request to /api/room/<path> (the board's writes and its conditional GET): a JSON body, an If-None-Match.
     * Answers the response when it is 2xx or 304; else throws a RoomError whose message is the problem's title and
     * whose problem is the answer's JSON (a 409's details).
     * @param {string} method
     * @param {string} path
     * @param {{ params?: object, body?: object, etag?: string | null }} [options]
     * @returns {Promise<Response>}
     */
    async send(method, path, { params, body, etag = null } = {}) {
      const h = await headers('application/json');
      if (body !== undefined) h['Content-Type'] = 'application/json';
      if (etag) h['If-None-Match'] = etag;
      let response;
      try {
        response = await fetch(url(path, params), {
          method,
          headers: h,
          body: body === undefined ? undefined : JSON.stringify(body),
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch {
        throw new RoomError('network', t('api.unreachable'));
      }
      if (response.ok || response.status === 304) return response;
      let problem = null;
      try {
        if ((response.headers.get('Content-Type') ?? '').includes('json')) problem = await response.json();
      } catch {
        // No readable body: the generic text below.
      }
      const fallback = response.status >= 500 ? t('api.serverProblem') : t('api.requestFailed', String(response.status));
      throw new RoomError(SEND_KINDS[response.status] ?? 'server', readableTitle(problem) ?? fallback, response.status, problem);
    },
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
    const title = readableTitle(await response.json());
    if (title) return title;
  } catch {
    // Fall through to the generic text.
  }
  return fallback;
}
