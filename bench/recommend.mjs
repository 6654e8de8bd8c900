#!/usr/bin/env node
// `npm run bench` (after bench/run.mjs) or `npm run bench:recommend`: recommendations for every
// customer of the generated 1M-row export, and the holdout evaluation next to the best sellers.
//   native  build/native/orderlens_recommend_bench (bench/native_recommend_bench.cpp)
//   WASM    the npm package (dist/) in this process: loadFile(), then dataset.recommend() — the
//           model (similarities, best sellers, consumables) and the top 10 of every customer,
//           returned as typed arrays; building the row objects (`customers`) is timed apart.
// The holdout: recommendations as of 90 days before the last purchase, checked against what the
// customers bought in those 90 days; hit rate, precision, recall and coverage @5 and @10 for the
// recommender and for the recent best sellers. Prints the fastest of 3 runs and the target
// (printed, not asserted); exit status 1 when native and WASM disagree.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createOrderlens } from 'orderlens';
import { fastest, fix, orders, rel, root } from './bench-support.mjs';

const TARGET_SECONDS = 1;
const RUNS = 3;

if (!fs.existsSync(orders)) {
  console.log(`recommendations benchmark: ${rel(orders)} is missing (bench/run.mjs generates it); skipped`);
  process.exit(0);
}

const ol = await createOrderlens();
const dataset = await ol.loadFile(orders);
const last = Date.parse(dataset.diagnostics.lastOrderDate);
const calibrationEnd = new Date(last - 90 * 86400000).toISOString().slice(0, 10);

const nativeBench = (options, runs) => JSON.parse(execFileSync(path.join(root, 'build/native/orderlens_recommend_bench'),
  [orders, JSON.stringify(options), '--runs', String(runs)], { encoding: 'utf8', maxBuffer: 1 << 26 }));
const native = nativeBench({}, RUNS);
const nativeHoldout = nativeBench({ calibrationEnd }, 1);

// The first call also grows the WebAssembly memory.
const all = fastest(() => dataset.recommend(), RUNS);
let t = performance.now();
const rows = all.value.customers;
const rowsSeconds = (performance.now() - t) / 1000;
t = performance.now();
const holdout = dataset.recommend({ calibrationEnd });
const holdoutSeconds = (performance.now() - t) / 1000;
dataset.dispose();

const { lists, ...head } = holdout;
const same = !native.error && JSON.stringify(head) === JSON.stringify(nativeHoldout.result)
  && all.value.customerCount === native.result.customerCount;

const r = all.value;
console.log(`recommendations benchmark — ${rel(orders)}: ${r.customerCount.toLocaleString('en-US')} customers, top ${r.topN} each (${lists.product.length.toLocaleString('en-US')} in the holdout run), ${r.model.coPurchasePairs.toLocaleString('en-US')} + ${r.model.sequencePairs.toLocaleString('en-US')} similarities; fastest of ${RUNS}`);
console.log(`  WASM    ${fix(all.seconds)} s   (runs: ${all.times.map((x) => fix(x)).join(', ')}); the ${rows.length.toLocaleString('en-US')} customers' row objects built after it in ${fix(rowsSeconds)} s`);
if (native.error) console.log(`  native  failed: ${native.error}`);
else console.log(`  native  ${fix(native.seconds)} s   WASM / native ${fix(all.seconds / native.seconds, 2)}×`);
console.log(`  ${all.seconds <= TARGET_SECONDS ? '✓' : '✗'} every customer's recommendations ≤ ${TARGET_SECONDS} s in WASM (printed, not asserted)   ${fix(all.seconds)} s`);

const e = holdout.evaluation;
const overall = e.groups[0];
console.log('');
console.log(`holdout: recommended from purchases up to ${e.calibrationEnd}, checked against ${overall.customers.toLocaleString('en-US')} customers' purchases to ${e.holdoutEnd} (WASM ${fix(holdoutSeconds)} s, native ${fix(nativeHoldout.seconds)} s)`);
console.log('| metric | recommender | best sellers (baseline) | ratio |');
console.log('| --- | ---: | ---: | ---: |');
for (const k of ['at5', 'at10']) {
  for (const m of ['hitRate', 'precision', 'recall', 'coverage']) {
    const ours = overall[k].recommender[m];
    const base = overall[k].baseline[m];
    console.log(`| ${m} @${k.slice(2)} | ${fix(100 * ours, 2)}% | ${fix(100 * base, 2)}% | ${fix(ours / base, 2)}× |`);
  }
}
console.log('');
console.log(`hit rate @10 by ${e.pack} group: ${e.groups.slice(1).map((g) => `${g.key} ${fix(100 * g.at10.recommender.hitRate, 1)}% vs ${fix(100 * g.at10.baseline.hitRate, 1)}% (${g.customers})`).join('; ')}`);
console.log(`native and WASM agree (holdout result JSON, customers listed): ${same ? 'yes' : 'NO'}`);
process.exitCode = same ? 0 : 1;
