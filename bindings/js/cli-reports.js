// `orderlens kpis`, `cohorts` and `channels` (see `orderlens --help`): options from the command
// line, and the text reports. The numbers come from Dataset#kpis / #cohorts / #channels.
import fs from 'node:fs';
import path from 'node:path';
import { fmt, readinessLines, table } from './cli-format.js';

export const REPORT_VALUE_OPTIONS = ['period', 'start-date', 'drop-threshold', 'by', 'max-cohorts', 'max-age'];

const pct = (n) => (n === null || n === undefined ? '–' : `${fmt(100 * n, 1)}%`);
const signedPct = (n) => (n === null || n === undefined ? '' : `${n > 0 ? '+' : ''}${fmt(100 * n, 1)}%`);

function timeline(opts, o, fail, periods) {
  if (opts.period) {
    if (!periods.includes(opts.period)) fail(`--period must be ${periods.slice(0, -1).join(', ')} or ${periods.at(-1)}`);
    o.period = opts.period;
  }
  if (opts['start-date']) o.startDate = opts['start-date'];
  if (opts['end-date']) o.endDate = opts['end-date'];
  return o;
}

function wholeNumber(opts, name, fail) {
  if (opts[name] === undefined) return undefined;
  if (!/^\d+$/.test(opts[name])) fail(`--${name} must be a whole number`);
  return Number(opts[name]);
}

/** CLI options -> Dataset#kpis options (without events); `fail(message)` reports a usage error. */
export function kpiOptions(opts, fail) {
  const o = timeline(opts, {}, fail, ['month', 'week', 'day']);
  if (opts['drop-threshold'] !== undefined) {
    const t = Number(opts['drop-threshold']);
    if (!(t >= 0 && t <= 1)) fail('--drop-threshold must be a share from 0 to 1 (0.05 = a fall of 5%)');
    o.dropThreshold = t;
  }
  return o;
}

export function cohortOptions(opts, fail) {
  const o = timeline(opts, {}, fail, ['month', 'week']);
  const by = { period: 'firstPeriod', product: 'firstProduct', channel: 'firstChannel', coupon: 'firstCoupon' };
  if (opts.by) {
    if (!by[opts.by]) fail('--by must be period, product, channel or coupon');
    o.by = by[opts.by];
  }
  const maxCohorts = wholeNumber(opts, 'max-cohorts', fail);
  if (maxCohorts !== undefined) o.maxCohorts = maxCohorts;
  const maxAge = wholeNumber(opts, 'max-age', fail);
  if (maxAge !== undefined) o.maxAge = maxAge;
  return o;
}

