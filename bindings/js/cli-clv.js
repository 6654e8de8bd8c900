// `orderlens clv`: customer lifetime value from an orders file (see `orderlens --help`).
import fs from 'node:fs';
import { toCsv } from './csv-writer.js';
import { fmt, table } from './cli-format.js';

export const CLV_VALUE_OPTIONS = ['model', 'spend', 'calibration-end', 'horizon', 'discount', 'margin', 'churn-days',
  'penalizer', 'out'];

const MODEL_NAMES = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', pnbd: 'Pareto/NBD', gg: 'Gamma-Gamma' };

export const CLV_CUSTOMER_COLUMNS = ['id', 'email', 'name', 'orders', 'firstOrder', 'lastOrder', 'netRevenue', 'frequency',
  'recency', 'T', 'monetary', 'pAlive', 'expectedPurchases', 'expectedSpend', 'clv', 'churnProbability', 'nextOrderDate',
  'formulaClv'];

/** CLI options → Dataset#clv options; `fail(message)` reports a usage error. */
export function clvOptions(opts, fail) {
  const o = {};
  const number = (name, key, check, expected) => {
    if (opts[name] === undefined) return;
    const v = Number(opts[name]);
    if (opts[name].trim() === '' || !Number.isFinite(v) || !check(v)) fail(`--${name} must be ${expected}`);
    o[key] = v;
  };
  if (opts.model) {
    if (!['bgnbd', 'mbgnbd', 'pnbd'].includes(opts.model)) fail('--model must be bgnbd, mbgnbd or pnbd');
    o.model = opts.model;
  }
  if (opts.spend) {
    if (!['gg', 'none'].includes(opts.spend)) fail('--spend must be gg or none');
    o.spend = opts.spend;
  }
  if (opts.unit) o.unit = opts.unit;
  if (opts['end-date']) o.endDate = opts['end-date'];
  if (opts['calibration-end']) o.calibrationEnd = opts['calibration-end'];
  number('horizon', 'horizonMonths', (v) => Number.isInteger(v) && v >= 1 && v <= 1200, 'a whole number of months (1-1200)');
  number('discount', 'monthlyDiscountRate', (v) => v >= 0 && v <= 1, 'a monthly rate from 0 to 1, e.g. 0.01');
  number('margin', 'margin', (v) => v >= 0 && v <= 1, 'a share from 0 to 1, e.g. 0.3');
  number('churn-days', 'churnWindowDays', (v) => v >= 1 && v <= 36500, 'a number of days');
  number('penalizer', 'penalizer', (v) => v >= 0, 'a number >= 0');
  return o;
}

const sig = (n) => (n === null || n === undefined || Number.isNaN(n) ? '–' : Number(n.toPrecision(4)).toString());
const pct = (n) => `${fmt(100 * n, 1)}%`;

const indented = (header, rows) => table(header, rows, { indent: '  ' });

function fitLines(fit) {
  const name = MODEL_NAMES[fit.model];
  const status = fit.converged ? `converged in ${fit.iterations} iterations` : `NOT converged: ${fit.message}`;
  const lines = [`${name} (${status}${fit.usedFallback ? ', after the Nelder-Mead fallback' : ''}; log-likelihood ${fmt(fit.logLikelihood)}, ${fmt(fit.customers)} customers)`];
  lines.push(...indented(['parameter', 'estimate', 'std. error'],
    Object.keys(fit.params).map((k) => [k, sig(fit.params[k]), sig(fit.stdErrors[k])])));
  if (fit.converged && fit.message) lines.push(`  note: ${fit.message}`);
  return lines;
}

