// Checks the ART room's texts (run by tests/ArtBot.IntegrationTests/Room/RoomTabLanguageTests.cs; also `npm run check`):
// - en.js, de.js, fr.js and es.js have exactly the same keys, every text non-empty, each key with the same placeholders;
// - every key the code asks for exists, and every key is used;
// - no English sentence is left as a literal in the page's code (all visible text comes from the dictionaries);
// - the language choice and the formats: de-AT is German with Austrian formats, pt-BR English, Teams' locale wins, …
// Prints "i18n: N keys in 4 languages, 0 problem(s)" and exits 0, or lists the problems and exits 1.
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DICTIONARIES, resolveLanguage, chooseLanguage, setLanguage, t, tn, tx,
  formatOneDecimal, formatPercent, formatShortDate, formatLongDate,
} from './src/i18n/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const problems = [];
const problem = (message) => problems.push(message);

// ---------- the four dictionaries ----------

const placeholders = (text) => [...String(text).matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(',');
const languages = Object.keys(DICTIONARIES);
if (languages.join(',') !== 'en,de,fr,es') problem(`languages are ${languages.join(',')}, expected en,de,fr,es`);
const english = DICTIONARIES.en;
const keys = Object.keys(english);
for (const lang of languages) {
  const dict = DICTIONARIES[lang];
  const own = Object.keys(dict);
  for (const key of keys) if (!Object.prototype.hasOwnProperty.call(dict, key)) problem(`${lang}.js: missing key ${key}`);
  for (const key of own) if (!Object.prototype.hasOwnProperty.call(english, key)) problem(`${lang}.js: key ${key} is not in en.js`);
  for (const key of own) {
    const text = dict[key];
    if (typeof text !== 'string' || text.trim() === '') {
      problem(`${lang}.js: ${key} is empty or not a string`);
      continue;
    }
    if (typeof english[key] === 'string' && placeholders(text) !== placeholders(english[key])) {
      problem(`${lang}.js: ${key} has placeholders {${placeholders(text)}}, en.js {${placeholders(english[key])}}`);
    }
    if (/\{(?!\d+\})|(?<!\{\d+)\}/.test(text)) problem(`${lang}.js: ${key} has a stray brace: ${text}`);
  }
}
for (const key of keys) {
  const base = key.replace(/(One|Other)$/, '');
  if (base !== key && !(Object.prototype.hasOwnProperty.call(english, `${base}One`) && Object.prototype.hasOwnProperty.call(english, `${base}Other`))) {
    problem(`en.js: ${key} needs both ${base}One and ${base}Other`);
  }
}

// ---------- the code: keys asked for, keys used, no English left ----------

async function sources(folder) {
  const out = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && entry.name !== 'i18n') out.push(...await sources(path));
    else if (entry.isFile() && entry.name.endsWith('.js')) out.push(path);
  }
  return out;
}

