// The message catalog: t(key, vars) looks a dotted key up in the current language's catalog (English as the
// fallback), picks the plural form for vars.count with Intl.PluralRules and fills {variables}. Dates and numbers
// are formatted in the user's language and the given time zone (a team's, when it has one).
import en from './en.js';
import es from './es.js';

/**
 * Languages the user can pick, each labelled in its own language: a new language is a catalog file with en.js's
 * keys, added here (and to org.cadre.http.Language and the users.language check on the server).
 */
export const LANGUAGES = { en: { label: 'English', catalog: en }, es: { label: 'Español', catalog: es } };

const STORAGE_KEY = 'cadre.language';
let language = pick(localStorage.getItem(STORAGE_KEY) ?? navigator.language);

function pick(wanted) {
  const base = String(wanted ?? 'en').toLowerCase().split('-')[0];
  return LANGUAGES[base] ? base : 'en';
}

export function currentLanguage() {
  return language;
}

/** Whether a code is one of ours: the user's saved language, when set, is applied on sign-in. */
export function isLanguage(code) {
  return Object.hasOwn(LANGUAGES, String(code));
}

/** Changes the language for every component (they re-render on the 'cadre-language' window event). */
export function setLanguage(code) {
  language = pick(code);
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  window.dispatchEvent(new CustomEvent('cadre-language', { detail: language }));
}

/** A dotted key, where a key may itself hold dots (the activity sentences are keyed by event type). */
function lookup(node, key) {
  if (node == null || typeof node !== 'object') return undefined;
  if (Object.hasOwn(node, key)) return node[key];
  for (let i = key.indexOf('.'); i > 0; i = key.indexOf('.', i + 1)) {
    const head = key.slice(0, i);
    if (Object.hasOwn(node, head)) {
      const found = lookup(node[head], key.slice(i + 1));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Whether the catalog (English, the reference) has this key. */
export function hasKey(key) {
  return lookup(en, key) !== undefined;
}

export function t(key, vars = {}) {
  let message = lookup(LANGUAGES[language].catalog, key) ?? lookup(en, key);
  if (message === undefined) {
    console.error(`Missing message: ${key}`);
    return key;
  }
  if (typeof message === 'object') {
    const form = new Intl.PluralRules(language).select(vars.count ?? 0);
    message = message[form] ?? message.other;
  }
  return String(message).replace(/\{(\w+)\}/g, (whole, name) =>
    name in vars ? (typeof vars[name] === 'number' ? formatNumber(vars[name]) : String(vars[name])) : whole);
}

export function formatNumber(value) {
  return new Intl.NumberFormat(language).format(value);
}

/** A date and time, e.g. "12 Mar 2026, 15:04", in the time zone given (else the browser's). */
export function formatDateTime(iso, timeZone) {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone ?? undefined })
    .format(new Date(iso));
}

/** A time of day, e.g. "15:04" or "3:04 p.m.", from an ISO string or epoch milliseconds. */
export function formatTime(when, timeZone) {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: timeZone ?? undefined }).format(new Date(when));
}

export function formatDate(iso, timeZone) {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: timeZone ?? undefined }).format(new Date(iso));
}

document.documentElement.lang = language;