/** CLI options -> Dataset#channels options: --spend FILE (CSV, or JSON entries) is read here. */
export function channelOptions(opts, fail) {
  const o = timeline(opts, {}, fail, ['month', 'week']);
  if (opts.margin !== undefined) {
    const m = Number(opts.margin);
    if (!(m >= 0 && m <= 1)) fail('--margin must be a share from 0 to 1');
    o.margin = m;
  }
  if (opts.spend) {
    let bytes;
    try {
      bytes = fs.readFileSync(opts.spend);
    } catch (error) {
      fail(`cannot read --spend ${opts.spend}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    }
    o.spendFileName = path.basename(opts.spend);
    if (/\.json$/i.test(opts.spend)) {
      try {
        const parsed = JSON.parse(new TextDecoder().decode(bytes));
        o.spend = Array.isArray(parsed) ? parsed : parsed.spend;
      } catch (error) {
        fail(`--spend ${opts.spend} is not valid JSON: ${error.message}`);
      }
      if (!Array.isArray(o.spend)) fail(`--spend ${opts.spend}: expected an array of {channel, period, amount} (or {"spend": [...]})`);
    } else {
      o.spend = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
  }
  return o;
}

const KPI_COLUMNS = ['visitors', 'customers', 'newCustomers', 'returningCustomers', 'orders', 'revenue', 'aov',
  'conversionRate', 'retentionRate'];
const RATE_KEYS = new Set(['conversionRate', 'retentionRate', 'churnRate', 'repeatCustomerRate']);

function valueText(key, v) {
  return RATE_KEYS.has(key) ? pct(v) : fmt(v);
}

export function kpisTextReport(file, r, lang = 'en') {
  const names = Object.fromEntries(r.metrics.map((m) => [m.key, lang === 'ko' ? m.ko : m.en]));
  const columns = KPI_COLUMNS.filter((k) => k !== 'visitors' && k !== 'conversionRate' || r.hasEvents);
  const lines = [`${file} — KPIs by ${r.period}, ${r.firstDate ?? '–'} to ${r.lastDate ?? '–'}${r.hasEvents ? `, visitors from ${r.eventsFirstDate} to ${r.eventsLastDate}` : ''}`, ''];
  const rows = r.periods.map((p) => [p.period + (p.partial ? '*' : ''), ...columns.map((k) => valueText(k, p.values[k]))]);
  lines.push(...table([r.period, ...columns.map((k) => names[k])], rows, { rightFrom: 1 }));
  if (r.periods.some((p) => p.partial)) lines.push(lang === 'ko' ? '* 일부 기간만 포함된 달: 비교하지 않습니다' : '* partial period: not compared');
  if (r.latest !== null) {
    const p = r.periods[r.latest];
    const before = r.periods[r.latest - 1];
    lines.push('', lang === 'ko' ? `${p.period} 대 ${before.period}:` : `${p.period} against ${before.period}:`);
    for (const [key, d] of Object.entries(p.deltas)) {
      if (!['visitors', 'newVisitors', 'returningVisitors', 'newCustomers', 'returningCustomers', 'firstPurchases', 'orders', 'revenue', 'aov', 'conversionRate', 'retentionRate'].includes(key)) continue;
      lines.push(`  ${names[key]}: ${valueText(key, before.values[key])} → ${valueText(key, p.values[key])} ${signedPct(d.relative)}`);
    }
    if (p.revenueChange?.split) {
      lines.push(lang === 'ko' ? `  매출 변화 ${fmt(p.revenueChange.change)}의 요인별 기여:` : `  Revenue change ${fmt(p.revenueChange.change)} by driver:`);
      for (const d of p.revenueChange.drivers) lines.push(`    ${names[d.metric]}: ${fmt(d.contribution)}`);
    }
    lines.push('', lang === 'ko' ? '추천 액션:' : 'Recommended actions:');
    if (!p.actions.length) lines.push(lang === 'ko' ? '  (하락한 지표 없음)' : '  (no driver fell)');
    for (const a of p.actions) lines.push(`  - ${lang === 'ko' ? a.ko : a.en} (${signedPct(a.change)})`);
  }
  lines.push(...readinessLines(r.readiness, lang));
  return lines.join('\n');
}

export function cohortsTextReport(file, r, lang = 'en') {
  const ages = Math.max(0, ...r.cohorts.map((c) => c.cells.length));
  const header = [r.by === 'firstPeriod' ? 'cohort' : r.by, 'customers', ...Array.from({ length: ages }, (_, k) => `+${k}`)];
  const rows = r.cohorts.map((c) => [c.label, fmt(c.customers), ...Array.from({ length: ages }, (_, k) => (c.cells[k] ? pct(c.cells[k].activeRate) + (c.cells[k].partial ? '*' : '') : ''))]);
  const ltv = r.cohorts.map((c) => [c.label, fmt(c.customers), ...Array.from({ length: ages }, (_, k) => (c.cells[k] ? fmt(c.cells[k].revenuePerCustomer, 0) : ''))]);
  return [
    `${file} — ${fmt(r.customers)} customers in ${r.cohorts.length} cohorts by ${r.by}, ${r.period}ly`,
    '', lang === 'ko' ? '활성 고객 비율 (첫 구매 후 기간별):' : 'Active customers (share of the cohort, by periods since the first purchase):',
    ...table(header, rows, { rightFrom: 1 }),
    '', lang === 'ko' ? '고객당 누적 매출 (LTV 곡선):' : 'Cumulative revenue per acquired customer (the LTV curve):',
    ...table(header, ltv, { rightFrom: 1 }),
    ...(r.cohorts.some((c) => c.cells.some((x) => x.partial)) ? ['* the data end inside this period'] : []),
    ...readinessLines(r.readiness, lang),
  ].join('\n');
}

export function channelsTextReport(file, r, lang = 'en') {
  const header = ['channel', 'new customers', 'spend', 'CAC', 'revenue 3m', 'revenue 12m', 'predicted CLV', 'LTV', 'LTV:CAC', 'payback (months)'];
  const rows = r.channels.map((c) => [c.channel, fmt(c.newCustomers), fmt(c.spend, 0), fmt(c.cac, 0), fmt(c.revenue3m.perCustomer, 0),
    fmt(c.revenue12m.perCustomer, 0), fmt(c.predictedClv, 0), fmt(c.ltv, 0), fmt(c.ltvToCac), fmt(c.paybackMonths, 0)]);
  const lines = [`${file} — acquisition channels, data to ${r.lastDate ?? '–'}${r.margin !== 1 ? `, margin ${pct(r.margin)}` : ''}`, '',
    ...table(header, rows, { rightFrom: 1 })];
  if (!r.clv.ran) lines.push('', `No predicted CLV: ${r.clv.problem}`);
  if (r.unmatchedSpend.length) lines.push('', `Spend for channels with no customer in the data: ${r.unmatchedSpend.join(', ')}`);
  lines.push('', 'Channels are normalized (docs/kpis.md); raw values behind each:');
  for (const c of r.channels) lines.push(`  ${c.channel}: ${c.rawValues.map((v) => JSON.stringify(v)).join(', ') || '(spend only)'}`);
  lines.push(...readinessLines(r.readiness, lang));
  return lines.join('\n');
}
