// What the WASM-side benchmarks on the 1M-row export share: its paths, the events file made
// from it (bench/make-events.mjs, cached in bench/data/), and the fastest of a few runs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const orders = path.join(root, 'bench/data/shopify-1m.csv');
export const events = path.join(root, 'bench/data/shopify-1m-events.csv');
export const rel = (p) => path.relative(root, p);
export const fix = (n, d = 3) => n.toFixed(d);

/** False (with a note) when the export is missing; else makes the events file when stale. */
export function ensureBenchData(what) {
  if (!fs.existsSync(orders)) {
    console.log(`${what}: ${rel(orders)} is missing (bench/run.mjs generates it); skipped`);
    return false;
  }
  if (!fs.existsSync(events) || fs.statSync(events).mtimeMs < fs.statSync(orders).mtimeMs) {
    execFileSync(process.execPath, [path.join(root, 'bench/make-events.mjs'), orders, events], { stdio: 'inherit' });
  }
  return true;
}

/** The fastest of `runs` calls of f: {seconds, times, value (of the last call)}. */
export function fastest(f, runs) {
  const times = [];
  let value;
  for (let r = 0; r < runs; ++r) {
    const t0 = performance.now();
    value = f();
    times.push((performance.now() - t0) / 1000);
  }
  return { seconds: Math.min(...times), times, value };
}
