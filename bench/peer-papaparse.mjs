#!/usr/bin/env node
// The JS peer of `npm run bench`: what a careful developer would write without orderlens —
// PapaParse streaming the export (header mode, chunk callback, no whole-file read) and plain JS
// computing the same per-customer summary as orderlens (docs/ingestion.md, "Rows → orders",
// "Status → revenue", "Customer summary") for a Shopify orders export.
//
//   node bench/peer-papaparse.mjs <file.csv> [--array]
//
// Header mode (rows as objects keyed by column name) is the default, as the issue asks. --array
// parses rows as arrays (header: false) and looks the columns up by position: the same summary,
// about twice as fast, because PapaParse's header mode dominates the peer's time.
//
// Prints one JSON line: {seconds, megabytes, mbPerSecond, rows, rowsPerSecond, customers, orders,
// peakRssMb, check: {...}}. `check` holds totals over the summarized customers (customer count,
// purchases, gross and net revenue, items, products, frequency, recency, T, monetary) that
// bench/run.mjs compares with orderlens, so the peer is known to do the same work.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import Papa from 'papaparse';

const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const arrayMode = args.includes('--array');
if (!file) {
  console.error('usage: peer-papaparse.mjs <file.csv> [--array]');
  process.exit(2);
}

// The columns used, by name (header mode) or, in array mode, by position once the header is read.
const COLUMNS = {
  name: 'Name', email: 'Email', phone: 'Phone', billingPhone: 'Billing Phone', shippingPhone: 'Shipping Phone',
  createdAt: 'Created at', paidAt: 'Paid at', status: 'Financial Status', cancelledAt: 'Cancelled at', total: 'Total',
  refunded: 'Refunded Amount', quantity: 'Lineitem quantity', sku: 'Lineitem sku', lineName: 'Lineitem name',
};
const K = { ...COLUMNS };

// Statuses (Financial Status, compared without case, spaces and punctuation).
const PAID = 0, PARTIAL = 1, REFUNDED = 2, CANCELLED = 3, PENDING = 4;
const STATUS_WORDS = new Map([
  ['paid', PAID], ['partiallypaid', PAID], ['partiallyrefunded', PARTIAL], ['refunded', REFUNDED],
  ['voided', CANCELLED], ['void', CANCELLED], ['cancelled', CANCELLED], ['canceled', CANCELLED],
  ['pending', PENDING], ['authorized', PENDING], ['expired', CANCELLED], ['failed', CANCELLED],
]);

function statusOf(word) {
  const s = STATUS_WORDS.get(word.toLowerCase().replace(/[^a-z]/g, ''));
  return s === undefined ? PAID : s; // an unknown word counts as paid (docs/ingestion.md)
}

/** Lower-cased email, else the phone digits ("+82 10-…" and "010-…" are one number), else ''. */
function customerKey(row) {
  const email = (row[K.email] || '').trim().toLowerCase();
  if (email) return email;
  for (const column of [K.phone, K.billingPhone, K.shippingPhone]) {
    const phone = (row[column] || '').trim();
    if (!phone) continue;
    let digits = phone.replace(/\D/g, '');
    if (phone.startsWith('+') && digits.startsWith('82')) digits = '0' + digits.slice(2);
    return digits.length >= 7 ? digits : '';
  }
  return '';
}

/** "2025-09-16 12:50:29 +0900" -> days since 1970-01-01 (the date as written; offset not applied). */
const dayCache = new Map();
function dayOf(text) {
  const ymd = text.slice(0, 10);
  let day = dayCache.get(ymd);
  if (day === undefined) {
    day = Date.UTC(+ymd.slice(0, 4), +ymd.slice(5, 7) - 1, +ymd.slice(8, 10)) / 86400000;
    if (!Number.isInteger(day)) throw new Error(`unreadable date: ${text}`);
    dayCache.set(ymd, day);
  }
  return day;
}

const money = (text) => (text ? Number(text) : 0);

const orders = new Map(); // Name -> order (null: the order's first row had no customer, skipped)
const customers = new Map(); // key -> {purchases: [{day, net}], gross, net, items, skus: Set}
let rows = 0;
let orderCount = 0;

