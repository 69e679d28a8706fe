// The vote's deadline counted down on this page's clock, corrected by the server's (serverTime in each answer).

/**
 * The server's clock minus this page's, in ms, from an answer's serverTime and when the answer arrived.
 * @param {string | null | undefined} serverTime ISO-8601
 * @param {number} [receivedAt]
 */
export function clockSkew(serverTime, receivedAt = Date.now()) {
  const server = serverTime ? Date.parse(serverTime) : NaN;
  return Number.isFinite(server) ? server - receivedAt : 0;
}

/**
 * The ms left until the deadline by the server's clock (at least 0), or null without a (readable) deadline.
 * @param {string | null | undefined} deadline ISO-8601
 * @param {number} skew from clockSkew
 * @param {number} [now]
 */
export function remainingMs(deadline, skew, now = Date.now()) {
  const end = deadline ? Date.parse(deadline) : NaN;
  if (!Number.isFinite(end)) return null;
  return Math.max(0, end - (now + skew));
}

/** "4:05" or "1:02:03" for a duration in ms, rounded up to the second (0:00 only at the end). */
export function formatRemaining(ms) {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
