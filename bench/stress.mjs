// `npm run bench:stress` (issue 10, not part of npm test): the large inputs, streamed from
// bench/stress-data.mjs without writing a file, through the npm package (dist/) in Node and in
// desktop Chromium. For each run: seconds, MB/s, the WebAssembly heap at 25/50/75/100% of the
// bytes (ol.memoryBytes: it grows and never shrinks, so each figure is the peak so far), the
// tables (dataset.stats().tableBytes) and the outcome, checked against totals known from the
// generator. Runs: `node bench/stress.mjs [names...]` (default: all).
//
//   3gb          a 3 GB export (rows ≈ 640 bytes, 200,000 customers)
//   narrow       the same orders as 3gb in rows of 40 bytes: the heap must match 3gb's (memory
//                follows orders and customers, not bytes)
//   10m          10,000,000 customers with one order each, then the summary, CLV and segments
//   1m-one       one customer with 1,000,000 orders, then CLV, segments, KPIs and recommendations
//   oom          narrow rows until the 4 GB heap runs out: the largest export of that shape, the
//                error the caller sees, and the same instance reading a small file afterwards
//   chromium-3gb, chromium-oom   the 3gb and oom runs in headless Debian Chromium
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOrderlens } from '../dist/index.js';
import { stressExport, stressRevenue } from './stress-data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MiB = 1024 * 1024;
const GB3 = 3 * 1024 ** 3;
const WIDE = { bytes: GB3, rowBytes: 640, customers: 200000 };
const wideOrders = Math.floor((GB3 - 38) / 640);  // every wide row is exactly 640 bytes

// One streamed load, in Node or (as a string) in a page: figures and outcome. Self-contained:
// it is also sent to Chromium with the modules it imports.
async function measuredLoad(createOrderlensFn, stressExportFn, stressRevenueFn, spec) {
  const ol = await createOrderlensFn();
  const samples = [];
  const t0 = performance.now();
  let last = { bytesRead: 0, rowsRead: 0 };
  const out = { name: spec.name };
  try {
    const ds = await ol.load(stressExportFn(spec.data), {
      onProgress: (p) => {
        last = p;
        samples.push([p.bytesRead, ol.memoryBytes]);
      },
    });
    out.loadSeconds = (performance.now() - t0) / 1000;
    const columns = ds.customerColumns();
    const orders = ds.diagnostics.orders.total;
    let revenue = 0;
    for (const v of columns.netRevenue) revenue += v;
    out.ok = revenue === stressRevenueFn(orders) && ds.diagnostics.rows.skipped === 0;
    Object.assign(out, { orders, customers: columns.count, tableBytes: ds.stats().tableBytes });
    const nonFinite = (value, seen = new Set()) => {
      if (typeof value === 'number') return Number.isFinite(value) ? 0 : 1;
      if (!value || typeof value !== 'object' || seen.has(value)) return 0;
      seen.add(value);
      if (ArrayBuffer.isView(value)) return 0;  // per-customer columns: checked by the tests at small scale
      let n = 0;
      if (Array.isArray(value)) {
        // Millions of ids and dates: only numbers and objects need a look.
        for (const v of value) if (typeof v === 'number' || (v && typeof v === 'object')) n += nonFinite(v, seen);
        return n;
      }
      for (const [k, v] of Object.entries(value)) if (k !== 'memberColumns') n += nonFinite(v, seen);
      return n;
    };
    out.analyses = {};
    for (const name of spec.analyses ?? []) {
      const t = performance.now();
      try {
        const result = ds[name]();
        out.analyses[name] = { seconds: (performance.now() - t) / 1000, nonFinite: nonFinite(result) };
        out.ok &&= out.analyses[name].nonFinite === 0;
      } catch (error) {
        // Running out of memory is an outcome to report (it must be this error, as a value).
        out.analyses[name] = { seconds: (performance.now() - t) / 1000, error: `${error.name} ${error.code ?? ''}: ${error.message}` };
        out.ok &&= error.code === 'out_of_memory';
      }
    }
    ds.dispose();
  } catch (error) {
    out.loadSeconds = (performance.now() - t0) / 1000;
    out.error = `${error.name} ${error.code ?? ''}: ${error.message}`;
    out.ok = error.code === spec.expectError;
    out.reachedBytes = last.bytesRead;
    out.reachedRows = last.rowsRead;
    // The same instance afterwards: a small export of known total.
    const ds = await ol.load(stressExportFn({ orders: 1000, customers: 10 }));
    let revenue = 0;
    for (const v of ds.customerColumns().netRevenue) revenue += v;
    out.afterwards = revenue === stressRevenueFn(1000) ? 'the same instance then read 1,000 orders exactly' : 'WRONG after the error';
    out.ok &&= revenue === stressRevenueFn(1000);
  }
  out.bytes = last.bytesRead;
  out.heapBytes = ol.memoryBytes;
  out.heapAt = [0.25, 0.5, 0.75, 1].map((f) => (samples.find(([b]) => b >= f * last.bytesRead) ?? [0, 0])[1]);
  return out;
}

