#!/usr/bin/env node
// The orderlens command line: a thin shell over the npm API (the same WASM module).
//   orderlens report <orders.csv|orders.xlsx> [options]      see `orderlens --help`
import fs from 'node:fs';
import path from 'node:path';
import { createOrderlens, OrderlensError } from './index.js';
import { toCsv } from './csv-writer.js';
import { fmt, table } from './cli-format.js';
import { clvOptions, clvTextReport, CLV_VALUE_OPTIONS, writeClvCsv } from './cli-clv.js';
import { channelOptions, channelsTextReport, cohortOptions, cohortsTextReport, kpiOptions, kpisTextReport,
  REPORT_VALUE_OPTIONS } from './cli-reports.js';
import { AFFINITY_VALUE_OPTIONS, affinityOptions, affinityTextReport, SEGMENT_VALUE_OPTIONS, segmentOptions, segmentsJson,
  segmentsTextReport, writeCustomerGroupsCsv } from './cli-segments.js';
import { RECOMMEND_VALUE_OPTIONS, recommendJson, recommendOptions, recommendTextReport, writeRecommendationsCsv } from './cli-recommend.js';

const HELP = `orderlens — customer analytics for shop order exports, computed on your device

Usage:
  orderlens report <orders.csv|orders.xlsx> [options]
  orderlens clv <orders.csv> [clv options] [options]
  orderlens segments <orders.csv> [segment options] [options]
  orderlens affinity <orders.csv> [affinity options] [options]
  orderlens recommend <orders.csv> [recommend options] [options]
  orderlens kpis <orders.csv> [--events FILE] [--period month|week|day] [options]
  orderlens cohorts <orders.csv> [cohort options] [options]
  orderlens channels <orders.csv> --spend FILE [channel options] [options]

report reads the export (Shopify, WooCommerce, Cafe24, Naver Smartstore, Stripe or any table with
a customer, a date and an amount; CSV or an Excel .xlsx, password-protected too), explains what
was read and skipped, and summarizes customers. A protected workbook's password is asked for, or
read from the environment variable ORDERLENS_PASSWORD (never from the command line).
clv fits a customer-lifetime-value model and predicts, per customer, P(alive), expected
purchases, expected spend, CLV, the next order date and the churn probability.

segments sorts customers into the CRM playbook's groups, each with its size, revenue share and
suggested campaign: RFM, repurchase groups, purchase-cycle due, cross-sell, loyalty tiers, and
your own JSON rules.

segment options:
  --events FILE          a website events file (GA4 export, or user, event and time columns) for
                         the funnel groups
  --pack NAMES           some of rfm, repurchase, funnel, cycle, crosssell, tiers, custom
                         (comma-separated; default: all the inputs allow)
  --rules FILE.json      custom segments (see README "Custom segments")
  --scheme NAME          RFM names: rf_grid (default) or shopify
  --cross-sell-a ITEM    cross-sell: customers who bought ITEM (sku:X, category:X or name:X) ...
  --cross-sell-b ITEM    ... and never ITEM
  --months N             ... within the last N months (default 3)
  --cutoff-days N        purchase cycle: due after N days without a purchase (default: the cycle)
  --cutoff-months N      ... or after N months
  --min-size N           flag groups smaller than N customers (default 30)
  --spend FILE           what each channel cost (as for channels): every group gets CAC and LTV:CAC
  --margin SHARE         share of revenue that is profit, for LTV (default 1)
  --lang en|ko           group names and campaigns in English (default) or Korean
  --out FILE             write every customer's group per pack as CSV (UTF-8 with BOM, Excel-safe)
  --out-encoding NAME    utf-8 (default) or cp949 (for old Excel)

affinity lists the products bought together (same order) and bought next (on the customer's
next purchase day), with support, confidence and lift.

affinity options:
  --level NAME           product (default) or category
  --min-count N          drop rules seen fewer than N times (default 3)
  --rank-by NAME         lift (default), confidence or count; --top N rules per product (default 5)

recommend suggests each customer's next products, with a reason in English and Korean: products
often bought with or after theirs (collaborative filtering), a reorder reminder for consumables
they usually rebuy once their interval has passed, best sellers of their favourite category and
the shop's recent best sellers.

recommend options:
  --top N                products per customer, 1-100 (default 10)
  --segment KEY          only a segment's customers: a pack (rfm) or a group (rfm.champions)
  --rules FILE.json      custom segments; --segment custom.<key> picks one (default: all of them)
  --calibration-end DATE recommend from purchases up to DATE and print the holdout evaluation
                         (hit rate, precision, recall, coverage @5 and @10) next to best sellers
  --lang en|ko           reasons in English (default) or Korean
  --out FILE             write one row per recommendation as CSV (UTF-8 with BOM, Excel-safe)
  --out-encoding NAME    utf-8 (default) or cp949 (for old Excel)

kpis lists the KPIs per period (visitors with --events, customers new and returning, first
purchases and repurchases, orders, revenue, AOV, conversion, retention, churn), what changed
against the previous complete period, revenue's change split by driver, and what to do about
each driver that fell. The first and last periods, when the data cover them only in part, are
marked and not compared.

kpis options:
  --events FILE          a website events file, for visitors and conversion
  --period NAME          month (default), week or day
  --start-date DATE      the export's first day, when it is before the first order
  --drop-threshold SHARE a fall of at least this share triggers an action (default 0.05)
  --lang en|ko           names and actions in English (default) or Korean

cohorts follows customers by the month (or week) of their first purchase: the share active in
each later period and the cumulative revenue per acquired customer (the LTV curve).

cohort options:
  --period NAME          month (default) or week
  --by NAME              period (default), product, channel or coupon of the first order
  --max-cohorts N        product / channel / coupon cohorts listed (default 20; the rest as other)
  --max-age N            periods followed per cohort (default: all)

channels compares what a customer cost (CAC) with what they bring (LTV) per acquisition channel:
new customers, CAC, revenue per customer 3, 6 and 12 months after their first purchase,
predicted CLV, LTV:CAC and the payback period.

channel options:
  --spend FILE           spend per channel: CSV (channel,period,spend; period like 2024-03 or
                         omitted for the whole range) or JSON [{channel, period, amount}]
  --period NAME          month (default) or week
  --margin SHARE         profit share of revenue, 0-1 (default 1)
  --events FILE          a website events file: the traffic source of customers whose first
                         order names no channel

clv options:
  --model NAME           bgnbd (default), mbgnbd, pnbd (Pareto/NBD)
  --spend NAME           gg (Gamma-Gamma, default) or none (channels: the spend file)
  --calibration-end DATE fit on purchases up to DATE and report the holdout after it
  --horizon N            months of expected purchases and CLV (default 12)
  --discount RATE        monthly discount rate (default 0.01)
  --margin SHARE         profit share of revenue, 0-1 (default 1: CLV in revenue)
  --churn-days N         churn probability = P(no purchase in N days) (default 90)
  --penalizer X          L2 penalty on the parameters (default 0)
  --out FILE             write the per-customer predictions as CSV (UTF-8 with BOM, Excel-safe)

Options:
  --sheet NAME           an Excel workbook's sheet to read (default: the first visible one)
  --preset NAME          auto (default), shopify, woocommerce, woocommerce_analytics, cafe24,
                         smartstore, stripe, generic
  --encoding NAME        auto (default), utf-8, cp949 (euc-kr), utf-16le, utf-16be
  --delimiter C          auto (default), ",", ";", "tab", "|"
  --mapping JSON         column mapping, e.g. '{"customerId":"Buyer","orderDate":"When"}'
  --header-line N        the header is on line N (default: searched in the first 30 rows)
  --date-order ORDER     auto (default), mdy, dmy  (for dates like 03/04/2025)
  --decimal C            auto (default), "." or ","
  --unit UNIT            days (default) or weeks, for recency, T (and the models' parameters)
  --end-date DATE        end of the observation period (default: the last purchase)
  --json                 print {diagnostics, customers} as JSON
  --md                   print a Markdown report
  --top N                customers listed in the text / Markdown report (default 10)
  --customers-csv FILE   write the customer summary as CSV (UTF-8 with BOM, Excel-safe)
  -h, --help             this text
  -v, --version          the version

Exit status: 0 done, 1 the file could not be read, 2 wrong usage.`;

