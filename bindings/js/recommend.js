// Recommendation results from the core, and their rows for export (CSV or JSON). The lists stay
// in typed arrays (`lists`) until customers or rows are asked for: a quarter of a million
// customers with ten products each are millions of objects.
import { strings } from './customers.js';
import { toCsv } from './csv-writer.js';
import { exportFileText } from './export-file.js';

// The core's Reason enum, in order (src/recommend/recommend.hpp).
const REASONS = ['reorder', 'reorder_typical', 'bought_next', 'also_bought', 'favourite_category', 'favourite_vendor', 'best_seller'];
const NONE = 0xFFFFFFFF;

export function recommendResult(core) {
  const result = JSON.parse(core.json);
  const n = result.customerCount;
  result.lists = {
    id: strings(core.ids, n),
    email: strings(core.emails, n),
    group: core.group,
    offsets: core.offsets,
    product: core.product,
    score: core.score,
    reason: core.reason,
    because: core.because,
    intervalDays: core.intervalDays,
    daysSince: core.daysSince,
    productKeys: strings(core.productKeys, core.productCount),
    productNames: strings(core.productNames, core.productCount),
    contentNames: strings(core.contentNames, core.contentCount),
  };
  return withCustomers(result);
}

/** Typed arrays of a recommendations result, for a Worker's transfer list. */
export function recommendTransfer(result) {
  const l = result.lists;
  const views = [l.group, l.offsets, l.product, l.score, l.reason, l.because, l.intervalDays, l.daysSince];
  return [...new Set(views.filter((v) => ArrayBuffer.isView(v)).map((v) => v.buffer))];
}

// A reason's template split at its placeholders once ("{product}", "{because}", "{days}" at the
// odd indices), then filled per recommendation: the same rule as the core's fill_reason (every
// placeholder replaced, nothing else touched), without a regular expression per text.
const PLACEHOLDER = /(\{product\}|\{because\}|\{days\})/;

function compile(template) {
  return template.split(PLACEHOLDER).map((part, i) => (i % 2 ? part.slice(1, -1) : part));
}

function fill(parts, values) {
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) text += values[parts[i]] + parts[i + 1];
  return text;
}

/**
 * Adds `customers` (not enumerable, computed on first use and kept): per customer {id, email,
 * group?, recommendations: [{product, name, score, reason, because, intervalDays, daysSince,
 * text: {en, ko}}]} — the shape of the native tool's JSON.
 */
export function withCustomers(result) {
  let customers;
  Object.defineProperty(result, 'customers', {
    enumerable: false,
    configurable: true,
    get() {
      customers ??= customerRows(result);
      return customers;
    },
  });
  return result;
}

/**
 * The first `count` customers of a result (the shape of `customers`), without building the others:
 * a page showing twenty customers of a quarter of a million need not build them all (1.5 s).
 */
export function firstCustomers(result, count) {
  return customerRows(result, Math.max(0, Math.min(count, result.lists.id.length)));
}

function customerRows(result, count = result.lists.id.length) {
  const l = result.lists;
  const display = l.productKeys.map((key, p) => l.productNames[p] || key);
  const templates = REASONS.map((reason) => ({ en: compile(result.reasons[reason].en), ko: compile(result.reasons[reason].ko) }));
  const rows = new Array(count);
  for (let r = 0; r < rows.length; ++r) {
    const recommendations = [];
    for (let i = l.offsets[r]; i < l.offsets[r + 1]; ++i) {
      const code = l.reason[i];
      const reason = REASONS[code];
      const byContent = reason === 'favourite_category' || reason === 'favourite_vendor';
      const b = l.because[i];
      const because = b === NONE ? null : byContent ? l.contentNames[b] : l.productKeys[b];
      const becauseText = b === NONE ? '' : byContent ? because : display[b];
      const days = reason === 'reorder' || reason === 'reorder_typical' ? String(Math.floor(l.intervalDays[i] + 0.5))
        : reason === 'best_seller' ? String(result.recentDays) : '';
      const values = { product: display[l.product[i]], because: becauseText, days };
      recommendations.push({
        product: l.productKeys[l.product[i]],
        name: display[l.product[i]],
        score: l.score[i],
        reason,
        because,
        intervalDays: l.intervalDays[i],
        daysSince: l.daysSince[i],
        text: { en: fill(templates[code].en, values), ko: fill(templates[code].ko, values) },
      });
    }
    const row = { id: l.id[r], email: l.email[r] };
    if (result.segment !== null) row.group = result.groups[l.group[r]];
    row.recommendations = recommendations;
    rows[r] = row;
  }
  return rows;
}

export const RECOMMENDATION_COLUMNS = ['id', 'email', 'group', 'rank', 'product', 'name', 'score', 'reason', 'because',
  'text', 'textKo'];

/**
 * One row per recommendation: id, email, group (with a segment), rank (1 = first), product (SKU
 * or key), name, score, reason (key), because, text (English), textKo.
 */
export function recommendationRows(result) {
  const columns = RECOMMENDATION_COLUMNS.filter((c) => c !== 'group' || result.segment !== null);
  const rows = [];
  for (const c of result.customers) {
    c.recommendations.forEach((r, k) => {
      rows.push({ id: c.id, email: c.email, group: c.group, rank: k + 1, product: r.product, name: r.name, score: r.score,
        reason: r.reason, because: r.because, text: r.text.en, textKo: r.text.ko });
    });
  }
  return { columns, rows };
}

/** The rows as CSV text: UTF-8 with BOM, RFC 4180, formula-injection safe (csv-writer.js). */
export function recommendationsCsv(result, { bom = true } = {}) {
  const { columns, rows } = recommendationRows(result);
  return toCsv(columns, rows, { bom });
}

/**
 * The rows as a file: {text, rows, cp949, mimeType, fileName} (exportFileText). Options: format
 * ('csv' | 'json'), encoding ('utf-8' | 'cp949', CSV only).
 */
export function recommendationFileText(result, options = {}) {
  const { columns, rows } = recommendationRows(result);
  return exportFileText('exportRecommendations', columns, rows, `recommendations${result.segment ? '-' + result.segment : ''}`, options);
}
