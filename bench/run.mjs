#!/usr/bin/env node
// `npm run bench` (scripts/bench.sh builds native and WASM first, then runs this).
//
// Generates a Shopify-style export once (bench/data/, git-ignored), and a "wide" variant of it
// with the same rows, orders and customers but long multi-line notes (bench/make-wide.mjs); then
// measures, each in its own child process so peak memory is per engine:
//   native   build/native/orderlens_bench (C++ core, 1 MB chunks, ingestion + customer summary)
//   WASM     bench/wasm-ingest.mjs        (the npm package in Node: loadFile(), two WebAssembly
//                                          instances for a large file, and again with one)
//   JS peer  bench/peer-papaparse.mjs     (PapaParse streaming + plain JS, the same summary), in
//            header mode (rows as objects: the issue's peer, used for the target) and in array
//            mode (--array: columns by position, about twice as fast) for comparison
// native and WASM run --reps times (default 3, interleaved) and the fastest run is reported; the
// wide file runs once per engine; each JS peer runs once. It prints a table: speed, peak memory,
// ratios, memory scaling (normal vs wide file), consistency checks between the engines (the exit
// status is 1 if they disagree) and the targets with ✓/✗ (printed, not asserted).
//
//   node bench/run.mjs [--rows N] [--reps K] [--skip-peer] [--skip-peer-array] [--skip-wide] [--json]
//
//   --rows N     a file of N line-item rows (bench/data/shopify-<N>.csv; default 1,000,000 -> shopify-1m.csv)
//   --reps K     runs of native and WASM on the main file (default 3; the fastest is reported)
//   --skip-peer  do not run the PapaParse peers (the slowest part)
//   --skip-peer-array  run only the header-mode peer
//   --skip-wide  do not make or measure the wide file
//   --json       print one JSON document (machine-readable) instead of the table
// Progress goes to stderr.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makeWide } from './make-wide.mjs';
import { benchFile } from '../tests/tools/make-fixtures.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (p) => path.relative(root, p);
const log = (...a) => console.error('[bench]', ...a);

const TARGET_MB_PER_SECOND = 250;
const TARGET_PEER_RATIO = 10;
const MEMORY_GROWTH_TOLERANCE = 1.1; // wide/normal WASM heap and tables at most this

// ---------------------------------------------------------------------------------------------
// Options.

function parseArgs(argv) {
  const o = { rows: 1_000_000, reps: 3, peer: true, peerArray: true, wide: true, json: false };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--rows') o.rows = Number(value().replace(/_/g, ''));
    else if (a.startsWith('--rows=')) o.rows = Number(a.slice(7).replace(/_/g, ''));
    else if (a === '--reps') o.reps = Number(value());
    else if (a.startsWith('--reps=')) o.reps = Number(a.slice(7));
    else if (a === '--skip-peer') o.peer = false;
    else if (a === '--skip-peer-array') o.peerArray = false;
    else if (a === '--skip-wide') o.wide = false;
    else if (a === '--json') o.json = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown option ${a}`);
  }
  if (!Number.isInteger(o.rows) || o.rows < 1) usage('--rows expects a positive whole number');
  if (!Number.isInteger(o.reps) || o.reps < 1) usage('--reps expects a positive whole number');
  return o;
}

function usage(problem) {
  if (problem) console.error(`bench: ${problem}`);
  console.error('usage: node bench/run.mjs [--rows N] [--reps K] [--skip-peer] [--skip-peer-array] [--skip-wide] [--json]');
  process.exit(problem ? 2 : 0);
}

// ---------------------------------------------------------------------------------------------
// Data files.

function ensureFiles(opts) {
  const file = benchFile(opts.rows);  // the name tests/tools/make-fixtures.mjs --bench gives it
  const wide = file.replace(/\.csv$/, '-wide.csv');
  if (!fs.existsSync(file)) {
    log(`generating ${rel(file)} (${opts.rows.toLocaleString('en-US')} rows, seed 42, KRW) ...`);
    const r = spawnSync(process.execPath, [path.join(root, 'tests/tools/make-fixtures.mjs'), '--bench', String(opts.rows)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    if (r.status !== 0 || !fs.existsSync(file)) throw new Error(`generating ${rel(file)} failed (exit ${r.status})`);
    log(r.stdout.trim());
  }
  if (opts.wide) {
    const stale = !fs.existsSync(wide) || fs.statSync(wide).mtimeMs < fs.statSync(file).mtimeMs;
    if (stale) {
      log(`making ${rel(wide)} (the same orders with long multi-line notes) ...`);
      const started = performance.now();
      const r = makeWide(file, wide);
      log(`${rel(wide)}: ${r.rows} rows, ${r.orders} notes, ${(r.bytes / 1e6).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }
  return { file, wide: opts.wide ? wide : null };
}