const runs = {
  '3gb': { data: WIDE },
  narrow: { data: { orders: wideOrders, rowBytes: 40, customers: 200000 } },
  '10m': { data: { orders: 10_000_000, customers: 10_000_000, rowBytes: 0 }, analyses: ['customerColumns', 'clv', 'segments'] },
  '1m-one': { data: { orders: 1_000_000, customers: 1, rowBytes: 0 }, analyses: ['clv', 'segments', 'kpis', 'recommend'] },
  oom: { data: { rowBytes: 0, customers: 1_000_000 }, expectError: 'out_of_memory' },
  'chromium-3gb': { browser: true, data: WIDE },
  'chromium-oom': { browser: true, data: { rowBytes: 0, customers: 1_000_000 }, expectError: 'out_of_memory' },
};

async function inChromium(specs) {
  const { launchChromium } = await import('../tests/browser/harness.mjs');
  const { startStaticServer, stopStaticServer } = await import('../scripts/static-server.mjs');
  const pageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderlens-stress-'));
  fs.writeFileSync(path.join(pageDir, 'index.html'), '<!doctype html><title>stress</title>');
  const server = await startStaticServer({
    mounts: [
      { prefix: '/dist/', dir: path.join(root, 'dist') },
      { prefix: '/bench/', dir: path.join(root, 'bench'), only: new Set(['stress-data.mjs']) },
      { prefix: '/', dir: pageDir, index: 'index.html' },
    ],
    csp: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  const results = [];
  try {
    for (const spec of specs) {
      const page = await browser.newPage();
      page.setDefaultTimeout(0);
      await page.goto(`${origin}/`);
      const result = await page.evaluate(async ([source, spec]) => {
        const { createOrderlens } = await import('/dist/index.js');
        const { stressExport, stressRevenue } = await import('/bench/stress-data.mjs');
        const run = (0, eval)(`(${source})`);
        return run(createOrderlens, stressExport, stressRevenue, spec);
      }, [measuredLoad.toString(), spec]);
      results.push({ ...result, environment: `Chromium ${browser.version()}` });
      await page.close();
    }
  } finally {
    await browser.close();
    await stopStaticServer(server);
    fs.rmSync(pageDir, { recursive: true, force: true });
  }
  return results;
}

function report(r) {
  const mb = (b) => (b / 1e6).toFixed(0);
  const mib = (b) => (b / MiB).toFixed(0);
  console.log(`\n${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.environment})`);
  console.log(`  input ${mb(r.bytes)} MB streamed in ${r.loadSeconds.toFixed(1)} s (${mb(r.bytes / r.loadSeconds)} MB/s)`);
  console.log(`  heap at 25/50/75/100% of the bytes: ${r.heapAt.map(mib).join(' / ')} MiB; final ${mib(r.heapBytes)} MiB (${(r.heapBytes / r.bytes).toFixed(3)} of the file)`);
  if (r.error) {
    console.log(`  error after ${mb(r.reachedBytes)} MB, ${r.reachedRows.toLocaleString('en')} rows: ${r.error}`);
    console.log(`  ${r.afterwards}`);
    return;
  }
  console.log(`  ${r.orders.toLocaleString('en')} orders, ${r.customers.toLocaleString('en')} customers; tables ${mib(r.tableBytes)} MiB ` +
    `(${(r.tableBytes / r.orders).toFixed(1)} bytes per order); revenue total ${r.ok ? 'exact' : 'WRONG'}`);
  for (const [name, a] of Object.entries(r.analyses)) {
    console.log(`  ${name}: ${a.seconds.toFixed(1)} s, ${a.error ?? `${a.nonFinite} non-finite numbers`}`);
  }
}

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(runs);
let failed = false;
for (const name of names) {
  const spec = { name, ...runs[name] };
  if (!runs[name]) throw new Error(`unknown run ${name}; expected one of ${Object.keys(runs).join(', ')}`);
  const result = spec.browser
    ? (await inChromium([spec]))[0]
    : { ...(await measuredLoad(createOrderlens, stressExport, stressRevenue, spec)), environment: `Node ${process.version}` };
  report(result);
  failed ||= !result.ok;
}
process.exitCode = failed ? 1 : 0;
