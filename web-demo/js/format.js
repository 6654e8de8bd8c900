// Locale number, currency, percent and date formatting through Intl (ko-KR or en-US, the UI language).
import { currentLang } from './i18n.js';

let currency = 'KRW';
export const setCurrency = (code) => { currency = code; };
export const currentCurrency = () => currency;

const localeOf = () => (currentLang() === 'ko' ? 'ko-KR' : 'en-US');
const cache = new Map();
function formatter(kind, options) {
  const key = `${localeOf()}|${kind}|${currency}`;
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(localeOf(), options));
  return cache.get(key);
}

const dash = '–';
const ok = (v) => typeof v === 'number' && Number.isFinite(v);

export const num = (v, digits = 0) => (ok(v) ? formatter(`n${digits}`, { maximumFractionDigits: digits }).format(v) : dash);
export const money = (v) => (ok(v) ? formatter('money', { style: 'currency', currency }).format(v) : dash);
export const pct = (v, digits = 1) => (ok(v) ? formatter(`p${digits}`, { style: 'percent', maximumFractionDigits: digits }).format(v) : dash);
/** A relative change with its sign: +12.5%, −3%. */
export const signedPct = (v) => (ok(v) ? formatter('sp', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v) : dash);

/** A KPI value by its kind: money for revenue and AOV, a percent for rates, else a number. */
export function metricValue(key, v) {
  if (key === 'revenue' || key === 'aov') return money(v);
  if (/Rate$/.test(key)) return pct(v);
  if (key === 'itemsPerOrder' || key === 'ordersPerCustomer') return num(v, 2);
  return num(v);
}
