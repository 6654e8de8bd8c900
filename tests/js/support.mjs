// Shared helpers of the node tests: the package under test (the WASM build in dist/, imported by
// its own name through the exports map), the native twin, fixtures and subset comparison.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOrderlens } from 'orderlens';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const handDir = path.join(root, 'tests/fixtures/hand');
export const nativeTool = path.join(root, 'build/native/orderlens_native');

let shared;
/** One WASM instance shared by a test file (as an app would). */
export async function orderlens() {
  shared ??= await createOrderlens();
  return shared;
}

/** The fixtures of tests/fixtures/hand: {name, dataPath, expected}. */
export function handFixtures() {
  const names = fs.readdirSync(handDir);
  const out = [];
  for (const file of names.filter((n) => n.endsWith('.expected.json')).sort()) {
    const stem = file.slice(0, -'.expected.json'.length);
    const data = names.find((n) => n !== file && n.startsWith(`${stem}.`) && !n.endsWith('.expected.json'));
    out.push({ name: stem, dataPath: path.join(handDir, data), expected: JSON.parse(fs.readFileSync(path.join(handDir, file), 'utf8')) });
  }
  return out;
}

/** The report of the WASM build: {diagnostics, customers} or {error: {code, message}} (an OrderlensError). */
export async function wasmReport(bytes, options = {}, summary = {}, chunkSize) {
  const ol = await orderlens();
  try {
    const ds = await ol.load(bytes, { ...options, ...(chunkSize ? { chunkSize } : {}) });
    try {
      return { diagnostics: ds.diagnostics, customers: ds.customers(summary) };
    } finally {
      ds.dispose();
    }
  } catch (error) {
    if (error.name !== 'OrderlensError') throw error;
    return { error: { code: error.code, message: error.message } };
  }
}

/** The same report from the native build (tools/native_report.cpp). */
export function nativeReport(filePath, options = {}, summary = {}) {
  let stdout;
  try {
    stdout = execFileSync(nativeTool, [filePath, '--options', JSON.stringify(options), '--summary', JSON.stringify(summary)], {
      maxBuffer: 1 << 30,
      encoding: 'utf8',
    });
  } catch (error) {
    if (error.status !== 1) throw error;
    stdout = error.stdout;
  }
  const report = JSON.parse(stdout);
  delete report.summary;
  return report;
}

/** Numbers within a relative 1e-9, everything else exact: the fixtures' rule (tests/fixtures/README.md). */
export function nearlyEqualLeaf(expected, actual, where) {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected)) ? '' : `${where}: expected ${expected}, got ${actual}`;
  }
  return expected === actual ? '' : `${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/**
 * Empty string when `actual` contains `expected` (every array element, every key of an object;
 * leaves compared by `leafMismatch`), else where it differs.
 */
export function subsetMismatch(expected, actual, where = '(root)', leafMismatch = nearlyEqualLeaf) {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      return `${where}: expected ${expected.length} elements, got ${JSON.stringify(actual)}`;
    for (let i = 0; i < expected.length; ++i) {
      const m = subsetMismatch(expected[i], actual[i], `${where}[${i}]`, leafMismatch);
      if (m) return m;
    }
    return '';
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${where}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      if (!(key in actual)) return `${where}.${key}: missing`;
      const m = subsetMismatch(value, actual[key], `${where}.${key}`, leafMismatch);
      if (m) return m;
    }
    return '';
  }
  return leafMismatch(expected, actual, where);
}

/**
 * Native against WASM where the CLV models are in the numbers: glibc (native) and musl (WASM)
 * differ in the last bit of log/exp/lgamma, so the optimizers take slightly different paths
 * (iteration counts may differ) and stop a hair apart; 1e-7 relative is far below any digit the
 * product shows. Everything else (keys, texts, array lengths) must be equal.
 */
const PATH_DEPENDENT = new Set(['iterations', 'evaluations']);
export function assertClose(actual, expected, where, tolerance = 1e-7) {
  if (PATH_DEPENDENT.has(String(where).split('.').at(-1))) return;
  if (typeof expected === 'number') {
    const scale = Math.max(1, Math.abs(expected));
    assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= tolerance * scale, `${where}: ${actual} vs ${expected}`);
  } else if (expected && typeof expected === 'object') {
    assert.ok(actual && typeof actual === 'object', `${where}: expected an object or array`);
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${where}: keys`);
    for (const key of Object.keys(expected)) assertClose(actual[key], expected[key], `${where}.${key}`, tolerance);
  } else {
    assert.equal(actual, expected, where);
  }
}

/** A fixture file read by the package (WASM), named in messages as the file. */
export async function loadFixture(file) {
  return (await orderlens()).load(fs.readFileSync(file), { fileName: path.basename(file) });
}

/**
 * The native tool's JSON report for one analysis (`--<flag> OPTIONS`, e.g. segments, kpis,
 * recommend, clv) of a file, with a website events file when given: the whole report.
 */
export function nativeAnalysis(file, flag, options, events) {
  const args = [file, `--${flag}`, JSON.stringify(options), ...(events ? ['--events', events] : [])];
  return JSON.parse(execFileSync(nativeTool, args, { encoding: 'utf8', maxBuffer: 1 << 28 }));
}
