#!/usr/bin/env node
// `npm run bench` (after the segments benchmark): KPIs + cohorts + channels on the generated
// 1M-row export.
//   native  build/native/orderlens_reports_bench (bench/native_reports_bench.cpp)
//   WASM    the npm package (dist/) in this process: loadFile(), loadEvents(), then
//           dataset.kpis({events}) + dataset.cohorts() + dataset.channels({predictClv: false})
//           with a spend entry per channel and month, result JSON parsed included.
// The channel report with the CLV fit (predictClv: true) is timed too, apart: it is the CLV
// model's cost (bench/clv.mjs), not the report's.
// Prints the fastest of 3 runs, the ratio to native and the target (printed, not asserted).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createOrderlens } from 'orderlens';
import { ensureBenchData, events, fastest as fastestOf, fix, orders, rel, root } from './bench-support.mjs';

const TARGET_SECONDS = 0.3;
const RUNS = 3;

if (!ensureBenchData('KPI benchmark')) process.exit(0);

const native = JSON.parse(execFileSync(path.join(root, 'build/native/orderlens_reports_bench'), [orders, events, '--runs', String(RUNS)],
  { encoding: 'utf8' }));

const ol = await createOrderlens();
const dataset = await ol.loadFile(orders);
const eventLog = await ol.loadEvents(fs.readFileSync(events), { fileName: path.basename(events) });

const fastest = (f) => fastestOf(f, RUNS);

// A spend entry per channel and month, as a shop would supply it.
const months = dataset.kpis().periods.map((p) => p.period);
const spend = [];
for (const channel of dataset.channels({ predictClv: false }).channels.map((c) => c.channel)) {
  for (const period of months) spend.push({ channel, period, amount: 1000000 });
}
const all = fastest(() => [dataset.kpis({ events: eventLog }), dataset.cohorts(), dataset.channels({ predictClv: false, spend })]);
const [kpis, cohorts, channels] = all.value;
const kpisOnly = fastest(() => dataset.kpis({ events: eventLog })).seconds;
const cohortsOnly = fastest(() => dataset.cohorts()).seconds;
const channelsOnly = fastest(() => dataset.channels({ predictClv: false, spend })).seconds;
const t0 = performance.now();
const withClv = dataset.channels({ spend });
const withClvSeconds = (performance.now() - t0) / 1000;

console.log(`KPI benchmark — ${rel(orders)} (${kpis.periods.length} months, ${cohorts.customers.toLocaleString('en-US')} customers in ${cohorts.cohorts.length} cohorts, ${channels.channels.length} channels, ${spend.length} spend entries) + ${rel(events)} (${eventLog.diagnostics.visitors.total.toLocaleString('en-US')} visitors)`);
console.log(`kpis({events}) + cohorts() + channels({spend}) one after the other, result JSON parsed; fastest of ${RUNS}`);
console.log(`  WASM    ${fix(all.seconds)} s   (runs: ${all.times.map((x) => fix(x)).join(', ')}); kpis ${fix(kpisOnly)} s, cohorts ${fix(cohortsOnly)} s, channels ${fix(channelsOnly)} s`);
if (native.error) console.log(`  native  failed: ${native.error}`);
else console.log(`  native  ${fix(native.seconds)} s   (kpis ${fix(native.kpisSeconds)}, cohorts ${fix(native.cohortsSeconds)}, channels ${fix(native.channelsSeconds)})   WASM / native ${fix(all.seconds / native.seconds, 2)}×`);
console.log(`  channels with the CLV fit (predictClv: true, ${withClv.clv.ran ? 'ran' : `did not run: ${withClv.clv.problem}`}): ${fix(withClvSeconds)} s`);
console.log('  target (printed, not asserted)');
console.log(`  ${all.seconds <= TARGET_SECONDS ? '✓' : '✗'} KPIs + cohorts + channels ≤ ${TARGET_SECONDS} s in WASM   ${fix(all.seconds)} s`);
eventLog.dispose();
dataset.dispose();