const withoutComments = (code) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
// Keys built at run time: `severity.${key}`, `roam.${key}` (their values are listed in common.js).
const dynamicPrefixes = ['severity.', 'roam.'];
const used = new Set();
for (const file of await sources(join(here, 'src'))) {
  const name = relative(here, file);
  const code = withoutComments(await readFile(file, 'utf8'));
  for (const m of code.matchAll(/\bt\(\s*'([^']+)'/g)) used.add(m[1]);
  for (const m of code.matchAll(/\btx\(\s*'([^']+)'/g)) used.add(m[1]);
  for (const m of code.matchAll(/\bkey:\s*'([^']+)'/g)) used.add(m[1]);
  for (const m of code.matchAll(/\btn\([^,]+,\s*'([^']+)'/g)) {
    used.add(`${m[1]}One`);
    used.add(`${m[1]}Other`);
  }
  // A visible text is at least two words with a capital first ("Download CSV", "No votes yet"); keys, CSS classes,
  // MIME types and ids are not.
  for (const m of code.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) {
    const literal = (m[1] ?? m[2]).replace(/\$\{[^}]*\}/g, ' ');
    if (/sans-serif/.test(literal)) continue; // a CSS font list
    if (/\b[A-Z][a-z]+\s+[A-Za-z]{2,}/.test(literal) || /\b[a-z]+\s+[a-z]+\s+[a-z]+\b/.test(literal)) {
      problem(`${name}: English text in the code (use t()): ${m[0]}`);
    }
  }
}
for (const key of used) if (!Object.prototype.hasOwnProperty.call(english, key)) problem(`the code asks for ${key}, which en.js does not have`);
for (const key of keys) {
  if (!used.has(key) && !dynamicPrefixes.some((p) => key.startsWith(p))) problem(`en.js: ${key} is not used`);
}
for (const [prefix, values] of [['severity.', ['low', 'medium', 'high', 'critical']], ['roam.', ['unroamed', 'resolved', 'owned', 'accepted', 'mitigated']]]) {
  for (const v of values) if (!Object.prototype.hasOwnProperty.call(english, prefix + v)) problem(`en.js: missing ${prefix}${v}`);
}

// ---------- the language choice and the formats ----------

function expect(what, actual, expected) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) problem(`${what}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

expect('resolveLanguage("de-DE")', resolveLanguage('de-DE'), { lang: 'de', locale: 'de-DE' });
expect('resolveLanguage("de-AT")', resolveLanguage('de-AT'), { lang: 'de', locale: 'de-AT' });
expect('resolveLanguage("de")', resolveLanguage('de'), { lang: 'de', locale: 'de-DE' });
expect('resolveLanguage("fr_CA")', resolveLanguage('fr_CA'), { lang: 'fr', locale: 'fr-CA' });
expect('resolveLanguage("es")', resolveLanguage('es'), { lang: 'es', locale: 'es-ES' });
expect('resolveLanguage("en-GB")', resolveLanguage('en-GB'), { lang: 'en', locale: 'en-GB' });
expect('resolveLanguage("pt-BR")', resolveLanguage('pt-BR'), { lang: 'en', locale: 'en-US' });
expect('resolveLanguage("")', resolveLanguage(''), { lang: 'en', locale: 'en-US' });
expect('resolveLanguage("not a locale!")', resolveLanguage('not a locale!'), { lang: 'en', locale: 'en-US' });
expect('resolveLanguage(undefined)', resolveLanguage(undefined), { lang: 'en', locale: 'en-US' });
expect('Teams locale wins over ?lang=', chooseLanguage({ teamsLocale: 'es-MX', query: 'de', browser: 'fr-FR' }), { lang: 'es', locale: 'es-MX' });
expect('?lang= wins over the browser', chooseLanguage({ query: 'de', browser: 'fr-FR' }), { lang: 'de', locale: 'de-DE' });
expect('the browser without ?lang=', chooseLanguage({ browser: 'fr-FR' }), { lang: 'fr', locale: 'fr-FR' });

const july7 = new Date(Date.UTC(2025, 6, 7));
setLanguage(resolveLanguage('de-AT'));
expect('de-AT percent', formatPercent(88), '88\u00a0%');
expect('de-AT one decimal', formatOneDecimal(3.75), '3,8');
expect('de-AT long date', formatLongDate(july7), '7. Juli 2025');
expect('de-AT t()', t('view.risks'), 'Risiken & Hindernisse');
expect('de-AT tn(1)', tn(1, 'common.days'), '1 Tag');
expect('de-AT tn(2)', tn(2, 'common.days'), '2 Tage');
expect('de-AT tx()', tx('app.localDevelopment', { node: 'a' }, { node: 'b' }).length, 5);
setLanguage(resolveLanguage('de'));
expect('de t() with a number', t('sync.answeredOf', 1200, 3), '1.200 von 3');
setLanguage(resolveLanguage('fr-FR'));
expect('fr tn(0)', tn(0, 'common.days'), '0 jour');
expect('fr one decimal', formatOneDecimal(4), '4,0');
setLanguage(resolveLanguage('es-ES'));
expect('es t()', t('column.impediment'), 'Impedimento');
setLanguage(resolveLanguage('en-US'));
expect('en short date', formatShortDate(july7), 'Jul 7');
expect('en percent', formatPercent(87.6), '88%');
expect('en t() leaves a missing argument', t('risks.noneForTeam'), 'No open impediments for {0}.');
expect('an unknown key shows as itself', t('no.such.key'), 'no.such.key');

if (problems.length > 0) {
  for (const p of problems) console.error(`- ${p}`);
  console.log(`i18n: ${keys.length} keys in ${languages.length} languages, ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`i18n: ${keys.length} keys in ${languages.length} languages, 0 problem(s)`);
