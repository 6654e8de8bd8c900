// What the browser test runs share (tests/browser/run.mjs, tests/browser/demo.mjs, bench/demo.mjs):
// Debian's Chromium launched headless through playwright-core (never a downloaded browser), a
// context that records every request of the page and its Workers, a list of named checks, and a
// timeout for one step.
import { isDeepStrictEqual } from 'node:util';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing that phones home on its own. */
export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A browser context whose requests (page and Workers) are recorded: returns {context, requests,
 * offOrigin}, offOrigin being every URL not under `origin`.
 */
export async function recordingContext(browser, origin, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, ...contextOptions });
  const requests = [];
  const offOrigin = [];
  context.on('request', (request) => {
    const url = request.url();
    requests.push(url);
    if (!url.startsWith(`${origin}/`)) offOrigin.push(url);
  });
  return { context, requests, offOrigin };
}

/** Named checks printed as they come: record(name, ok, detail), check(name, async fn → detail). */
export function checkList() {
  const started = performance.now();
  const checks = [];
  function record(name, ok, detail = '') {
    checks.push({ name, ok: !!ok, detail });
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  }
  async function check(name, fn) {
    try {
      const detail = await fn();
      record(name, true, detail ?? '');
    } catch (error) {
      record(name, false, error.message ?? String(error));
    }
  }
  return { checks, record, check, started };
}

export function assertThat(condition, message) {
  if (!condition) throw new Error(message);
}

export function withTimeout(promise, what, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** '' when deeply equal, else the first path where they differ and both values there. */
export function difference(expected, actual, where = '') {
  if (isDeepStrictEqual(expected, actual)) return '';
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object' && Array.isArray(expected) === Array.isArray(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) {
      const d = difference(expected[key], actual[key], `${where}${Array.isArray(expected) ? `[${key}]` : `.${key}`}`);
      if (d) return d;
    }
  }
  return `${where || '(root)'}: expected ${JSON.stringify(expected)?.slice(0, 200)}, got ${JSON.stringify(actual)?.slice(0, 200)}`;
}

/**
 * Runs main() under a watchdog of `timeoutMs`, then cleanup(), prints "`label`: passed/total checks
 * passed in N s" with the failures, and exits: 1 when a check failed, main threw or time ran out.
 */
export async function runChecks({ label, list, timeoutMs, main, cleanup }) {
  const { checks, record, started } = list;
  let finishing = false;
  const finish = async (code) => {
    if (finishing) return;
    finishing = true;
    clearTimeout(watchdog);
    await cleanup();
    const failed = checks.filter((c) => !c.ok);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\n${label}: ${checks.length - failed.length}/${checks.length} checks passed in ${seconds} s`);
    for (const c of failed) console.log(`  FAILED: ${c.name}${c.detail ? ` — ${c.detail}` : ''}`);
    process.exit(code || (failed.length ? 1 : 0));
  };
  const watchdog = setTimeout(() => {
    record('whole run within the time limit', false, `still running after ${timeoutMs} ms`);
    finish(1);
  }, timeoutMs);
  try {
    await main();
  } catch (error) {
    record(`${label}: the run`, false, error.stack ?? String(error));
    await finish(1);
  }
  await finish(0);
}