const VALUE_OPTIONS = new Set(['sheet', 'preset', 'encoding', 'delimiter', 'mapping', 'header-line', 'date-order', 'decimal', 'unit',
  'end-date', 'top', 'customers-csv', ...CLV_VALUE_OPTIONS, ...SEGMENT_VALUE_OPTIONS, ...AFFINITY_VALUE_OPTIONS,
  ...REPORT_VALUE_OPTIONS, ...RECOMMEND_VALUE_OPTIONS]);
const FLAG_OPTIONS = new Set(['json', 'md', 'help', 'version']);

const CUSTOMER_COLUMNS = ['id', 'idKind', 'email', 'name', 'orders', 'repeatOrders', 'firstOrder', 'lastOrder',
  'grossRevenue', 'netRevenue', 'aov', 'items', 'firstChannel', 'products', 'frequency', 'recency', 'T', 'monetary'];

class UsageError extends Error {}
class OutputError extends Error {}

function parseArgs(argv) {
  const positional = [];
  const opts = {};
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    if (arg === '-h') opts.help = true;
    else if (arg === '-v') opts.version = true;
    else if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (FLAG_OPTIONS.has(name)) opts[name] = true;
      else if (VALUE_OPTIONS.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        opts[name] = value;
      } else throw new UsageError(`unknown option --${name}`);
    } else positional.push(arg);
  }
  return { positional, opts };
}

