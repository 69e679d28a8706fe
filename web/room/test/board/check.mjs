// The board page's checks in headless Chromium against server.mjs (no ArtBot needed): build first (npm run build), then
//   node test/board/check.mjs        (from web/room; needs /usr/bin/chromium and the dev tools' node_modules)
// Big fixture (12 teams x 5 iterations x 150 features x 80 strings): usable time, axe in light/dark/contrast and at
// 280 px, moves by keyboard, a 409 from another person's move, history, raising a risk, counts, filters, live update,
// PNG, resize, and that polling stops when the view changes. Small fixture: German, axe with menus, forms and a dialog.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const tools = resolve(here, '../../../../.dev/node_modules');
const { chromium } = await import(resolve(tools, 'playwright-core/index.mjs'));
const axeSource = await readFile(resolve(tools, 'axe-core/axe.min.js'), 'utf8');
const dist = resolve(here, '../../dist');
const problems = [];
const expect = (what, ok, detail = '') => { console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? `: ${detail}` : ''}`); if (!ok) problems.push(what); };

const big = await startServer(dist, 'big');
const small = await startServer(dist, 'small');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });

async function open(base, { width = 1400, height = 900, query = '' } = {}) {
  const p = await (await browser.newContext({ viewport: { width, height }, acceptDownloads: true })).newPage();
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await p.route('**/*', (r) => (r.request().url().startsWith(base) ? r.continue() : r.abort()));
  await p.goto(`${base}/room/index.html?conversation=19:x${query}#board`);
  await p.waitForFunction(() => document.querySelectorAll('.board-strings g.string').length > 0 || document.querySelector('.board-list .feature-card'), null, { timeout: 5000 });
  return { p, ms: Math.round(await p.evaluate(() => performance.now())) };
}
async function axe(p, label) {
  await p.addScriptTag({ content: axeSource });
  const bad = await p.evaluate(async () => (await window.axe.run(document)).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id} ${v.nodes[0].target}`));
  expect(`axe ${label}: no serious or critical violation`, bad.length === 0, bad.join('; '));
}
const column = (p, key) => p.evaluate((k) => document.querySelector(`[data-card="${CSS.escape(k)}"]`)?.closest('td')?.dataset.column, key);

// ---------- big fixture ----------
const { p, ms } = await open(big.url);
expect('usable (cards and strings drawn) within 1 s of navigation', ms < 1000, `${ms} ms`);
const counts = await p.evaluate(() => ({ cards: document.querySelectorAll('.feature-card').length, strings: document.querySelectorAll('.board-strings g.string').length, conflicts: document.querySelectorAll('.conflicts > li').length }));
expect('every string drawn', counts.strings === 80, JSON.stringify(counts));
await axe(p, 'light');
for (const theme of ['dark', 'contrast']) {
  const themed = (await open(big.url, { query: `&theme=${theme}` })).p;
  await axe(themed, theme);
  await themed.close(); // its polling would count below
}
const narrow = (await open(big.url, { width: 280, height: 800 })).p;
expect('280 px: a list by iteration', await narrow.evaluate(() => !!document.querySelector('.board-list') && !document.querySelector('.program-board')));
await axe(narrow, '280 px');
await narrow.close();

const key = await p.evaluate(() => [...document.querySelectorAll('.feature-card')].find((c) => c.querySelector('[data-focus-key^="move:"]') && c.closest('td')?.dataset.column === '1')?.dataset.card);
await p.focus(`[data-card="${key}"]`);
await p.keyboard.press('Alt+ArrowRight');
await p.waitForFunction((k) => document.querySelector('.board-status')?.textContent?.startsWith('Moved'), key);
expect('Alt+Right moves the card to the next iteration and keeps its focus', await column(p, key) === '2' && await p.evaluate(() => document.activeElement?.dataset.card) === key);
await p.focus(`[data-focus-key="move:${key}"]`);
await p.keyboard.press('Enter');
expect('the Move menu opens on its first iteration', await p.evaluate(() => document.activeElement?.closest('.move-menu') !== null));
await p.keyboard.press('Escape');
expect('Escape closes it, focus back on Move', await p.evaluate(() => document.activeElement?.dataset.focusKey?.startsWith('move:')));
const [fid, team] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)];
await p.evaluate(async ([f, t]) => { await fetch(`/test/other-move?feature=${f}&team=${encodeURIComponent(t)}&from=2&to=4`); }, [fid, team]);
await p.focus(`[data-card="${key}"]`);
await p.keyboard.press('Alt+ArrowRight');
await p.waitForFunction(() => document.querySelector('.board-alert')?.textContent);
expect('409: the other move wins visibly, with the reason', await column(p, key) === '4' && await p.evaluate((k) => document.querySelector(`[data-card="${CSS.escape(k)}"]`)?.classList.contains('marked'), key), await p.textContent('.board-alert'));
await p.click(`[data-focus-key="history:${key}"]`);
await p.waitForSelector('dialog.board-dialog');
expect('history lists who moved it', (await p.textContent('dialog tbody')).includes('Other Person'));
await p.keyboard.press('Escape');
expect('closing the history gives focus back', await p.evaluate(() => document.activeElement?.dataset.focusKey?.startsWith('history:')));
const risk = await p.getAttribute('.conflicts button[data-focus-key^="risk:"]', 'data-focus-key');
await p.click(`[data-focus-key="${risk}"]`);
await p.waitForFunction((k) => document.querySelector(`[data-focus-key="${k}"]`)?.tagName === 'SPAN', risk);
expect('raise as risk: then says "Risk raised"', true);
await p.click('[data-focus-key="mode:counts"]');
expect('counts: no lines, a count on the cards', await p.evaluate(() => getComputedStyle(document.querySelector('.board-strings')).display === 'none' && document.querySelectorAll('.string-count.shown').length > 0));
await p.click('[data-focus-key="mode:lines"]');
await p.selectOption('[data-focus-key="filter:team"]', { index: 2 });
await p.waitForTimeout(200);
const filtered = await p.evaluate(() => document.querySelectorAll('.board-strings g.string').length);
expect('team filter redraws the lines', filtered > 0 && filtered < 80, `${filtered}`);
await p.selectOption('[data-focus-key="filter:team"]', { index: 0 });
await p.focus('[data-focus-key="filter:string"]');
const other = await p.evaluate(() => [...document.querySelectorAll('.feature-card')].find((c) => c.closest('td')?.dataset.column === '3')?.dataset.card);
const [of, ot] = [other.slice(0, other.indexOf('|')), other.slice(other.indexOf('|') + 1)];
const t0 = Date.now();
await p.evaluate(async ([f, t]) => { await fetch(`/test/other-move?feature=${f}&team=${encodeURIComponent(t)}&from=3&to=1`); }, [of, ot]);
await p.waitForFunction((k) => document.querySelector(`[data-card="${CSS.escape(k)}"]`)?.closest('td')?.dataset.column === '1', other, { timeout: 3000 });
expect('another person\'s move shows within 2 s, focus kept', Date.now() - t0 < 2000 && await p.evaluate(() => document.activeElement?.dataset.focusKey === 'filter:string'), `${Date.now() - t0} ms`);
const [download] = await Promise.all([p.waitForEvent('download'), p.click('[data-focus-key="png"]')]);
expect('PNG download', download.suggestedFilename() === 'program-board.png');
await download.saveAs(resolve(tmpdir(), 'program-board.png')); // to look at
await p.setViewportSize({ width: 1000, height: 800 });
await p.waitForTimeout(300);
expect('lines redrawn after resize', await p.evaluate(() => document.querySelectorAll('.board-strings g.string').length) === 80);
await p.click('nav button[data-view="overview"]');
await p.waitForTimeout(300);
const polls = async () => (await (await fetch(`${big.url}/test/log`)).json()).filter((l) => l === 'GET /api/room/board').length;
const before = await polls();
await p.waitForTimeout(2500);
const after = await polls();
expect('polling stops when the view changes', after === before, `${after - before} polls after leaving; ${(await (await fetch(`${big.url}/test/log`)).json()).slice(-6).join(', ')}`);

// ---------- small fixture, German ----------
const s = (await open(small.url, { width: 1200, height: 800, query: '&lang=de' })).p;
await s.click('.board-plan summary');
await s.click('[data-focus-key^="move:"]');
await s.click('[data-focus-key^="strings:"]');
await axe(s, 'German, menus and forms open');
await s.click('[data-focus-key^="open:"]');
await s.waitForSelector('dialog');
await axe(s, 'dependency dialog');

await browser.close();
big.close();
small.close();
console.log(problems.length === 0 ? 'board page: all checks passed' : `board page: ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
