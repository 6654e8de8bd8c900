// `orderlens segments`: who gets which campaign (see `orderlens --help`).
import fs from 'node:fs';
import { toCsv } from './csv-writer.js';
import { fmt, readinessLines, table } from './cli-format.js';
import { channelOptions } from './cli-reports.js';
import { segmentFile, segmentMembers } from './segments.js';

export const SEGMENT_VALUE_OPTIONS = ['events', 'pack', 'rules', 'scheme', 'cross-sell-a', 'cross-sell-b', 'months',
  'cutoff-days', 'cutoff-months', 'min-size', 'lang', 'out-encoding'];

const PACKS = ['rfm', 'repurchase', 'funnel', 'cycle', 'crosssell', 'tiers', 'custom'];

// "sku:A-1", "category:Shoes" or "name:Blue mug" -> {sku: "A-1"}; a bare value is a SKU.
function itemOption(text) {
  const m = /^(sku|name|category):(.+)$/s.exec(text);
  return m ? { [m[1]]: m[2] } : { sku: text };
}

function wholeNumber(opts, name, fail) {
  if (opts[name] === undefined) return undefined;
  if (!/^\d+$/.test(opts[name]) || Number(opts[name]) < 1) fail(`--${name} must be a whole number (1 or more)`);
  return Number(opts[name]);
}

/** CLI options -> Dataset#segments options; `fail(message)` reports a usage error. */
export function segmentOptions(opts, fail) {
  const o = {};
  if (opts.pack) {
    o.packs = opts.pack.split(',').map((p) => p.trim()).filter(Boolean);
    for (const p of o.packs) if (!PACKS.includes(p)) fail(`--pack must be one or more of ${PACKS.join(', ')} (comma-separated), not "${p}"`);
  }
  if (opts['end-date']) o.endDate = opts['end-date'];
  if (opts.scheme) {
    if (!['rf_grid', 'shopify'].includes(opts.scheme)) fail('--scheme must be rf_grid or shopify');
    o.rfm = { scheme: opts.scheme };
  }
  if (opts['cross-sell-b'] && !opts['cross-sell-a']) fail('--cross-sell-b needs --cross-sell-a');
  if (opts['cross-sell-a']) {
    o.crossSell = { a: itemOption(opts['cross-sell-a']) };
    if (opts['cross-sell-b']) o.crossSell.b = itemOption(opts['cross-sell-b']);
    const months = wholeNumber(opts, 'months', fail);
    if (months) o.crossSell.months = months;
  }
  const cutoffDays = wholeNumber(opts, 'cutoff-days', fail);
  const cutoffMonths = wholeNumber(opts, 'cutoff-months', fail);
  if (cutoffDays && cutoffMonths) fail('choose one of --cutoff-days and --cutoff-months');
  if (cutoffDays) o.cycle = { cutoffDays };
  if (cutoffMonths) o.cycle = { cutoffMonths };
  if (opts['min-size'] !== undefined) {
    if (!/^\d+$/.test(opts['min-size'])) fail('--min-size must be a whole number');
    o.minSize = Number(opts['min-size']);
  }
  if (opts.lang && !['en', 'ko'].includes(opts.lang)) fail('--lang must be en or ko');
  if (opts['out-encoding'] && !['utf-8', 'cp949'].includes(opts['out-encoding'])) fail('--out-encoding must be utf-8 or cp949');
  // Spend (and margin) price the segments: CAC and LTV:CAC per group, as the channel report has them.
  if (opts.spend || opts.margin !== undefined) {
    const { spend, spendFileName, margin } = channelOptions(opts, fail);
    o.channels = { spend, spendFileName, margin };
  }
  if (opts.rules) o.rules = rulesFile(opts.rules, fail);
  return o;
}

/** The custom segments of --rules FILE.json (segments and recommend). */
export function rulesFile(file, fail) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read --rules ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`--rules ${file} is not valid JSON: ${error.message}`);
  }
}

const pct = (n) => `${fmt(100 * n, 1)}%`;

export function segmentsTextReport(file, r, lang = 'en') {
  const lines = [`${file} — ${fmt(r.customers)} customers with a purchase, data to ${r.endDate ?? '–'}, revenue ${fmt(r.revenue)}`];
  for (const pack of r.packs) {
    const about = pack.details.scheme ? ` — ${pack.details.scheme}`
      : pack.key === 'crosssell' ? ` — A = ${pack.details.a}${pack.details.b ? `, B = ${pack.details.b}` : ''}, last ${pack.details.months} months${pack.details.suggested ? ' (the best next-purchase pair)' : ''}`
        : '';
    lines.push('', `${pack.key} (${fmt(pack.members)} ${pack.population})${about}`);
    const e = r.economics;
    const money = (v) => (v === null || v === undefined ? '–' : fmt(v));
    const rows = pack.groups.map((g) => [g.key, g.name[lang], fmt(g.members), pct(g.share), pct(g.revenueShare), money(g.revenuePerCustomer),
      ...(e?.clv ? [money(g.meanClv), g.meanPAlive == null ? '–' : fmt(g.meanPAlive, 2)] : []),
      ...(e?.cac ? [money(g.cac), g.ltvToCac == null ? '–' : fmt(g.ltvToCac, 1)] : []),
      `${g.campaign[lang]}${g.small ? ` [small: < ${r.minSize}]` : ''}`]);
    const header = ['group', 'name', 'members', 'share', 'revenue', 'per cust.', ...(e?.clv ? ['CLV', 'P(alive)'] : []),
      ...(e?.cac ? ['CAC', 'LTV:CAC'] : []), 'campaign'];
    lines.push(...table(header, rows, { rightFrom: 2, rightTo: header.length - 2, indent: '  ' }));
    for (const note of pack.notes) lines.push(`  note: ${note}`);
  }
  lines.push(...economicsLines(r));
  for (const note of r.notes) lines.push('', `Note: ${note}`);
  lines.push(...readinessLines(r.readiness, lang));
  return lines.join('\n');
}

