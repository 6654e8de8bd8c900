#!/usr/bin/env node
// `npm run bench` (after bench/run.mjs): the segments benchmark on the generated 1M-row export.
//   native  build/native/orderlens_segments_bench (bench/native_segments_bench.cpp)
//   WASM    the npm package (dist/) in this process: loadFile(), loadEvents(), then
//           dataset.segments(bench/segments-options.json + the events) — every pack (RFM,
//           repurchase, funnel, purchase cycle, cross-sell from next-purchase affinity, tiers,
//           three custom rules) and product affinity in one run, result JSON included, with
//           the segment economics (one CLV fit) and without them.
// The events file is made from the export by bench/make-events.mjs (cached in bench/data/).
// Prints the fastest of 3 runs of each, their ratio and the target (printed, not asserted).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createOrderlens } from 'orderlens';
import { ensureBenchData, events, fastest as fastestOf, fix, orders, rel, root } from './bench-support.mjs';

const TARGET_SECONDS = 0.5;
const RUNS = 3;
const optionsFile = path.join(root, 'bench/segments-options.json');

if (!ensureBenchData('segments benchmark')) process.exit(0);

const native = JSON.parse(execFileSync(path.join(root, 'build/native/orderlens_segments_bench'), [orders, events, optionsFile, '--runs', String(RUNS)],
  { encoding: 'utf8' }));

const ol = await createOrderlens();
const dataset = await ol.loadFile(orders);
let t = performance.now();
const eventLog = await ol.loadEvents(fs.readFileSync(events), { fileName: path.basename(events) });
const eventsSeconds = (performance.now() - t) / 1000;
const options = { ...JSON.parse(fs.readFileSync(optionsFile, 'utf8')), events: eventLog };
// The first call also grows the WebAssembly memory.
const fastest = (f) => fastestOf(f, RUNS);
const withAffinity = fastest(() => dataset.segments(options));
const result = withAffinity.value;
const wasm = withAffinity.seconds;
const times = withAffinity.times;
// The seven packs alone: the cross-sell pair given (the one affinity suggested), no affinity.
const pair = result.packs.find((p) => p.key === 'crosssell')?.details.suggestions?.[0];
const packsOptions = { ...options, affinity: undefined, economics: false, crossSell: pair ? { a: { sku: pair.a }, b: { sku: pair.b } } : undefined };
const packs = fastest(() => dataset.segments(packsOptions));
const packsOnly = packs.seconds;
// The segment economics (on by default) add one CLV fit and prediction over every customer.
const noEconomics = fastest(() => dataset.segments({ ...options, economics: false })).seconds;
const affinityOnly = fastest(() => dataset.affinity()).seconds;

console.log(`segments benchmark — ${rel(orders)} (${result.customers.toLocaleString('en-US')} customers with a purchase) + ${rel(events)} (${eventLog.diagnostics.visitors.total.toLocaleString('en-US')} visitors)`);
console.log(`one dataset.segments() call: ${result.packs.length} packs (${result.packs.map((p) => p.key).join(', ')}) + affinity (${result.affinity.coPurchase.length + result.affinity.nextPurchase.length} rules), result JSON included; fastest of ${RUNS}`);
console.log(`  WASM    ${fix(wasm)} s   (runs: ${times.map((x) => fix(x)).join(', ')}), with the segment economics (CLV per group); ${fix(noEconomics)} s without them`);
console.log(`          the ${packs.value.packs.length} packs alone (cross-sell pair given, no economics) ${fix(packsOnly)} s, affinity alone ${fix(affinityOnly)} s`);
if (native.error) console.log(`  native  failed: ${native.error}`);
else console.log(`  native  ${fix(native.seconds)} s   WASM / native ${fix(wasm / native.seconds, 2)}×`);
console.log(`  events file read: WASM ${fix(eventsSeconds)} s, native ${fix(native.eventsSeconds ?? NaN)} s`);
console.log('  targets (printed, not asserted)');
console.log(`  ${packsOnly <= TARGET_SECONDS ? '✓' : '✗'} all packs together ≤ ${TARGET_SECONDS} s in WASM               ${fix(packsOnly)} s`);
console.log(`  ${noEconomics <= TARGET_SECONDS ? '✓' : '✗'} all packs + affinity in one call ≤ ${TARGET_SECONDS} s in WASM  ${fix(noEconomics)} s (${fix(wasm)} s with the economics)`);
eventLog.dispose();
dataset.dispose();
