#!/usr/bin/env node
// WASM side of `npm run bench`: the npm package (dist/, imported through the package's
// self-reference) in Node — createOrderlens(), loadFile() (which reads a large file with two
// WebAssembly instances, the second in a Worker), then the customer summary
// (dataset.customerColumns()).
//
//   node bench/wasm-ingest.mjs <file.csv> [--threads 1]   (1: one instance, {parallel: false})
//   ORDERLENS_DIST=<dir> node bench/wasm-ingest.mjs <file.csv>   the package from <dir> instead of dist/
//                        (bench/run.mjs passes a snapshot of dist/ taken when it starts, so that a
//                        rebuild during the benchmark does not mix two builds in one report)
//
// Prints one JSON line: {seconds (ingestion + summary), ingestSeconds, summarySeconds, initSeconds
// (instantiating the module; not in seconds), megabytes, mbPerSecond, rows, rowsPerSecond,
// customers (summarized, i.e. with a purchase), orders, lineItems, customersTotal, wasmHeapMb
// (WebAssembly memory reserved: it grows and never shrinks, so this is its peak), tablesMb
// (dataset.stats().tableBytes), peakRssMb (max RSS of this process), netRevenueTotal, check}.
// `check` holds the same totals as bench/peer-papaparse.mjs prints; it is computed after the
// clock stops.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const distDir = process.env.ORDERLENS_DIST;
const { createOrderlens } = await import(distDir ? pathToFileURL(path.join(path.resolve(distDir), 'index.js')).href : 'orderlens');

const args = process.argv.slice(2);
const oneThread = args.includes('--threads') && args[args.indexOf('--threads') + 1] === '1';
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--threads');
if (!file) {
  console.error('usage: wasm-ingest.mjs <file.csv>');
  process.exit(2);
}

const t0 = performance.now();
const ol = await createOrderlens();
const t1 = performance.now();
const dataset = await ol.loadFile(file, { parallel: oneThread ? false : undefined });
const t2 = performance.now();
const columns = dataset.customerColumns();
const t3 = performance.now();

const d = dataset.diagnostics;
const { tableBytes, parts } = dataset.stats();
const heapBytes = ol.memoryBytes;
const seconds = (t3 - t1) / 1000;
const megabytes = d.bytes / 1e6;

const sum = (a) => {
  let s = 0;
  for (let i = 0; i < a.length; ++i) s += a[i];
  return s;
};
const check = {
  customers: columns.count,
  purchases: sum(columns.orders),
  grossRevenue: sum(columns.grossRevenue),
  netRevenue: sum(columns.netRevenue),
  items: sum(columns.items),
  products: sum(columns.products),
  frequency: sum(columns.frequency),
  recency: sum(columns.recency),
  T: sum(columns.T),
  monetary: sum(columns.monetary),
};

console.log(
  JSON.stringify({
    engine: oneThread ? 'wasm1' : 'wasm',
    version: ol.version,
    parts,
    seconds: +seconds.toFixed(4),
    ingestSeconds: +((t2 - t1) / 1000).toFixed(4),
    summarySeconds: +((t3 - t2) / 1000).toFixed(4),
    initSeconds: +((t1 - t0) / 1000).toFixed(4),
    megabytes: +megabytes.toFixed(2),
    mbPerSecond: +(megabytes / seconds).toFixed(1),
    rows: d.rows.read,
    rowsPerSecond: Math.round(d.rows.read / seconds),
    customers: columns.count,
    orders: d.orders.total,
    lineItems: d.lineItems,
    customersTotal: d.customers,
    wasmHeapMb: +(heapBytes / 1e6).toFixed(1),
    tablesMb: +(tableBytes / 1e6).toFixed(1),
    tableBytes,
    peakRssMb: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
    netRevenueTotal: check.netRevenue,
    check,
  }),
);