// The sorted views: the groups worth most, and those whose loss would cost most.
function economicsLines(r) {
  const e = r.economics;
  if (!e) return [];
  const name = (ref) => `${ref.pack}.${ref.group}`;
  const lines = ['', e.worthMostBy === 'clv' ? 'Worth most (mean predicted CLV per customer):' : 'Worth most (revenue per customer; no CLV):'];
  lines.push(...e.worthMost.slice(0, 5).map((ref) => `  ${name(ref)}  ${fmt(ref.meanClv ?? ref.revenuePerCustomer)}`));
  if (e.atRisk.length) {
    lines.push('At risk of loss (value at risk: CLV if still a customer × the chance they have left):');
    lines.push(...e.atRisk.slice(0, 5).map((ref) => `  ${name(ref)}  ${fmt(ref.valueAtRisk)}`));
  }
  if (!e.clv && e.clvProblem) lines.push(`  (no CLV: ${e.clvProblem})`);
  else if (e.clv && !e.clvSufficient) lines.push('  (the data are thin for the CLV models: see `orderlens clv` for the checks)');
  return lines;
}

/** One row per customer: id, email, name, orders, net revenue, and the group of every pack. */
export function customerGroups(r) {
  const c = r.columns;
  const packs = r.packs.filter((p) => p.population === 'customers');
  const rows = new Array(c.count);
  for (let i = 0; i < c.count; ++i) {
    const row = { id: c.id[i], email: c.email[i], name: c.name[i], orders: c.orders[i], netRevenue: c.netRevenue[i] };
    for (const p of packs) row[p.key] = p.groups[p.groupOf[i]].key;
    rows[i] = row;
  }
  return { columns: ['id', 'email', 'name', 'orders', 'netRevenue', ...packs.map((p) => p.key)], rows };
}

export function writeCustomerGroupsCsv(file, r, encodeCp949) {
  const { columns, rows } = customerGroups(r);
  return writeRowsCsv(file, columns, rows, encodeCp949);
}

/** Rows as a CSV file: UTF-8 with BOM, or CP949 through `encodeCp949`. {rows, unmappable}. */
export function writeRowsCsv(file, columns, rows, encodeCp949) {
  const cp949 = !!encodeCp949;
  const text = toCsv(columns, rows, { bom: !cp949 });
  const { bytes, unmappable } = segmentFile({ text, cp949 }, cp949 ? encodeCp949(text) : null);
  fs.writeFileSync(file, bytes);
  return { rows: rows.length, unmappable };
}

/** The result without typed arrays, plus one row per customer with its groups (for --json). */
export function segmentsJson(r) {
  const { columns, visitors, ...rest } = r;
  const funnel = r.packs.find((p) => p.population === 'visitors');
  return {
    ...rest,
    packs: r.packs.map(({ groupOf, memberColumns, ...p }) => p),
    members: customerGroups(r).rows,
    ...(funnel ? { visitors: segmentMembers(r, { pack: funnel.key, columns: ['visitorId', 'visitorKind', 'id', 'group'] }).rows } : {}),
  };
}

export const AFFINITY_VALUE_OPTIONS = ['level', 'min-count', 'rank-by'];

/** CLI options -> Dataset#affinity options. */
export function affinityOptions(opts, fail) {
  const o = {};
  if (opts.level) {
    if (!['product', 'category'].includes(opts.level)) fail('--level must be product or category');
    o.level = opts.level;
  }
  if (opts['rank-by']) {
    if (!['lift', 'confidence', 'count'].includes(opts['rank-by'])) fail('--rank-by must be lift, confidence or count');
    o.rankBy = opts['rank-by'];
  }
  const minCount = wholeNumber(opts, 'min-count', fail);
  if (minCount) o.minCount = minCount;
  if (opts.top !== undefined) o.topN = Number(opts.top);
  if (opts['end-date']) o.endDate = opts['end-date'];
  return o;
}

export function affinityTextReport(file, a) {
  const ruleRows = (rules) => rules.map((r) => [r.antecedent.name || r.antecedent.key, r.consequent.name || r.consequent.key,
    fmt(r.count), pct(r.support), pct(r.confidence), fmt(r.lift)]);
  const header = (what) => ['if bought', what, 'count', 'support', 'confidence', 'lift'];
  const lines = [`${file} — ${a.level} affinity: ${fmt(a.baskets)} baskets (purchase orders), ${fmt(a.sequences)} customers with 2+ purchase days; rules seen at least ${a.minCount} times, top ${a.topN || 'all'} per ${a.level} by ${a.rankBy}`];
  lines.push('', 'Bought together (same order):');
  lines.push(...(a.coPurchase.length ? table(header('also bought'), ruleRows(a.coPurchase), { rightFrom: 2, indent: '  ' }) : ['  (none)']));
  lines.push('', 'Bought next (on the next purchase day):');
  lines.push(...(a.nextPurchase.length ? table(header('then bought'), ruleRows(a.nextPurchase), { rightFrom: 2, indent: '  ' }) : ['  (none)']));
  return lines.join('\n');
}
