#!/usr/bin/env node
// `npm run bench` (after the KPI benchmark): the same orders as CSV and as the .xlsx Excel would
// save from it (bench/make-xlsx.mjs: shared strings, typed numbers and dates), read by the npm
// package into the customer summary: loadFile() + customers(), the fastest of 3, each format in
// its own WebAssembly instance. The CSV is timed as loadFile() reads it by default (two
// instances in parallel) and with one instance (a workbook is read by one). The WASM heap after
// each read shows the memory: it follows the orders and the shared strings, not the sheet's XML.
// Target (printed, not asserted): the .xlsx within 2x the time of the CSV.
//
//   node bench/xlsx.mjs [--rows N]   (default 520,000 line-item rows: a ~100 MB workbook)
import fs from 'node:fs';
import path from 'node:path';
import { createOrderlens } from 'orderlens';
import { fix, rel, root } from './bench-support.mjs';
import { csvToXlsx } from './make-xlsx.mjs';
import { writeShopifyExport } from '../tests/tools/shopify-generator.mjs';

const RUNS = 3;
const TARGET_RATIO = 2;
const rowsArg = process.argv.indexOf('--rows');
const rows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 520000;
const stem = path.join(root, `bench/data/shopify-${rows >= 1000 ? `${Math.round(rows / 1000)}k` : rows}`);
const csv = `${stem}.csv`;
const xlsx = `${stem}.xlsx`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

fs.mkdirSync(path.dirname(csv), { recursive: true });
if (!fs.existsSync(csv)) {
  console.error(`[bench] generating ${rel(csv)}`);
  writeShopifyExport(csv, { seed: 7, targetRows: rows });
}
if (!fs.existsSync(xlsx) || fs.statSync(xlsx).mtimeMs < fs.statSync(csv).mtimeMs) {
  console.error(`[bench] converting it to ${rel(xlsx)}`);
  await csvToXlsx(csv, xlsx);
}

// Each run awaits; fastest() times synchronous calls, so the runs are collected here.
async function best(read) {
  const times = [];
  let value;
  for (let r = 0; r < RUNS; ++r) {
    const t0 = performance.now();
    value = await read();
    times.push((performance.now() - t0) / 1000);
  }
  return { seconds: Math.min(...times), times, value };
}

async function measure(file, options) {
  const ol = await createOrderlens();
  const result = await best(async () => {
    const ds = await ol.loadFile(file, options);
    const customers = ds.customers().length;
    const rowsUsed = ds.diagnostics.rows.used;
    ds.dispose();
    return { customers, rowsUsed };
  });
  return { ...result, heap: ol.memoryBytes };
}

const xlsxRun = await measure(xlsx, {});
const csvParallel = await measure(csv, {});
const csvSingle = await measure(csv, { parallel: false });
const same = xlsxRun.value.customers === csvSingle.value.customers && xlsxRun.value.rowsUsed === csvSingle.value.rowsUsed;

console.log(`workbook benchmark — ${rel(csv)} (${mb(fs.statSync(csv).size)}) and ${rel(xlsx)} (${mb(fs.statSync(xlsx).size)}): ${rows.toLocaleString('en-US')} rows, ${xlsxRun.value.customers.toLocaleString('en-US')} customers; loadFile() + customers(), fastest of ${RUNS}`);
console.log(`  .xlsx                  ${fix(xlsxRun.seconds)} s   (runs: ${xlsxRun.times.map((x) => fix(x)).join(', ')})   WASM heap ${mb(xlsxRun.heap)}`);
console.log(`  CSV, 2 instances       ${fix(csvParallel.seconds)} s   WASM heap ${mb(csvParallel.heap)} (+ the second instance's)`);
console.log(`  CSV, 1 instance        ${fix(csvSingle.seconds)} s   WASM heap ${mb(csvSingle.heap)}`);
console.log(`  same customers and rows from both: ${same ? 'yes' : 'NO'}`);
console.log('  target (printed, not asserted)');
const ratio = xlsxRun.seconds / csvParallel.seconds;
console.log(`  ${ratio <= TARGET_RATIO ? '✓' : '✗'} .xlsx within ${TARGET_RATIO}× the CSV (as loadFile reads it by default)   ${fix(ratio, 2)}× (${fix(xlsxRun.seconds / csvSingle.seconds, 2)}× the one-instance CSV)`);
if (!same) process.exitCode = 1;