function onRow(row) {
  const name = row[K.name];
  if (!name) return; // missing_order_id
  let order = orders.get(name);
  if (order === undefined) {
    // The order's first row: Shopify writes the order-level fields here only.
    const key = customerKey(row);
    const dateText = row[K.createdAt] || row[K.paidAt];
    if (!key || !dateText) {
      orders.set(name, null);
      return;
    }
    let status = statusOf(row[K.status] || '');
    if (row[K.cancelledAt] && (status === PAID || status === PENDING)) status = CANCELLED;
    const total = money(row[K.total]);
    const refunded = money(row[K.refunded]);
    let net = 0;
    if (status === PAID || status === PARTIAL) {
      if (refunded > 0 && refunded >= total) status = REFUNDED;
      else {
        if (refunded > 0) status = PARTIAL;
        net = total - refunded;
      }
    }
    let customer = customers.get(key);
    if (!customer) customers.set(key, (customer = { purchases: [], gross: 0, net: 0, items: 0, skus: new Set() }));
    if (status === PAID || status === PARTIAL || status === REFUNDED) customer.gross += total;
    customer.net += net;
    const purchase = status === PAID || status === PARTIAL;
    if (purchase) customer.purchases.push({ day: dayOf(dateText), net });
    order = { customer, purchase };
    orders.set(name, order);
    ++orderCount;
  } else if (order === null) {
    return; // a line of a skipped order
  }
  if (order.purchase) {
    const q = row[K.quantity];
    order.customer.items += q ? Number(q) : 1;
    const product = row[K.sku] || row[K.lineName];
    if (product) order.customer.skus.add(product);
  }
}

function summarize() {
  let end = -Infinity;
  for (const c of customers.values()) for (const p of c.purchases) if (p.day > end) end = p.day;
  const check = { customers: 0, purchases: 0, grossRevenue: 0, netRevenue: 0, items: 0, products: 0, frequency: 0, recency: 0, T: 0, monetary: 0 };
  const summary = [];
  for (const [key, c] of customers) {
    const n = c.purchases.length;
    if (n === 0) continue;
    c.purchases.sort((a, b) => a.day - b.day);
    let days = 0, repeatNet = 0, prev = NaN;
    for (const p of c.purchases) {
      if (p.day !== prev) ++days;
      if (days > 1) repeatNet += p.net;
      prev = p.day;
    }
    const first = c.purchases[0].day;
    const last = c.purchases[n - 1].day;
    const s = {
      id: key, orders: n, firstOrder: first, lastOrder: last, grossRevenue: c.gross, netRevenue: c.net, items: c.items,
      products: c.skus.size, frequency: days - 1, recency: last - first, T: end - first, monetary: days > 1 ? repeatNet / (days - 1) : 0,
    };
    summary.push(s);
    check.customers += 1;
    check.purchases += n;
    check.grossRevenue += s.grossRevenue;
    check.netRevenue += s.netRevenue;
    check.items += s.items;
    check.products += s.products;
    check.frequency += s.frequency;
    check.recency += s.recency;
    check.T += s.T;
    check.monetary += s.monetary;
  }
  return { summary, check };
}

const started = performance.now();
const bytes = fs.statSync(file).size;
await new Promise((resolve, reject) => {
  // encoding: a StringDecoder in the stream keeps UTF-8 characters split across chunks intact
  // (PapaParse would otherwise call Buffer#toString on each chunk and garble them).
  const stream = fs.createReadStream(file, { highWaterMark: 4 << 20, encoding: 'utf8' });
  stream.on('error', reject);
  let first = 0;
  Papa.parse(stream, {
    header: !arrayMode,
    skipEmptyLines: true,
    chunk(results) {
      const data = results.data;
      if (arrayMode && rows === 0 && first === 0 && data.length) {
        const header = data[0];
        for (const [role, column] of Object.entries(COLUMNS)) {
          K[role] = header.indexOf(column);
          if (K[role] < 0) throw new Error(`no column "${column}"`);
        }
        first = 1;
      }
      rows += data.length - first;
      for (let i = first; i < data.length; ++i) onRow(data[i]);
      first = 0;
    },
    complete: resolve,
    error: reject,
  });
});
const { summary, check } = summarize();
const seconds = (performance.now() - started) / 1000;
const megabytes = bytes / 1e6;

console.log(
  JSON.stringify({
    engine: 'papaparse',
    mode: arrayMode ? 'array' : 'header',
    papaparseVersion: require('papaparse/package.json').version,
    seconds: +seconds.toFixed(4),
    megabytes: +megabytes.toFixed(2),
    mbPerSecond: +(megabytes / seconds).toFixed(1),
    rows,
    rowsPerSecond: Math.round(rows / seconds),
    customers: summary.length,
    orders: orderCount,
    peakRssMb: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
    check,
  }),
);
