// The meeting API client (/api/meeting, issue 26): every call names the meeting and its chat; answers are typed by
// src/api/meeting.d.ts. Failures become RoomErrors whose message is the server's localized problem title.
import { RoomError, apiHeaders, problemTitle } from '../api.js';
import { t } from '../i18n/index.js';

/** @typedef {import('../api/meeting').MeetingContext} MeetingContext */
/** @typedef {import('../api/meeting').LiveVote} LiveVote */
/** @typedef {import('../api/meeting').StartVoteRequest} StartVoteRequest */
/** @typedef {import('../api/meeting').ConcernCreated} ConcernCreated */
/** @typedef {import('../api/meeting').RiskRaised} RiskRaised */

/** What an HTTP status means for the page (RoomError.kind). */
const KINDS = { 400: 'invalid', 401: 'auth', 403: 'forbidden', 404: 'notFound', 409: 'closed', 503: 'unavailable' };

/**
 * @param {{ inTeams: boolean, meeting: string | null, chat: string | null, tenant: string | null, getToken: () => Promise<string | null> }} host
 */
export function createMeetingApi(host) {
  /**
   * @param {string} method
   * @param {string} path after /api/meeting/
   * @param {{ query?: Record<string, string | null>, body?: object, etag?: string | null }} [options]
   */
  async function send(method, path, { query = {}, body, etag = null } = {}) {
    const headers = await apiHeaders(host, 'application/json');
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (etag) headers['If-None-Match'] = etag;
    const url = new URL(`/api/meeting/${path}`, window.location.origin);
    for (const [key, value] of Object.entries(query)) if (value) url.searchParams.set(key, value);
    let response;
    try {
      response = await fetch(url.toString(), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new RoomError('network', t('api.unreachable'));
    }
    if (response.ok || response.status === 304) return response;
    const kind = KINDS[response.status] ?? 'server';
    throw new RoomError(kind, await problemTitle(response), response.status);
  }

  /** @param {Response} response */
  async function json(response) {
    try {
      return await response.json();
    } catch {
      throw new RoomError('server', t('api.unreadable'), response.status);
    }
  }

  const where = () => ({ meeting: host.meeting ?? '', chat: host.chat ?? '' });
  const vote = (id) => `votes/${encodeURIComponent(id)}`;

  return {
    /** @returns {Promise<MeetingContext>} */
    async context() {
      return json(await send('GET', 'context', { query: { ...where(), tenant: host.tenant } }));
    },
    /**
     * @param {string} artId
     * @param {string | null} team
     * @returns {Promise<MeetingContext>}
     */
    async link(artId, team) {
      return json(await send('POST', 'link', { body: { ...where(), artId, team } }));
    },
    /**
     * @param {Omit<StartVoteRequest, 'meeting' | 'chat'>} start
     * @returns {Promise<LiveVote>}
     */
    async start(start) {
      return json(await send('POST', 'votes', { body: { ...where(), ...start } }));
    },
    /**
     * The vote, or null when it is unchanged since etag (304).
     * @param {string} id
     * @param {string | null} [etag]
     * @returns {Promise<{ vote: LiveVote, etag: string | null } | null>}
     */
    async vote(id, etag = null) {
      const response = await send('GET', vote(id), { etag });
      if (response.status === 304) return null;
      return { vote: await json(response), etag: response.headers.get('ETag') };
    },
    /**
     * @param {string} id
     * @param {1 | 2 | 3 | 4 | 5} value
     * @returns {Promise<LiveVote>}
     */
    async ballot(id, value) {
      return json(await send('POST', `${vote(id)}/ballot`, { body: { value } }));
    },
    /** @returns {Promise<LiveVote>} */
    async close(id) {
      return json(await send('POST', `${vote(id)}/close`));
    },
    /** @returns {Promise<LiveVote>} the next round */
    async again(id) {
      return json(await send('POST', `${vote(id)}/again`));
    },
    /**
     * @param {string} id
     * @param {string} text
     * @returns {Promise<ConcernCreated>}
     */
    async concern(id, text) {
      return json(await send('POST', `${vote(id)}/concerns`, { body: { text } }));
    },
    /** @returns {Promise<RiskRaised>} */
    async raiseRisk(id, concernId) {
      return json(await send('POST', `${vote(id)}/concerns/${encodeURIComponent(concernId)}/risk`));
    },
  };
}

/** @typedef {ReturnType<typeof createMeetingApi>} MeetingApi */