function ingestOptions(opts, file) {
  const o = { fileName: path.basename(file) };
  if (opts.preset) o.preset = opts.preset;
  if (opts.sheet) o.sheet = opts.sheet;
  // A protected workbook's password: from the environment for scripts, or asked (loadOrders);
  // never a command-line argument, which other users of the machine can see.
  if (process.env.ORDERLENS_PASSWORD) o.password = process.env.ORDERLENS_PASSWORD;
  if (opts.encoding) o.encoding = opts.encoding;
  if (opts.delimiter) o.delimiter = opts.delimiter;
  if (opts['date-order']) o.dateOrder = opts['date-order'];
  if (opts.decimal) o.decimalSeparator = opts.decimal;
  if (opts['header-line']) o.headerLine = Number(opts['header-line']);
  if (opts.mapping) {
    try {
      o.mapping = JSON.parse(opts.mapping);
    } catch {
      throw new UsageError('--mapping must be JSON, e.g. \'{"customerId":"Buyer"}\'');
    }
  }
  return o;
}


// Reads a password from the terminal without echoing it.
function askPassword(prompt) {
  return new Promise((resolve, reject) => {
    const { stdin, stderr } = process;
    // Raw mode first: what is typed once the prompt shows is never echoed.
    stdin.setRawMode(true);
    stderr.write(prompt);
    let typed = '';
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (text) => {
      for (const ch of text) {
        if (ch === '\r' || ch === '\n') {
          finish();
          return resolve(typed);
        }
        if (ch === '\u0003') {
          finish();
          return reject(new UsageError('cancelled'));
        }
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

// loadFile() with the command line's options; a protected workbook's password is asked for on a
// terminal when ORDERLENS_PASSWORD does not give it.
async function loadOrders(ol, file, opts, extra = {}) {
  const options = { ...ingestOptions(opts, file), ...extra };
  try {
    return await ol.loadFile(file, options);
  } catch (error) {
    if (error?.code !== 'password_required') throw error;
    if (!process.stdin.isTTY) throw new OrderlensError(`${error.message} (set ORDERLENS_PASSWORD, or run orderlens in a terminal to be asked)`, error.code);
    const password = await askPassword(`Password for ${path.basename(file)}: `);
    return ol.loadFile(file, { ...options, password });
  }
}

function describeIssues(title, list) {
  const lines = [];
  for (const issue of list) {
    lines.push(`  ${title} ${fmt(issue.count)} × ${issue.reason}: ${issue.message}`);
    for (const ex of issue.examples) {
      const where = ex.column ? `line ${ex.line}, column ${ex.column} (${ex.columnName})` : `line ${ex.line}`;
      lines.push(`      ${where}: ${JSON.stringify(ex.value)}${ex.detail ? ` — ${ex.detail}` : ''}`);
    }
  }
  return lines;
}

function topCustomers(customers, n) {
  return [...customers].sort((a, b) => b.netRevenue - a.netRevenue || (a.id < b.id ? -1 : 1)).slice(0, n);
}

function textReport(d, customers, top) {
  const o = d.orders;
  const lines = [
    `${d.file} — ${d.preset.name}${d.preset.detected ? ' (detected)' : ''}, ${d.workbook ? `Excel workbook, sheet "${d.workbook.sheet}" of ${d.workbook.sheets.length}` : `${d.encoding.name}, delimiter "${d.delimiter.name}"`}, header on line ${d.header.line}${d.header.rowsAbove ? ` (${d.header.rowsAbove} row(s) above it skipped)` : ''}`,
    `Rows: ${fmt(d.rows.read)} read · ${fmt(d.rows.used)} used · ${fmt(d.rows.skipped)} skipped${d.blankLines ? ` · ${fmt(d.blankLines)} empty line(s)` : ''}`,
    ...describeIssues('skipped', d.skipped),
    ...(d.warnings.length ? ['Warnings:', ...describeIssues('', d.warnings)] : []),
    `Orders: ${fmt(o.total)} (paid ${fmt(o.paid)}, partially refunded ${fmt(o.partiallyRefunded)}, refunded ${fmt(o.refunded)}, cancelled ${fmt(o.cancelled)}, pending ${fmt(o.pending)}) · ${fmt(d.lineItems)} line items · ${fmt(d.products)} products`,
    `Customers: ${fmt(customers.length)} with a purchase${d.customersWithoutPurchase ? ` (${fmt(d.customersWithoutPurchase)} more without one)` : ''}${customers.length ? ` · purchases from ${d.firstOrderDate} to ${d.lastOrderDate}` : ''}`,
    ...d.notes.map((n) => `Note: ${n}`),
  ];
  if (customers.length && top > 0) {
    const rows = topCustomers(customers, top);
    const header = ['#', 'customer', 'orders', 'net revenue', 'first order', 'last order', 'frequency', 'recency', 'T', 'monetary'];
    const cells = rows.map((c, i) => [String(i + 1), c.id, fmt(c.orders), fmt(c.netRevenue), c.firstOrder, c.lastOrder,
      fmt(c.frequency), fmt(c.recency), fmt(c.T), fmt(c.monetary)]);
    lines.push('', `Top ${rows.length} customers by net revenue:`, ...table(header, cells, { rightFrom: 2 }));
  }
  return lines.join('\n');
}

function mdEscape(text) {
  return String(text).replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/[\r\n]+/g, ' ');
}

function markdownReport(d, customers, top) {
  const o = d.orders;
  const lines = [
    `# orderlens report: ${mdEscape(d.file)}`,
    '',
    '| | |', '| --- | --- |',
    `| layout | ${mdEscape(d.preset.name)}${d.preset.detected ? ' (detected)' : ''} |`,
    `| encoding | ${d.encoding.name} (${mdEscape(d.encoding.reason)}) |`,
    `| delimiter | \`${mdEscape(d.delimiter.name)}\` |`,
    `| header | line ${d.header.line} |`,
    `| rows | ${fmt(d.rows.read)} read, ${fmt(d.rows.used)} used, ${fmt(d.rows.skipped)} skipped |`,
    `| orders | ${fmt(o.total)}: paid ${fmt(o.paid)}, partially refunded ${fmt(o.partiallyRefunded)}, refunded ${fmt(o.refunded)}, cancelled ${fmt(o.cancelled)}, pending ${fmt(o.pending)} |`,
    `| customers | ${fmt(customers.length)} with a purchase, ${fmt(d.customersWithoutPurchase)} without |`,
    `| purchases | ${d.firstOrderDate || '–'} to ${d.lastOrderDate || '–'} |`,
  ];
  const issues = [...d.skipped.map((s) => ['skipped', s]), ...d.warnings.map((w) => ['warning', w])];
  if (issues.length) {
    lines.push('', '## Rows skipped and warnings', '', '| kind | reason | count | first example |', '| --- | --- | --- | --- |');
    for (const [kind, s] of issues) {
      const ex = s.examples[0];
      const example = ex ? `line ${ex.line}${ex.column ? `, ${mdEscape(ex.columnName)}` : ''}: ${mdEscape(JSON.stringify(ex.value))} ${mdEscape(ex.detail)}` : '';
      lines.push(`| ${kind} | ${s.reason}: ${mdEscape(s.message)} | ${fmt(s.count)} | ${example} |`);
    }
  }
  if (customers.length && top > 0) {
    lines.push('', `## Top ${Math.min(top, customers.length)} customers by net revenue`, '',
      '| customer | orders | net revenue | first order | last order | frequency | recency | T | monetary |',
      '| --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: |');
    for (const c of topCustomers(customers, top)) {
      lines.push(`| ${mdEscape(c.id)} | ${fmt(c.orders)} | ${fmt(c.netRevenue)} | ${c.firstOrder} | ${c.lastOrder} | ${fmt(c.frequency)} | ${fmt(c.recency)} | ${fmt(c.T)} | ${fmt(c.monetary)} |`);
    }
  }
  return lines.join('\n');
}

async function report(file, opts) {
  const ol = await createOrderlens();
  const showProgress = process.stderr.isTTY && !opts.json;
  // Read straight into WebAssembly memory, by two instances in parallel when the file is large.
  const dataset = await loadOrders(ol, file, opts, {
    onProgress: showProgress ? ({ fraction }) => process.stderr.write(`\rreading ${Math.round(100 * fraction)}%`) : undefined,
  });
  if (showProgress) process.stderr.write('\r\x1b[K');
  const summaryOptions = {};
  if (opts.unit) summaryOptions.unit = opts.unit;
  if (opts['end-date']) summaryOptions.endDate = opts['end-date'];
  const customers = dataset.customers(summaryOptions);
  const d = dataset.diagnostics;
  const top = opts.top !== undefined ? Number(opts.top) : 10;
  if (opts['customers-csv']) {
    try {
      fs.writeFileSync(opts['customers-csv'], toCsv(CUSTOMER_COLUMNS, customers));
    } catch (error) {
      throw new OutputError(`cannot write ${opts['customers-csv']}: ${error.code === 'ENOENT' ? 'no such folder' : error.message}`);
    }
  }
  if (opts.json) process.stdout.write(`${JSON.stringify({ diagnostics: d, customers }, null, 1)}\n`);
  else if (opts.md) process.stdout.write(`${markdownReport(d, customers, top)}\n`);
  else process.stdout.write(`${textReport(d, customers, top)}\n`);
  if (opts['customers-csv'] && !opts.json) process.stderr.write(`wrote ${customers.length} customers to ${opts['customers-csv']}\n`);
  dataset.dispose();
}

async function clv(file, opts) {
  const options = clvOptions(opts, (message) => { throw new UsageError(message); });
  const ol = await createOrderlens();
  const dataset = await loadOrders(ol, file, opts);
  const result = dataset.clv(options);
  const top = opts.top !== undefined ? Number(opts.top) : 10;
  if (opts.out) {
    try {
      writeClvCsv(opts.out, result.customers);
    } catch (error) {
      throw new OutputError(`cannot write ${opts.out}: ${error.code === 'ENOENT' ? 'no such folder' : error.message}`);
    }
  }
  if (opts.json) {
    const { columns, ...analysis } = result;
    process.stdout.write(`${JSON.stringify({ diagnostics: dataset.diagnostics, clv: analysis, customers: result.customers }, null, 1)}\n`);
  } else {
    process.stdout.write(`${clvTextReport(path.basename(file), result, top)}\n`);
    if (opts.out) process.stderr.write(`wrote ${result.customers.length} customers to ${opts.out}\n`);
  }
  dataset.dispose();
}

// --out: `write(file, encodeCp949 or null)` (CP949 with --out-encoding cp949), its failure an
// OutputError; {rows, unmappable}, or nothing without --out.
function writeOut(ol, opts, write) {
  if (!opts.out) return undefined;
  try {
    return write(opts.out, opts['out-encoding'] === 'cp949' ? (t) => ol.encodeCp949(t) : null);
  } catch (error) {
    throw new OutputError(`cannot write ${opts.out}: ${error.code === 'ENOENT' ? 'no such folder' : error.message}`);
  }
}

function reportWritten(written, what, file) {
  if (!written) return;
  process.stderr.write(`wrote ${written.rows} ${what} to ${file}${written.unmappable ? ` (${written.unmappable} character(s) not in CP949 written as ?)` : ''}\n`);
}

async function segments(file, opts) {
  const options = segmentOptions(opts, (message) => { throw new UsageError(message); });
  const ol = await createOrderlens();
  const dataset = await loadOrders(ol, file, opts);
  const events = await eventsOption(ol, opts);
  const result = dataset.segments({ ...options, events });
  events?.dispose();
  const written = writeOut(ol, opts, (out, encode) => writeCustomerGroupsCsv(out, result, encode));
  if (opts.json) {
    const out = { diagnostics: dataset.diagnostics, ...(events ? { eventDiagnostics: events.diagnostics } : {}), segments: segmentsJson(result) };
    process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
  } else {
    process.stdout.write(`${segmentsTextReport(path.basename(file), result, opts.lang ?? 'en')}\n`);
  }
  reportWritten(written, 'customers', opts.out);
  dataset.dispose();
}

async function affinity(file, opts) {
  const options = affinityOptions(opts, (message) => { throw new UsageError(message); });
  const ol = await createOrderlens();
  const dataset = await loadOrders(ol, file, opts);
  const result = dataset.affinity(options);
  if (opts.json) process.stdout.write(`${JSON.stringify({ diagnostics: dataset.diagnostics, affinity: result }, null, 1)}\n`);
  else process.stdout.write(`${affinityTextReport(path.basename(file), result)}\n`);
  dataset.dispose();
}

async function recommend(file, opts) {
  const options = recommendOptions(opts, (message) => { throw new UsageError(message); });
  const ol = await createOrderlens();
  const dataset = await loadOrders(ol, file, opts);
  const result = dataset.recommend(options);
  const written = writeOut(ol, opts, (out, encode) => writeRecommendationsCsv(out, result, encode));
  if (opts.json) process.stdout.write(`${JSON.stringify({ diagnostics: dataset.diagnostics, recommend: recommendJson(result) }, null, 1)}\n`);
  else process.stdout.write(`${recommendTextReport(path.basename(file), result, opts.lang ?? 'en')}\n`);
  reportWritten(written, 'recommendations', opts.out);
  dataset.dispose();
}

// Reads the events file of --events (or nothing).
async function eventsOption(ol, opts) {
  if (!opts.events) return undefined;
  if (!fs.statSync(opts.events, { throwIfNoEntry: false })?.isFile()) throw new OrderlensError(`${opts.events}: no such file`, 'file_unreadable');
  return ol.loadEvents(fs.readFileSync(opts.events), { fileName: path.basename(opts.events) });
}

// kpis, cohorts, channels: options -> the Dataset method -> JSON or a text report.
const PERIOD_REPORTS = {
  kpis: { options: kpiOptions, text: kpisTextReport, events: true },
  cohorts: { options: cohortOptions, text: cohortsTextReport, events: false },
  channels: { options: channelOptions, text: channelsTextReport, events: true },
};

async function periodReport(command, file, opts) {
  const spec = PERIOD_REPORTS[command];
  const fail = (message) => { throw new UsageError(message); };
  if (opts.lang && !['en', 'ko'].includes(opts.lang)) fail('--lang must be en or ko');
  if (opts.events && !spec.events) fail(`--events is not used by ${command}`);
  const options = spec.options(opts, fail);
  const ol = await createOrderlens();
  const dataset = await loadOrders(ol, file, opts);
  const events = spec.events ? await eventsOption(ol, opts) : undefined;
  const result = dataset[command](events ? { ...options, events } : options);
  if (opts.json) {
    const out = { diagnostics: dataset.diagnostics, ...(events ? { eventDiagnostics: events.diagnostics } : {}), [command]: result };
    process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
  } else {
    process.stdout.write(`${spec.text(path.basename(file), result, opts.lang ?? 'en')}\n`);
  }
  events?.dispose();
  dataset.dispose();
}

async function main(argv) {
  const { positional, opts } = parseArgs(argv);
  if (opts.version) {
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (opts.help || positional.length === 0) {
    process.stdout.write(`${HELP}\n`);
    return opts.help ? 0 : 2;
  }
  const [command, file, ...rest] = positional;
  if (!['report', 'clv', 'segments', 'affinity', 'recommend', 'kpis', 'cohorts', 'channels'].includes(command)) {
    throw new UsageError(`unknown command "${command}" (expected: report, clv, segments, affinity, recommend, kpis, cohorts or channels)`);
  }
  if (!file) throw new UsageError(`${command} needs a file: orderlens ${command} <orders.csv>`);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (opts.json && opts.md) throw new UsageError('choose one of --json and --md');
  if (opts.unit && opts.unit !== 'days' && opts.unit !== 'weeks') throw new UsageError('--unit must be days or weeks');
  if (opts.top !== undefined && !/^\d+$/.test(opts.top)) throw new UsageError('--top must be a whole number');
  const stats = fs.statSync(file, { throwIfNoEntry: false });
  if (!stats?.isFile()) {
    process.stderr.write(`orderlens: ${file}: ${stats ? 'not a file' : 'no such file'}\n`);
    return 1;
  }
  if (command === 'clv') await clv(file, opts);
  else if (command === 'segments') await segments(file, opts);
  else if (command === 'affinity') await affinity(file, opts);
  else if (command === 'recommend') await recommend(file, opts);
  else if (PERIOD_REPORTS[command]) await periodReport(command, file, opts);
  else await report(file, opts);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    if (error instanceof UsageError) {
      process.stderr.write(`orderlens: ${error.message}\nRun orderlens --help for usage.\n`);
      process.exitCode = 2;
    } else if (error instanceof OrderlensError || error instanceof OutputError) {
      process.stderr.write(`orderlens: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`orderlens: ${error.stack ?? error}\n`);
      process.exitCode = 1;
    }
  },
);
