// A stand-in for ArtBot in the board page's checks: serves web/room/dist and answers /api/room/* from a board fixture,
// with ETags, moves (409 when the part moved meanwhile), capacity, milestones, features, history, risks, proposals.
// /test/other-move?feature=&team=&from=&to= is another person's move; /test/log lists the requests.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { makeBoard } from './fixture.mjs';

/**
 * @param {string} dist
 * @param {'big' | 'small'} size
 * @returns {Promise<{ url: string, close: () => void }>}
 */
export function startServer(dist, size = 'big') {
  let board = size === 'small' ? makeBoard({ teams: 3, features: 6, strings: 4 }) : makeBoard();
  let version = 1;
  const history = new Map();
  const log = [];
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const json = (res, status, body, headers = {}) => { res.writeHead(status, { 'Content-Type': 'application/json', ...headers }); res.end(JSON.stringify(body)); };
  const bodyOf = (req) => new Promise((r) => { let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => r(b ? JSON.parse(b) : null)); });

  function moveFeature(m, who) {
    const f = board.features.find((x) => x.id === m.featureId);
    const p = f?.parts.find((x) => x.team === m.team);
    if (!p) return { status: 404 };
    if (p.iteration !== m.from) return { status: 409, body: { title: 'Moved meanwhile', detail: `Someone else moved this feature to ${p.iteration === null ? 'not planned' : `iteration ${p.iteration}`}.`, current: f } };
    (history.get(f.id) ?? history.set(f.id, []).get(f.id)).push({ at: new Date().toISOString(), by: who, field: 'iteration', from: String(m.from), to: String(m.to) });
    p.iteration = m.to;
    f.version = `v${++version}`;
    version++;
    return { status: 200, body: f };
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  log.push(`${req.method} ${url.pathname}`);
  const p = url.pathname;
  if (p === '/test/other-move') { const r = moveFeature({ featureId: url.searchParams.get('feature'), team: url.searchParams.get('team'), from: url.searchParams.get('from') === '' ? null : Number(url.searchParams.get('from')), to: Number(url.searchParams.get('to')) }, 'Other Person'); return json(res, r.status, r.body ?? {}); }
  if (p === '/test/log') return json(res, 200, log);
  if (p === '/api/room/context') return json(res, 200, { scope: 'channel', art: { id: 'a1', name: 'Orion ART', pi: { name: '2026.3', start: '2026-07-06', end: '2026-09-13' }, iterations: board.iterations.map(({ isCurrent, ...i }) => i) }, team: null, teams: [], user: { name: 'Rita RTE' }, views: ['overview', 'board', 'dependencies'] });
  if (p === '/api/room/board' && req.method === 'GET') {
    const etag = `"b${version}"`;
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, { ETag: etag }); return res.end(); }
    return json(res, 200, board, { ETag: etag });
  }
  if (p === '/api/room/board.csv') { res.writeHead(200, { 'Content-Type': 'text/csv' }); return res.end('kind,id,title\n'); }
  if (p === '/api/room/board/moves') { const r = moveFeature(await bodyOf(req), 'Rita RTE'); return json(res, r.status, r.body ?? { title: 'Not found' }); }
  if (p === '/api/room/board/capacity') {
    const b = await bodyOf(req); const tm = board.teams.find((x) => x.conversationId === b.team); const l = tm.load.find((x) => x.iteration === b.iteration);
    l.capacity = b.points; l.over = b.points !== null && l.load > b.points; version++; return json(res, 200, tm);
  }
  if (p === '/api/room/board/milestones' && req.method === 'POST') { const b = await bodyOf(req); const m = { id: `M${Date.now()}`, ...b, iteration: 2 }; board.milestones.push(m); version++; return json(res, 201, m); }
  if (p.startsWith('/api/room/board/milestones/') && req.method === 'DELETE') { board.milestones = board.milestones.filter((m) => m.id !== decodeURIComponent(p.split('/').pop())); version++; res.writeHead(204); return res.end(); }
  if (p === '/api/room/board/features') { const b = await bodyOf(req); const f = { id: `F${Date.now()}`, title: b.title, description: null, businessValue: b.businessValue, wsjf: null, state: 'backlog', sourceUrl: null, sourceId: null, parts: b.teams.map((tm) => ({ team: tm, teamName: board.teams.find((x) => x.conversationId === tm)?.name ?? tm, iteration: null, points: null })), objectives: [], version: 'v1' }; board.features.push(f); version++; return json(res, 201, f); }
  const hist = /^\/api\/room\/board\/features\/([^/]+)\/history$/.exec(p);
  if (hist) return json(res, 200, { featureId: hist[1], changes: [{ at: '2026-07-07T09:12:00Z', by: 'Bob', field: 'created', from: null, to: null }, ...(history.get(decodeURIComponent(hist[1])) ?? [])] });
  const risk = /^\/api\/room\/board\/strings\/([^/]+)\/risk$/.exec(p);
  if (risk) { const c = board.conflicts.find((x) => x.dependencyId === risk[1]); if (c) c.riskId = 'R9'; version++; return json(res, 200, { riskId: 'R9' }); }
  if (/^\/api\/room\/board\/strings\/[^/]+\/proposal$/.test(p)) { await bodyOf(req); res.writeHead(202); return res.end(); }
  if (p.startsWith('/api/')) return json(res, 404, { title: 'Not here' });
  try {
    const file = join(dist, p === '/' || p === '/room/' ? 'index.html' : p.replace(/^\/room\//, '/'));
    const data = await readFile(file);
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(data);
  } catch { res.writeHead(404); res.end(); }
});
return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

