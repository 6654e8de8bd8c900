// `orderlens recommend`: the next products to suggest to each customer (see `orderlens --help`).
import { fmt, table } from './cli-format.js';
import { recommendationRows } from './recommend.js';
import { rulesFile, writeRowsCsv } from './cli-segments.js';

export const RECOMMEND_VALUE_OPTIONS = ['segment'];

/** CLI options -> Dataset#recommend options; `fail(message)` reports a usage error. */
export function recommendOptions(opts, fail) {
  const o = {};
  if (opts.top !== undefined) {
    const n = Number(opts.top);
    if (!/^\d+$/.test(opts.top) || n < 1 || n > 100) fail('--top must be a whole number from 1 to 100');
    o.topN = n;
  }
  if (opts['calibration-end'] && opts['end-date']) fail('choose one of --calibration-end and --end-date');
  if (opts['calibration-end']) o.calibrationEnd = opts['calibration-end'];
  if (opts['end-date']) o.endDate = opts['end-date'];
  if (opts.segment && opts.rules && !opts.segment.startsWith('custom')) fail('with --rules, --segment is custom or custom.<key>');
  if (opts.segment) o.segment = opts.segment;
  if (opts.lang && !['en', 'ko'].includes(opts.lang)) fail('--lang must be en or ko');
  if (opts['out-encoding'] && !['utf-8', 'cp949'].includes(opts['out-encoding'])) fail('--out-encoding must be utf-8 or cp949');
  if (opts.rules) o.rules = rulesFile(opts.rules, fail);
  return o;
}

const pct = (n) => `${fmt(100 * n, 1)}%`;

// The holdout figures: per k, each metric for the recommender and the baseline.
function evaluationLines(e) {
  const all = e.groups[0];
  const lines = ['', `Holdout: recommended from purchases up to ${e.calibrationEnd}, checked against what ${fmt(all.customers)} customers bought from then to ${e.holdoutEnd}`];
  const rows = [];
  for (const k of ['at5', 'at10']) {
    for (const m of ['hitRate', 'precision', 'recall', 'coverage']) {
      const ours = all[k].recommender[m];
      const base = all[k].baseline[m];
      rows.push([`${m} @${k.slice(2)}`, pct(ours), pct(base), base > 0 ? `${fmt(ours / base, 2)}×` : '–']);
    }
  }
  lines.push(...table(['metric', 'recommender', 'best sellers', 'ratio'], rows, { indent: '  ' }));
  if (e.groups.length > 1) {
    lines.push('', `Hit rate @10 by ${e.pack} group:`);
    const groupRows = e.groups.slice(1).map((g) => [g.key, fmt(g.customers), pct(g.at10.recommender.hitRate), pct(g.at10.baseline.hitRate)]);
    lines.push(...table(['group', 'customers', 'recommender', 'best sellers'], groupRows, { indent: '  ' }));
  }
  return lines;
}

/** The text report: what was computed, the holdout figures, and the first customers' lists. */
export function recommendTextReport(file, r, lang = 'en', shown = 5) {
  const lines = [`${file} — recommendations for ${fmt(r.customerCount)} customers${r.segment ? ` of segment ${r.segment}` : ''} as of ${r.endDate}, top ${r.topN} each`];
  const m = r.model;
  lines.push(`Model: ${fmt(m.coPurchasePairs)} bought-together and ${fmt(m.sequencePairs)} bought-next similarities, ${fmt(m.consumables)} consumable product(s), fallback by ${m.contentAttribute ?? 'best sellers only'}`);
  if (r.evaluation) lines.push(...evaluationLines(r.evaluation));
  for (const note of r.notes) lines.push('', `Note: ${note}`);
  const customers = r.customers.slice(0, shown);
  if (customers.length) lines.push('', `First ${customers.length} customer(s):`);
  for (const c of customers) {
    lines.push(`  ${c.id}${c.email && c.email !== c.id ? ` <${c.email}>` : ''}${c.group ? ` [${c.group}]` : ''}`);
    c.recommendations.forEach((rec, k) => lines.push(`    ${k + 1}. ${rec.name} — ${rec.text[lang]}`));
  }
  return lines.join('\n');
}

/** Writes one row per recommendation (CSV, UTF-8 with BOM or CP949 via `encodeCp949`). */
export function writeRecommendationsCsv(file, r, encodeCp949) {
  const { columns, rows } = recommendationRows(r);
  return writeRowsCsv(file, columns, rows, encodeCp949);
}

/** The result without typed arrays, with its rows (for --json). */
export function recommendJson(r) {
  const { lists, ...head } = r;
  return { ...head, customers: r.customers };
}
