// The UI's words in English and Korean. The language starts as the browser's (navigator.language)
// and is switchable; t(key, {name}) fills {name} placeholders. Elements with data-i18n="key" get
// their text from here (as text, never HTML).
import { STRINGS } from './strings.js';

let lang = (globalThis.navigator?.language ?? 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';

export const currentLang = () => lang;

export function setLang(next) {
  lang = next === 'ko' ? 'ko' : 'en';
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
}

export function t(key, vars = {}) {
  const text = STRINGS[lang][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/** A {en, ko} pair from the package (group names, campaigns, actions) in the UI language. */
export const pick = (pair) => (pair ? (pair[lang] || pair.en) : '');