/** Reads a file once so that every engine finds it in the page cache (the first run is not penalized). */
function warmCache(file) {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.allocUnsafe(8 << 20);
  try {
    while (fs.readSync(fd, buf, 0, buf.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------
// The builds under test. dist/ and build/native may be rebuilt while the benchmark runs (someone
// optimizing the core), so both are copied to a temporary directory first and every run of this
// invocation uses that one snapshot; the report names it (modification time and SHA-1).

const NATIVE_BIN = path.join(root, 'build/native/orderlens_bench');
const DIST = path.join(root, 'dist');

function fileInfo(file) {
  const st = fs.statSync(file);
  return {
    path: rel(file),
    bytes: st.size,
    modified: st.mtime.toISOString().slice(0, 19).replace('T', ' ') + ' UTC',
    sha1: crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex').slice(0, 12),
  };
}

function snapshotBuilds() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderlens-bench-'));
  const dist = path.join(dir, 'dist');
  fs.mkdirSync(dist);
  const stamp = () => fs.readdirSync(DIST).map((n) => `${n}:${fs.statSync(path.join(DIST, n)).mtimeMs}`).join('|');
  for (let attempt = 1; ; ++attempt) {
    const before = stamp();
    for (const name of fs.readdirSync(DIST)) if (/\.(js|mjs|wasm)$/.test(name)) fs.copyFileSync(path.join(DIST, name), path.join(dist, name));
    if (stamp() === before) break;
    if (attempt === 3) throw new Error('dist/ keeps changing (a build is running?); try again when it is done');
    log('dist/ changed while copying it; copying again in 3 s ...');
    spawnSync('sleep', ['3']);
  }
  const snapshot = { dir, dist, native: null, builds: { wasm: fileInfo(path.join(DIST, 'orderlens.wasm')) } };
  if (fs.existsSync(NATIVE_BIN)) {
    snapshot.native = path.join(dir, 'orderlens_bench');
    fs.copyFileSync(NATIVE_BIN, snapshot.native);
    fs.chmodSync(snapshot.native, 0o755);
    snapshot.builds.native = fileInfo(NATIVE_BIN);
  }
  return snapshot;
}

let snapshot = null;

// ---------------------------------------------------------------------------------------------
// Engines, each in its own process.

const ENGINES = {
  native: { title: 'native (C++)', command: () => [snapshot.native, []], available: () => !!snapshot.native },
  wasm: { title: 'WASM in Node, 2 threads (default)', command: () => [process.execPath, [path.join(root, 'bench/wasm-ingest.mjs')]], available: () => true },
  wasm1: { title: 'WASM in Node, 1 thread', command: () => [process.execPath, [path.join(root, 'bench/wasm-ingest.mjs'), '--threads', '1']], available: () => true },
  peer: { title: 'JS peer (PapaParse + JS)', command: () => [process.execPath, [path.join(root, 'bench/peer-papaparse.mjs')]], available: () => true },
  peerArray: { title: 'JS peer, array rows', command: () => [process.execPath, [path.join(root, 'bench/peer-papaparse.mjs'), '--array']], available: () => true },
  // The peak RSS of a Node process that does nothing: the floor under the WASM and peer figures.
  nodeBaseline: {
    title: 'empty Node process',
    command: () => [process.execPath, ['-e', 'console.log(JSON.stringify({seconds: 0, peakRssMb: +(process.resourceUsage().maxRSS / 1024).toFixed(1)}))']],
    available: () => true,
  },
};

// Linux keeps a process's peak RSS (ru_maxrss) across execve, and a child spawned straight from
// this Node process starts from this process's memory: its getrusage() would then report at least
// our own peak RSS (measured: 204 MiB instead of 12 MiB for the native binary when this process
// held 200 MB). So every engine is started by a small shell that forks it: the engine's peak RSS
// is its own.
const SHELL = fs.existsSync('/bin/sh') ? '/bin/sh' : null;

function runOnce(engine, file) {
  const [cmd, args] = ENGINES[engine].command();
  const [exe, argv] = SHELL ? [SHELL, ['-c', '"$@"; exit $?', 'sh', cmd, ...args, file]] : [cmd, [...args, file]];
  const r = spawnSync(exe, argv, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 26,
    env: { ...process.env, ORDERLENS_DIST: snapshot.dist },
  });
  // An engine's stderr, shortened (a crash in the Emscripten glue prints the whole minified file).
  const errLines = (r.stderr || '').split('\n').filter((l) => l.trim()).map((l) => (l.length > 240 ? l.slice(0, 240) + ' …' : l));
  const lines = (r.stdout || '').trim().split('\n').filter(Boolean);
  let result;
  try {
    result = JSON.parse(lines[lines.length - 1]);
  } catch {
    result = null;
  }
  if (r.status !== 0 || !result || result.error) {
    const why = result?.error ?? r.error?.message ?? `exit status ${r.status}${r.signal ? `, signal ${r.signal}` : ''}`;
    const tail = errLines.slice(-3).join(' / ');
    log(`${ENGINES[engine].title} failed: ${why}${tail ? `\n  ${errLines.slice(-3).join('\n  ')}` : ''}`);
    return { error: `${ENGINES[engine].title} failed on ${rel(file)}: ${why}${tail ? ` (${tail})` : ''}` };
  }
  if (errLines.length) log(`${ENGINES[engine].title} wrote to stderr:\n  ${errLines.slice(-5).join('\n  ')}`);
  return result;
}

/** The fastest of the runs; memory figures are the largest seen over all runs. */
function best(runs) {
  const ok = runs.filter((r) => !r.error);
  if (!ok.length) return runs[0];
  const fastest = { ...ok.reduce((a, b) => (b.seconds < a.seconds ? b : a)) };
  for (const k of ['peakRssMb', 'wasmHeapMb']) if (k in fastest) fastest[k] = Math.max(...ok.map((r) => r[k]));
  fastest.runs = ok.length;
  fastest.allSeconds = ok.map((r) => r.seconds);
  return fastest;
}

// ---------------------------------------------------------------------------------------------
// Consistency between engines.

const CHECK_KEYS = ['customers', 'purchases', 'grossRevenue', 'netRevenue', 'items', 'products', 'frequency', 'recency', 'T', 'monetary'];

function sameNumber(a, b) {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function compareChecks(a, b) {
  return CHECK_KEYS.filter((k) => !sameNumber(a[k], b[k])).map((k) => `${k}: ${a[k]} vs ${b[k]}`);
}

function consistency(r) {
  const out = [];
  const add = (name, differences) => out.push({ name, ok: differences.length === 0, differences });
  const { native, wasm, wasm1, peer, peerArray, wideWasm, wideNative } = r;
  const counts = (a, b) => ['rows', 'orders', 'customers'].filter((k) => a[k] !== b[k]).map((k) => `${k}: ${a[k]} vs ${b[k]}`);
  if (ok(native) && ok(wasm)) add('native and WASM: same rows, orders and summarized customers', counts(native, wasm));
  if (ok(wasm1) && ok(wasm))
    add(`WASM with 2 threads (read in ${wasm.parts} parts) and with 1 thread: the same customers and every summary total`, [
      ...(wasm.parts === 2 ? [] : [`the 2-thread run read the file in ${wasm.parts} part(s), not 2`]),
      ...counts(wasm1, wasm),
      ...compareChecks(wasm1.check, wasm.check),
    ]);
  if (ok(peer) && ok(wasm))
    add(
      `JS peer and WASM: same rows, orders, customers (${wasm.customers.toLocaleString('en-US')}), net revenue (${fmtMoney(wasm.check.netRevenue)}) and every summary total`,
      [...counts(peer, wasm), ...compareChecks(peer.check, wasm.check)],
    );
  if (ok(peerArray) && ok(wasm)) add('JS peer in array mode and WASM: the same', [...counts(peerArray, wasm), ...compareChecks(peerArray.check, wasm.check)]);
  if (ok(wideWasm) && ok(wasm))
    // Table bytes within 1%: where the two parts meet differs between the files, and with it the
    // growth history (hash-table sizes) of the merged tables.
    add('wide and normal file (WASM): same summary and table bytes within 1%', [
      ...counts(wideWasm, wasm),
      ...compareChecks(wideWasm.check, wasm.check),
      ...(Math.abs(wideWasm.tableBytes / wasm.tableBytes - 1) > 0.01 ? [`tableBytes: ${wideWasm.tableBytes} vs ${wasm.tableBytes}`] : []),
    ]);
  if (ok(wideNative) && ok(native)) add('wide and normal file (native): same rows, orders and customers', counts(wideNative, native));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Formatting.

const ok = (r) => r && !r.error;
const int = (n) => Math.round(n).toLocaleString('en-US');
const fix = (n, d = 1) => (n == null || Number.isNaN(n) ? '—' : n.toFixed(d));
const fmtMoney = (n) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const mark = (b) => (b ? '✓' : '✗');

function table(headers, rows, align) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells.map((c, i) => (align[i] === 'l' ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() || 'unknown',
    cores: cpus.length,
    memoryGb: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageBefore: +os.loadavg()[0].toFixed(2),
  };
}

function report(r) {
  const { native, wasm, peer, peerArray, wideWasm, wideNative, opts } = r;
  const out = [];
  const p = (s = '') => out.push(s);
  const m = r.machine;
  const ref = ok(wasm) ? wasm : ok(native) ? native : null;
  p(`orderlens benchmark — ${rel(r.file)} (${fix(r.bytes / 1e6)} MB${ref ? `, ${int(ref.rows)} rows, ${int(ref.orders)} orders, ${int(ref.customers)} customers with a purchase` : ''})`);
  p(`${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}; load average before the run ${m.loadAverageBefore}; ${r.date}`);
  for (const [name, b] of Object.entries(r.builds)) p(`${name === 'wasm' ? 'WASM  ' : 'native'} build: ${b.path}, ${int(b.bytes)} bytes, modified ${b.modified}, sha1 ${b.sha1} (a snapshot: rebuilds during the run do not affect it)`);
  p(`native and WASM: ${opts.reps > 1 ? `fastest of ${opts.reps} runs` : '1 run'}; JS peers: 1 run each. Seconds = ingestion + customer summary; MB = 10^6 bytes; RSS in MiB.`);
  p();

  const engineRow = (name, e) => {
    if (!e) return null;
    if (!ok(e)) return [name, 'failed', '', '', '', '', ''];
    return [name, fix(e.seconds, 2), fix(e.mbPerSecond), int(e.rowsPerSecond), fix(e.peakRssMb), e.wasmHeapMb != null ? fix(e.wasmHeapMb) : '—', e.tablesMb != null ? fix(e.tablesMb) : '—'];
  };
  const rows = [
    engineRow(ENGINES.native.title, native),
    engineRow(ENGINES.wasm.title, wasm),
    engineRow(ENGINES.wasm1.title, r.wasm1),
    engineRow(`${ENGINES.peer.title.replace('PapaParse', `PapaParse ${peer?.papaparseVersion ?? ''}`.trim())}`, peer),
    engineRow(ENGINES.peerArray.title, peerArray),
  ].filter(Boolean);
  p(table(['engine', 'seconds', 'MB/s', 'rows/s', 'peak RSS MiB', 'WASM heap MB', 'tables MB'], rows, 'lrrrrrr'));
  if (ok(r.nodeBaseline)) p(`peak RSS of an empty Node process, for reference: ${fix(r.nodeBaseline.peakRssMb)} MiB`);
  if (ok(wasm)) p(`WASM: ingestion ${fix(wasm.ingestSeconds, 2)} s + summary ${fix(wasm.summarySeconds, 2)} s (instantiating the module, ${fix(wasm.initSeconds, 3)} s, not counted); read in ${wasm.parts} part(s); the WASM heap is the first instance's (the Worker's is in the RSS)`);
  for (const [name, e] of [['native', native], ['WASM, 2 threads', wasm], ['WASM, 1 thread', r.wasm1]])
    if (ok(e) && e.allSeconds?.length > 1) p(`  ${name} runs: ${e.allSeconds.map((s) => fix(s, 2)).join(', ')} s`);
  for (const e of [native, wasm, peer, peerArray, wideWasm, wideNative]) if (e && !ok(e)) p(`  ! ${e.error}`);
  p();

  p('ratios');
  if (ok(wasm) && ok(peer)) p(`  WASM vs JS peer  ${fix(peer.seconds / wasm.seconds)}× faster (the peer in PapaParse's header mode)`);
  if (ok(wasm) && ok(peerArray)) p(`                   ${fix(peerArray.seconds / wasm.seconds)}× faster than the array-mode peer`);
  if (ok(wasm) && ok(native)) {
    const f = wasm.mbPerSecond / native.mbPerSecond;
    p(`  WASM vs native   ${fix(f, 2)}× the native speed (native is ${fix(1 / f, 2)}× faster)`);
  }
  if (ok(native) && ok(peer)) p(`  native vs peer   ${fix(peer.seconds / native.seconds)}× faster`);
  if (ok(wasm) && ok(r.wasm1)) p(`  WASM 2 threads vs 1 thread  ${fix(r.wasm1.seconds / wasm.seconds, 2)}× faster`);
  p();

  if (ok(wasm) && ok(wideWasm)) {
    p('memory scaling — the same orders and customers, longer rows (wide: long multi-line Notes; 1 run each)');
    const mrow = (name, w, n, bytes) => [name, fix(bytes / 1e6), fix(w.wasmHeapMb), fix(w.tablesMb), fix(w.peakRssMb), ok(n) ? fix(n.peakRssMb) : '—', fix(w.mbPerSecond), ok(n) ? fix(n.mbPerSecond) : '—'];
    const ratio = (a, b) => (a && b ? `${fix(a / b, 2)}×` : '—');
    p(
      table(
        ['file', 'MB', 'WASM heap MB', 'tables MB', 'WASM RSS MiB', 'native RSS MiB', 'WASM MB/s', 'native MB/s'],
        [
          mrow(path.basename(r.file), wasm, native, r.bytes),
          mrow(path.basename(r.wide), wideWasm, wideNative, r.wideBytes),
          ['wide / normal', ratio(r.wideBytes, r.bytes), ratio(wideWasm.wasmHeapMb, wasm.wasmHeapMb), ratio(wideWasm.tableBytes, wasm.tableBytes), ratio(wideWasm.peakRssMb, wasm.peakRssMb), ok(native) && ok(wideNative) ? ratio(wideNative.peakRssMb, native.peakRssMb) : '—', '', ''],
        ],
        'lrrrrrrr',
      ),
    );
    p(`  (the normal file's row repeats the fastest run above; its memory figures are the largest of its runs)`);
  }
  if (ok(wasm)) {
    const tb = wasm.tableBytes;
    p(
      `result tables (WASM): ${fix(tb / 1e6)} MB = ${fix(tb / wasm.orders)} B per order, ${fix(tb / wasm.customersTotal)} B per customer ` +
        `(${int(wasm.customersTotal)}, with those without a purchase), ${fix(tb / wasm.lineItems)} B per line item (${int(wasm.lineItems)}); ` +
        `input ${fix(r.bytes / wasm.rows)} B per row`,
    );
  }
  p();

  p('consistency');
  if (!r.checks.length) p('  (nothing to compare)');
  for (const c of r.checks) {
    p(`  ${mark(c.ok)} ${c.name}`);
    for (const d of c.differences) p(`      ${d}`);
  }
  p();

  p('targets (printed, not asserted)');
  for (const t of r.targets) p(`  ${t.ok == null ? '?' : mark(t.ok)} ${t.name.padEnd(58)} ${t.value}`);
  return out.join('\n');
}

function targets(r) {
  const { wasm, peer, wideWasm } = r;
  const list = [];
  list.push({
    name: `WASM ingestion + customer summary ≥ ${TARGET_MB_PER_SECOND} MB/s`,
    ok: ok(wasm) ? wasm.mbPerSecond >= TARGET_MB_PER_SECOND : null,
    value: ok(wasm) ? `${fix(wasm.mbPerSecond)} MB/s` : 'not measured',
  });
  const ratio = ok(wasm) && ok(peer) ? peer.seconds / wasm.seconds : null;
  list.push({
    name: `WASM ≥ ${TARGET_PEER_RATIO}× the JS peer`,
    ok: ratio == null ? null : ratio >= TARGET_PEER_RATIO,
    value: ratio == null ? 'not measured (--skip-peer)' : `${fix(ratio)}×`,
  });
  if (ok(wasm) && ok(wideWasm)) {
    const heap = wideWasm.wasmHeapMb / wasm.wasmHeapMb;
    const tables = wideWasm.tableBytes / wasm.tableBytes;
    list.push({
      name: 'WASM memory follows orders and customers, not file size',
      ok: heap <= MEMORY_GROWTH_TOLERANCE && tables <= MEMORY_GROWTH_TOLERANCE,
      value: `heap ${fix(heap, 2)}×, tables ${fix(tables, 2)}× for a ${fix(r.wideBytes / r.bytes, 2)}× larger file`,
    });
  } else {
    list.push({ name: 'WASM memory follows orders and customers, not file size', ok: null, value: 'not measured (--skip-wide)' });
  }
  return list;
}

// ---------------------------------------------------------------------------------------------

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const m = machine();
  const { file, wide } = ensureFiles(opts);
  snapshot = snapshotBuilds();
  try {
    run(opts, m, file, wide, started);
  } finally {
    fs.rmSync(snapshot.dir, { recursive: true, force: true });
  }
}

function run(opts, m, file, wide, started) {
  const r = { opts, machine: m, date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', builds: snapshot.builds, file, wide, bytes: fs.statSync(file).size };
  if (wide) r.wideBytes = fs.statSync(wide).size;

  log('warming the page cache ...');
  warmCache(file);
  if (wide) warmCache(wide);

  r.nodeBaseline = runOnce('nodeBaseline', '');
  const hasNative = ENGINES.native.available();
  if (!hasNative) log(`no ${rel(NATIVE_BIN)} (build it with: bash scripts/build.sh native); skipping native`);
  log(`builds: ${Object.entries(snapshot.builds).map(([k, b]) => `${k} ${b.path} ${b.modified} sha1 ${b.sha1}`).join('; ')}`);
  const nativeRuns = [], wasmRuns = [], wasm1Runs = [];
  for (let i = 1; i <= opts.reps; ++i) {
    if (hasNative) {
      log(`native ${i}/${opts.reps} ...`);
      nativeRuns.push(runOnce('native', file));
    }
    log(`WASM, 2 threads ${i}/${opts.reps} ...`);
    wasmRuns.push(runOnce('wasm', file));
    log(`WASM, 1 thread ${i}/${opts.reps} ...`);
    wasm1Runs.push(runOnce('wasm1', file));
  }
  r.native = hasNative ? best(nativeRuns) : null;
  r.wasm = best(wasmRuns);
  r.wasm1 = best(wasm1Runs);
  if (wide) {
    if (hasNative) {
      log('native, wide file ...');
      r.wideNative = runOnce('native', wide);
    }
    log('WASM, wide file ...');
    r.wideWasm = runOnce('wasm', wide);
  }
  if (opts.peer) {
    log('JS peer (PapaParse, header mode) ...');
    r.peer = runOnce('peer', file);
    if (opts.peerArray) {
      log('JS peer (PapaParse, array mode) ...');
      r.peerArray = runOnce('peerArray', file);
    }
  }
  r.checks = consistency(r);
  r.targets = targets(r);
  r.totalSeconds = +((performance.now() - started) / 1000).toFixed(1);
  log(`done in ${r.totalSeconds} s`);

  if (opts.json) {
    const { opts: o, ...rest } = r;
    console.log(JSON.stringify({ ...rest, file: rel(file), wide: wide && rel(wide), options: o }, null, 2));
  } else {
    console.log(report(r));
  }
  const failed = r.checks.some((c) => !c.ok) || [r.native, r.wasm, r.wasm1, r.peer, r.peerArray, r.wideWasm, r.wideNative].some((e) => e && !ok(e));
  process.exitCode = failed ? 1 : 0;
}

main();
