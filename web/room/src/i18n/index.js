// The tab's language: its texts (one dictionary per language, the same keys in each) and its number and date formats.
// Mapped like the bot maps a Teams locale (src/ArtBot.Domain/Text/Languages.cs): the language part de, fr or es picks
// German, French or Spanish (de-AT keeps German texts with Austrian formats), anything else English (en-US formats).
import en from './en.js';
import de from './de.js';
import fr from './fr.js';
import es from './es.js';

export const DICTIONARIES = { en, de, fr, es };

/** A supported language without a region formats like its usual country ("de" → "de-DE"), as the bot does. */
const USUAL_LOCALE = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES' };
const ENGLISH = Object.freeze({ lang: 'en', locale: 'en-US' });

/** { lang: "en" | "de" | "fr" | "es", locale: a BCP 47 tag for Intl } for a locale such as "de-AT", "fr" or "pt-BR". */
export function resolveLanguage(tag) {
  if (typeof tag !== 'string' || tag.trim() === '' || tag.length > 35) return ENGLISH;
  let canonical;
  try {
    [canonical] = Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'));
  } catch {
    return ENGLISH;
  }
  if (!canonical) return ENGLISH;
  const lang = canonical.split('-')[0].toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(DICTIONARIES, lang)) return ENGLISH;
  const locale = canonical.includes('-') && Intl.NumberFormat.supportedLocalesOf([canonical]).length > 0 ? canonical : USUAL_LOCALE[lang];
  return { lang, locale };
}

/**
 * The language the tab uses: in Teams the context's locale (app.locale); outside Teams (local development) the
 * address's ?lang=, else the browser's language.
 */
/** @param {{ teamsLocale?: string | null, query?: string | null, browser?: string | null }} [where] */
export function chooseLanguage({ teamsLocale = null, query = null, browser = null } = {}) {
  if (teamsLocale) return resolveLanguage(teamsLocale);
  if (query) return resolveLanguage(query);
  return resolveLanguage(browser);
}

let current = ENGLISH;
/** @type {ReturnType<typeof makeFormats> | null} */
let formats = null;

/** @param {string} locale */
function makeFormats(locale) {
  return {
    number: new Intl.NumberFormat(locale),
    one: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
    plural: new Intl.PluralRules(locale),
    shortDate: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    longDate: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  };
}

/** Switches the texts and formats; sets the page's lang attribute. Returns { lang, locale }. */
export function setLanguage(choice) {
  current = choice && DICTIONARIES[choice.lang] ? choice : ENGLISH;
  formats = makeFormats(current.locale);
  if (typeof document !== 'undefined') document.documentElement.lang = current.lang;
  return current;
}

/** "de" (texts, the lang attribute, Accept-Language). */
export function language() {
  return current.lang;
}

/** "de-AT" (formats). */
export function locale() {
  return current.locale;
}

function fmt() {
  if (!formats) formats = makeFormats(current.locale);
  return formats;
}

function template(key) {
  const own = DICTIONARIES[current.lang]?.[key];
  if (typeof own === 'string') return own;
  return typeof en[key] === 'string' ? en[key] : key;
}

function show(value) {
  return typeof value === 'number' && Number.isFinite(value) ? fmt().number.format(value) : String(value ?? '');
}

/** The text for key in the current language, {0}, {1}… replaced by args (numbers in the language's format). */
export function t(key, ...args) {
  return template(key).replace(/\{(\d+)\}/g, (m, i) => (Number(i) < args.length ? show(args[Number(i)]) : m));
}

/** Like t, but returns the pieces, so a placeholder can be an element (a <code>, a <strong>). */
export function tx(key, ...args) {
  const parts = [];
  let last = 0;
  const text = template(key);
  for (const m of text.matchAll(/\{(\d+)\}/g)) {
    const i = Number(m[1]);
    if (i >= args.length) continue;
    if (m.index > last) parts.push(text.slice(last, m.index));
    const arg = args[i];
    parts.push(typeof arg === 'object' && arg !== null ? arg : show(arg));
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** A count with its noun: key + "One" or key + "Other" by the language's plural rules, {0} the count. */
export function tn(count, key, ...args) {
  const form = typeof count === 'number' && fmt().plural.select(count) === 'one' ? 'One' : 'Other';
  return t(`${key}${form}`, count, ...args);
}

/** A number ("1,234" / "1.234"). */
export function formatNumber(value) {
  return typeof value === 'number' && Number.isFinite(value) ? fmt().number.format(value) : null;
}

/** One decimal ("3.8" / "3,8"), or null. */
export function formatOneDecimal(value) {
  return typeof value === 'number' && Number.isFinite(value) ? fmt().one.format(value) : null;
}

/** A percentage given as 0 to 100 ("88%" / "88 %"), rounded, or null. */
export function formatPercent(value) {
  return typeof value === 'number' && Number.isFinite(value) ? fmt().percent.format(Math.round(value) / 100) : null;
}

/** "7 Jul" / "7. Juli" for a UTC date. */
export function formatShortDate(date) {
  return fmt().shortDate.format(date);
}

/** "7 July 2025" / "7. Juli 2025" for a UTC date. */
export function formatLongDate(date) {
  return fmt().longDate.format(date);
}