export function clvTextReport(file, r, top) {
  const o = r.options;
  const lines = [`${file} — ${fmt(r.totals.customers)} customers with a purchase, data to ${r.endDate}, times in ${o.unit}`];
  const failed = r.sufficiency.checks.filter((c) => !c.passed);
  lines.push(failed.length === 0 ? 'Data sufficiency: enough data for the models.'
    : `Data sufficiency: the predictions below may not be reliable —`);
  for (const c of failed) lines.push(`  ${c.key}: ${fmt(c.value)} (needs ${fmt(c.required)}): ${c.message}`);
  lines.push('', ...fitLines(r.transactions));
  if (r.spend) {
    lines.push('', ...fitLines(r.spend),
      `  population mean spend ${fmt(r.spend.populationMeanSpend)}; ${fmt(r.spend.customers)} customers with repeat purchases` +
      `${r.spend.excludedNonPositive ? ` (${r.spend.excludedNonPositive} with zero or negative spend left out)` : ''}`,
      `  correlation of frequency and spend: ${fmt(r.spendFrequencyCorrelation, 3)}` +
      `${Math.abs(r.spendFrequencyCorrelation) > 0.3 ? ' — high: Gamma-Gamma assumes they are independent' : ' (Gamma-Gamma assumes independence)'}`);
  }
  const t = r.totals;
  lines.push('', `Next ${o.horizonMonths} months (${pct(o.monthlyDiscountRate)} monthly discount, margin ${pct(o.margin)}):`,
    `  expected purchases ${fmt(t.expectedPurchases, 1)} · CLV ${fmt(t.clv)} in total, ${fmt(t.meanClv)} per customer`,
    `  expected active customers ${fmt(t.expectedActiveCustomers, 0)} (${pct(t.meanPAlive)}) · historic revenue ${fmt(t.historicRevenue)}`,
    `  customers expected to buy 0 / 1 / 2 / 3 / 4+ times: ${[0, 1, 2, 3].map((n) => fmt(t.purchaseDistribution[n], 0)).join(' / ')} / ${fmt(t.purchaseDistribution.slice(4).reduce((a, b) => a + b, 0), 0)}`,
    `  simple formula CLV (AOV ${fmt(t.meanOrderValue)} × ${fmt(t.ordersPerCustomerYear)} orders/year × ${o.lifespanYears} years × margin): ${fmt(t.meanFormulaClv)} per customer`);
  if (r.holdout) {
    const h = r.holdout;
    lines.push('', `Holdout: fitted to ${h.calibrationEnd}, predicting the ${fmt(h.length)} ${o.unit} to ${h.end}`,
      `  repeat purchases: actual ${fmt(h.actualPurchases)}, predicted ${fmt(h.predictedPurchases, 1)} ` +
      `(${fmt(100 * (h.predictedPurchases / h.actualPurchases - 1), 1)}%); mean absolute error per customer ${fmt(h.meanAbsoluteError, 3)}`,
      ...indented(['purchases before', 'customers', 'actual mean', 'predicted mean'],
        h.byFrequency.map((b, k, all) => [k === all.length - 1 ? `${b.frequency}+` : String(b.frequency), fmt(b.customers),
          fmt(b.actual, 3), fmt(b.predicted, 3)])));
  }
  if (top > 0) {
    const rows = [...r.customers].sort((a, b) => b.clv - a.clv || (a.id < b.id ? -1 : 1)).slice(0, top);
    lines.push('', `Top ${rows.length} customers by CLV:`,
      ...indented(['customer', 'orders', 'P(alive)', 'exp. purchases', 'exp. spend', 'CLV', 'next order', `P(none in ${o.churnWindowDays}d)`],
        rows.map((c) => [c.id, fmt(c.orders), fmt(c.pAlive, 3), fmt(c.expectedPurchases), fmt(c.expectedSpend), fmt(c.clv),
          c.nextOrderDate ?? '–', fmt(c.churnProbability, 3)])));
  }
  for (const note of r.notes) lines.push('', `Note: ${note}`);
  return lines.join('\n');
}

export function writeClvCsv(path, customers) {
  fs.writeFileSync(path, toCsv(CLV_CUSTOMER_COLUMNS, customers));
}
