// Builds the ART room tab and the meeting pages into dist/, or the folder given as the first argument (ArtBot.csproj
// passes web/room/dist/) (generated, self-contained: no CDN, no fonts).
// Usage: npm run build   (node build.mjs)
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(process.argv[2] ?? resolve(here, 'dist'));
const staticFiles = [
  'index.html', 'config.html', 'room.css',
  'meeting.html', 'stage.html', 'ballot.html', 'concern.html', 'meeting.css',
  'simulated-meeting.html',
];
// The meeting pages (issue 26): side panel, stage, in-meeting notifications, and the simulated meeting (local development).
const meetingEntries = {
  meeting: 'src/meeting/panel.js',
  stage: 'src/meeting/stage.js',
  ballot: 'src/meeting/ballot.js',
  concern: 'src/meeting/concern.js',
  'simulated-meeting': 'src/meeting/simulated.js',
};

// teams-js fetches its list of valid host origins from res.cdn.office.net as soon as it is imported.
// The page must not call out to a CDN: drop that eager prefetch. teams-js then checks a host's origin against
// the list it bundles, and asks the CDN only for an origin missing from that list (its own fallback path).
const noEagerCdnFetch = {
  name: 'teams-js-no-eager-cdn-fetch',
  setup(b) {
    b.onLoad({ filter: /teams-js[\\/].*[\\/]internal[\\/]validOrigins\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const name = /\b([A-Za-z_$][\w$]*) as prefetchOriginsFromCDN\b/.exec(source)?.[1];
      const call = name ? new RegExp(`([;}])${name.replace(/\$/g, '\\$')}\\(\\);(export\\{)`) : null;
      if (!call || !call.test(source)) {
        throw new Error('teams-js changed: the eager valid-origins prefetch was not found; review build.mjs');
      }
      return { contents: source.replace(call, '$1$2'), loader: 'js' };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const result = await build({
  absWorkingDir: here,
  entryPoints: { room: 'src/main.js', config: 'src/config.js', ...meetingEntries },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  sourcemap: false,
  legalComments: 'eof',
  charset: 'utf8',
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
  plugins: [noEagerCdnFetch],
  logLevel: 'warning',
});

for (const file of staticFiles) await copyFile(join(here, 'static', file), join(outdir, file));

const expected = new Set(['room.js', 'config.js', ...Object.keys(meetingEntries).map((name) => `${name}.js`), ...staticFiles]);
const written = await readdir(outdir);
const unexpected = written.filter((f) => !expected.has(f));
if (unexpected.length > 0) throw new Error(`Unexpected output files: ${unexpected.join(', ')}`);

for (const file of [...expected].sort()) {
  const { size } = await stat(join(outdir, file));
  console.log(`${file.padEnd(24)} ${(size / 1024).toFixed(1).padStart(7)} KiB`);
}
if (result.warnings.length > 0) console.log(`${result.warnings.length} warning(s)`);
console.log(`ART room built into ${outdir}`);
