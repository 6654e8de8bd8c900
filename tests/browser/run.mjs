// Browser tests: the built package (dist/) in Debian's headless Chromium, driven by playwright-core.
//
// A static server on 127.0.0.1 (node:http, no dependencies) serves dist/, the test page and the
// fixtures, every response with a strict Content-Security-Policy (no eval: the package is built
// with -sDYNAMIC_EXECUTION=0). The page loads fixtures through createOrderlens() and
// createOrderlensWorker() as File, ReadableStream and Uint8Array, and every result must equal what
// Node's package returns for the same bytes. Any request off the local origin, CSP violation,
// page error or console error fails the run. A screenshot of the page goes to
// test-artifacts/browser/.
//
//   node tests/browser/run.mjs     (exit code 0 when every check passes, else 1)
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { startStaticServer, stopStaticServer } from '../../scripts/static-server.mjs';
import { assertThat, checkList, chromiumPath, difference, launchChromium, recordingContext, runChecks, withTimeout as timeLimit } from './harness.mjs';
import { handFixtures, orderlens, root, wasmReport } from '../js/support.mjs';  // the package through its self-reference: dist/index.js

const fixturesDir = path.join(root, 'tests/fixtures');
const artifactsDir = path.join(root, 'test-artifacts/browser');
const TOTAL_TIMEOUT_MS = 50_000;
const STEP_TIMEOUT_MS = 20_000;

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; worker-src 'self'; style-src 'self'";
const CSP_REPORT_PATH = '/__csp-report';  // report-uri: catches violations inside Workers too

const list = checkList();
const { checks, record, check } = list;

// ---------------------------------------------------------------------------------------------
// Static server (scripts/static-server.mjs): dist/, the test page and the fixtures

// URL prefix -> directory (and, for the test page, the only files served from it).
const MOUNTS = [
  { prefix: '/dist/', dir: path.join(root, 'dist') },
  { prefix: '/fixtures/', dir: fixturesDir },
  { prefix: '/samples/', dir: path.join(root, 'samples') },
  { prefix: '/tests/browser/', dir: path.join(root, 'tests/browser'), only: new Set(['page.html', 'page.js', 'page.css', 'canary-worker.js']) },
];

const served = [];      // {method, url, status, type}
const cspReports = [];  // bodies POSTed to report-uri

const startServer = () => startStaticServer({
  mounts: MOUNTS, csp: CSP, cspReportPath: CSP_REPORT_PATH,
  onServed: (s) => served.push(s), onCspReport: (r) => cspReports.push(r),
});

// ---------------------------------------------------------------------------------------------
// Expected results from Node (the same package, the same bytes)

const nodeOrderlens = await orderlens();

/** Server path (fixtures/..., samples/...) -> file in the repository. */
const localPath = (serverPath) => path.join(root, serverPath.replace(/^fixtures\//, 'tests/fixtures/'));

/** Node's report for the same bytes: {diagnostics, customers} or {error: {name, code, message}}. */
async function nodeReport(serverPath, options = {}, summary = {}) {
  const report = await wasmReport(fs.readFileSync(localPath(serverPath)), options, summary);
  return report.error ? { error: { name: 'OrderlensError', ...report.error } } : report;
}

const roundTrip = (value) => JSON.parse(JSON.stringify(value));

/**
 * Compares a browser report with Node's after a JSON round trip: deep equality (whatever chunk
 * sizes the browser chose for a File or a stream), or the same OrderlensError. Returns '' or
 * the problem.
 */
function reportProblem(expectedReport, actualReport) {
  const expected = roundTrip(expectedReport);
  const actual = roundTrip(actualReport);
  if (expected.error) {
    if (!actual.error) return `expected ${expected.error.code}, got a dataset`;
    const { name, code, message } = actual.error;
    const d = difference(expected.error, { name, code, message }, 'error');
    if (d) return d;
    if (!actual.error.isOrderlensError) return 'error is not an instance of OrderlensError';
    return '';
  }
  if (actual.error) return `unexpected ${actual.error.name} ${actual.error.code ?? ''}: ${actual.error.message}`;
  return difference(expected, actual);
}

function summarize(report) {
  if (report.error) return `${report.error.name} ${typeof report.error.code === 'string' ? report.error.code : ''}`.trim();
  return `${report.diagnostics.rows.read} rows, ${report.diagnostics.orders.total} orders, ${report.customers.length} customers`;
}

function progressProblem(progress, size, { known }) {
  if (progress.length === 0) return 'no progress events';
  let previous = null;
  for (const p of progress) {
    if (known) {
      if (p.totalBytes !== size) return `totalBytes ${p.totalBytes}, expected ${size}`;
      if (!(p.fraction > 0 && p.fraction <= 1)) return `fraction ${p.fraction} out of (0, 1]`;
      if (previous && !(p.fraction >= previous.fraction)) return `fraction ${p.fraction} after ${previous.fraction}`;
    } else if (p.totalBytes !== undefined || p.fraction !== undefined) {
      return `a stream has no size, yet totalBytes=${p.totalBytes} fraction=${p.fraction}`;
    }
    // Bytes never go backwards and each event says something new; a parallel read's last event
    // may only correct rowsRead (rows both parts read were counted twice until then).
    if (previous && !(p.bytesRead >= previous.bytesRead)) return `bytesRead ${p.bytesRead} after ${previous.bytesRead}`;
    if (previous && p.bytesRead === previous.bytesRead && (p !== progress.at(-1) || p.rowsRead === previous.rowsRead)) {
      return `an event with nothing new: ${JSON.stringify(p)}`;
    }
    if (previous && p.rowsRead < previous.rowsRead && p !== progress.at(-1)) return `rowsRead ${p.rowsRead} after ${previous.rowsRead}`;
    previous = p;
  }
  if (previous.bytesRead !== size) return `last bytesRead ${previous.bytesRead}, expected ${size}`;
  if (known && previous.fraction !== 1) return `last fraction ${previous.fraction}, expected 1`;
  return '';
}

const sizeOf = (serverPath) => fs.statSync(localPath(serverPath)).size;
const baseName = (relPath) => relPath.split('/').pop();

/** The hand-made fixtures as the server serves them, with their options. */
function servedHandFixtures() {
  return handFixtures().map(({ dataPath, expected }) => ({
    path: `fixtures/hand/${path.basename(dataPath)}`,
    options: expected.options ?? {},
    summary: expected.summary ?? {},
  }));
}

// ---------------------------------------------------------------------------------------------
// The run

let server;
let browser;
let page;
let phase = 'tests';  // 'canary' while violations are provoked on purpose
let offOrigin = [];
let requests = [];
const pageErrors = [];
const consoleProblems = [];
const canaryConsole = [];

const withTimeout = (promise, what, ms = STEP_TIMEOUT_MS) => timeLimit(promise, what, ms);

async function browserLoad(spec) {
  const result = await withTimeout(page.evaluate((s) => window.orderlensTest.load(s), spec), `load ${spec.api} ${spec.path}`);
  return result;
}

/**
 * One load in the page compared with Node's report for the same bytes, options and chunk size
 * (Node gets the bytes as one Uint8Array; nodeOptions replaces spec.options for Node).
 */
async function parity(name, spec, nodeOptions) {
  try {
    const options = { ...(spec.chunkSize ? { chunkSize: spec.chunkSize } : {}), ...(nodeOptions ?? spec.options ?? {}) };
    const expected = await nodeReport(spec.path, options, spec.summary ?? {});
    const result = await browserLoad(spec);
    const problem = reportProblem(expected, result.report);
    record(name, !problem, problem || summarize(result.report));
    return result;
  } catch (error) {
    record(name, false, error.stack ?? String(error));
    return null;
  }
}

async function runApiChecks(api) {
  const W = api === 'worker' ? 'worker' : 'main';
  const full = 'fixtures/hand/shopify-full-header.csv';
  const cp949 = 'fixtures/hand/cafe24-cp949.csv';
  const utf16 = 'fixtures/hand/utf16le-tab.txt';
  const noHeader = 'fixtures/hand/no-header.csv';
  const big = 'fixtures/generated/shopify-small.csv';
  const sample = 'samples/shopify-sample.csv';

  // File: the file name comes from the File.
  const r1 = await parity(`${W}: File ${baseName(full)} = Node`, { api, path: full, input: 'file' }, { fileName: baseName(full) });
  if (r1?.report.diagnostics) {
    record(`${W}: diagnostics.file is the File's name`, r1.report.diagnostics.file === baseName(full), r1.report.diagnostics.file);
  }

  // CP949, decoded in the core; a tiny chunk size splits two-byte characters across pushes.
  const r2 = await parity(`${W}: File ${baseName(cp949)} (CP949, 3-byte chunks, progress) = Node`,
    { api, path: cp949, input: 'file', chunkSize: 3, progress: true }, { fileName: baseName(cp949) });
  if (r2) {
    const problem = progressProblem(r2.progress, sizeOf(cp949), { known: true });
    record(`${W}: progress of ${baseName(cp949)} rises to 1`, !problem, problem || `${r2.progress.length} events`);
    const names = r2.report.customers?.map((c) => c.name) ?? [];
    record(`${W}: CP949 customer names decoded`, names.includes('김철수') && names.includes('이영희'), names.join(', '));
  }
  // Product names are not in the API's output; mapping the product column as the customer key
  // brings them out: 똠 (8C 63) and 뷁 (94 EE) are CP949 extension syllables outside EUC-KR.
  const productsAsCustomers = {
    fileName: baseName(cp949),
    mapping: { customerId: '상품명' },
    statuses: { 반품완료: 'paid', 취소: 'paid', 입금전: 'paid' },
  };
  const r3 = await parity(`${W}: Uint8Array ${baseName(cp949)} with product names as keys = Node`,
    { api, path: cp949, input: 'bytes', options: productsAsCustomers });
  if (r3?.report.customers) {
    const ids = r3.report.customers.map((c) => c.id);
    const text = JSON.stringify(r3.report);
    record(`${W}: CP949 product names 똠양꿍 라면 and 뷁양꿍 라면 come out right`,
      ids.includes('똠양꿍 라면') && ids.includes('뷁양꿍 라면') && !text.includes('\uFFFD'), ids.join(', '));
  }

  // UTF-16LE (BOM, tabs) as a ReadableStream straight from fetch().
  const r4 = await parity(`${W}: ReadableStream ${baseName(utf16)} (UTF-16LE) = Node`,
    { api, path: utf16, input: 'stream', options: { fileName: baseName(utf16) }, progress: true });
  if (r4) {
    const problem = progressProblem(r4.progress, sizeOf(utf16), { known: false });
    record(`${W}: stream progress counts bytes (no total)`, !problem, problem || `${r4.progress.length} events`);
  }

  // Uint8Array (copied; in the Worker also transferred).
  const r5 = await parity(`${W}: Uint8Array ${baseName(full)} = Node`, { api, path: full, input: 'bytes', options: { fileName: baseName(full) } });
  if (api === 'worker' && r5) {
    record(`${W}: a copied Uint8Array stays intact`, r5.inputBytesAfter === sizeOf(full), `byteLength after: ${r5.inputBytesAfter}`);
    const r6 = await parity(`${W}: Uint8Array with transfer: true = Node`,
      { api, path: full, input: 'bytes', options: { fileName: baseName(full) }, transfer: true });
    if (r6) record(`${W}: a transferred Uint8Array is detached`, r6.inputBytesAfter === 0, `byteLength after: ${r6.inputBytesAfter}`);
  }

  // A malformed file: OrderlensError('no_header'); then the same instance ingests the next file.
  await parity(`${W}: File ${baseName(noHeader)} → OrderlensError no_header, as in Node`,
    { api, path: noHeader, input: 'file' }, { fileName: baseName(noHeader) });
  await parity(`${W}: ReadableStream ${baseName(noHeader)} → OrderlensError no_header, as in Node`,
    { api, path: noHeader, input: 'stream', options: { fileName: baseName(noHeader) } });
  await parity(`${W}: next file after the error (Uint8Array ${baseName(cp949)}) = Node`,
    { api, path: cp949, input: 'bytes', options: { fileName: baseName(cp949) } });

  // A bigger generated file with progress.
  const r7 = await parity(`${W}: File ${baseName(big)} (16 KB chunks, progress) = Node`,
    { api, path: big, input: 'file', chunkSize: 16384, progress: true }, { fileName: baseName(big) });
  if (r7) {
    const problem = progressProblem(r7.progress, sizeOf(big), { known: true });
    record(`${W}: progress of ${baseName(big)} rises to 1`, !problem,
      problem || `${r7.progress.length} events, fractions ${r7.progress[0].fraction.toFixed(3)} … ${r7.progress.at(-1).fraction}, ${Math.round(r7.ms)} ms`);
  }

  // The sniffing window is documented as 64 KB of text, and input as "chunks of any size": the
  // same bytes in 16 KB chunks must give the report of one chunk (Node, default 8 MB chunks).
  if (api === 'main') {
    await parity(`${W}: chunk boundaries do not change diagnostics (Uint8Array ${baseName(big)}, 16 KB chunks here, one chunk in Node)`,
      { api, path: big, input: 'bytes', chunkSize: 16384, options: { fileName: baseName(big) } }, { fileName: baseName(big), chunkSize: 8 << 20 });
  }

  // The 2.4 MB sample as an app would load it: a File, default options; Node gets a Uint8Array.
  await parity(`${W}: File ${baseName(sample)} (2.4 MB, default options) = Node`, { api, path: sample, input: 'file' },
    { fileName: baseName(sample) });

  // Parallel: a second instance in a (nested, for the Worker API) Worker reads the later half of
  // a File; the result is Node's sequential one. The small file needs quick settling options.
  const quick = { delimiter: ',', headerSearchRows: 2, profileRows: 3 };
  for (const [file, options, chunkSize] of [[sample, {}, undefined], [big, quick, 16384]]) {
    const rp = await parity(`${W}: File ${baseName(file)} with parallel: true = Node's sequential read`,
      { api, path: file, input: 'file', chunkSize, progress: true, options: { ...options, parallel: true } },
      { ...options, fileName: baseName(file) });
    if (rp) {
      record(`${W}: ${baseName(file)} was read in 2 parts`, rp.parts === 2, `parts: ${rp.parts}`);
      const problem = progressProblem(rp.progress, sizeOf(file), { known: true });
      record(`${W}: progress of the parallel read of ${baseName(file)} rises to 1`, !problem, problem || `${rp.progress.length} events`);
    }
  }

  // Abort: before the load, at the first progress event (File and stream); then a clean load.
  for (const [label, spec] of [
    ['an aborted signal', { api, path: big, input: 'file', abort: 'before' }],
    [`abort() at the first progress event (File ${baseName(big)}, 8 KB chunks)`, { api, path: big, input: 'file', chunkSize: 8192, abort: 'firstProgress' }],
    // (Not through the Worker: whether its ~300 pushes yield to the abort message is a race.)
    ...(api === 'main' ? [[`abort() at the first progress event (File ${baseName(sample)}, 8 KB chunks)`, { api, path: sample, input: 'file', chunkSize: 8192, abort: 'firstProgress' }]] : []),
    [`abort() at the first progress event (ReadableStream ${baseName(big)}, 8 KB chunks)`, { api, path: big, input: 'stream', chunkSize: 8192, abort: 'firstProgress' }],
  ]) {
    await check(`${W}: ${label} → AbortError`, async () => {
      const result = await browserLoad(spec);
      const error = result.report.error;
      assertThat(error, `the load succeeded (${summarize(result.report)}) after ${result.progress.length} progress events`);
      assertThat(error.name === 'AbortError', `got ${error.name} ${error.code ?? ''}: ${error.message}`);
      return `${error.name} after ${result.progress.length} progress events`;
    });
  }
  await parity(`${W}: load after the aborts = Node`, { api, path: big, input: 'file' }, { fileName: baseName(big) });

  // A disposed dataset: the main thread throws OrderlensError('invalid_state').
  await check(`${W}: using a disposed dataset → OrderlensError invalid_state`, async () => {
    const result = await withTimeout(page.evaluate(([a, p]) => window.orderlensTest.afterDispose(a, p), [api, full]), 'afterDispose');
    assertThat(result.error, `returned ${result.customers} customers`);
    assertThat(result.error.isOrderlensError && result.error.code === 'invalid_state',
      `got ${result.error.name}${result.error.code ? ` (${result.error.code})` : ''}: ${result.error.message}`);
    return result.error.message;
  });

  // The period reports of the sample shop: the same JSON as the package in Node.
  await check(`${W}: KPIs, cohorts, channels and readiness of the sample = Node`, async () => {
    const result = await withTimeout(page.evaluate(([a, p]) => window.orderlensTest.reports(a, p), [api, sample]), 'reports');
    const ol = await orderlens();
    const dataset = await ol.load(fs.readFileSync(path.join(root, sample)), { fileName: baseName(sample) });
    const expected = {
      kpis: dataset.kpis({ period: 'month' }),
      cohorts: dataset.cohorts({ by: 'firstChannel' }),
      channels: dataset.channels({ predictClv: false, spend: 'channel,period,spend\nweb,2024-03,100000\n' }),
      readiness: dataset.readiness(),
    };
    dataset.dispose();
    assertThat(isDeepStrictEqual(result, expected), 'the browser\'s reports differ from Node\'s');
    return `${result.kpis.periods.length} months, ${result.cohorts.cohorts.length} channel cohorts, ${result.channels.channels.length} channels`;
  });

  // Excel workbooks as Files: a plain one, and a password-protected one decrypted in the browser
  // (WebCrypto AES and the vendored SHA-512); the same customers as Node.
  for (const [file, password] of [['fixtures/xlsx/hand-minimal.xlsx'], ['fixtures/xlsx/encrypted.xlsx', 'orderlens-테스트1']]) {
    await check(`${W}: workbook ${baseName(file)}${password ? ' with its password' : ''} = Node`, async () => {
      const result = await withTimeout(page.evaluate(([a, p, pw]) => window.orderlensTest.workbook(a, p, pw), [api, file, password]), 'workbook');
      assertThat(!result.error, `${result.error?.code}: ${result.error?.message}`);
      const ol = await orderlens();
      const dataset = await ol.load(fs.readFileSync(localPath(file)), password ? { password } : {});
      const expected = { workbook: dataset.diagnostics.workbook, customers: dataset.customers() };
      dataset.dispose();
      assertThat(isDeepStrictEqual(result, expected), 'the browser read the workbook differently from Node');
      return `sheet ${result.workbook.sheet}, ${result.customers.length} customers`;
    });
  }
  await check(`${W}: a protected workbook with a wrong password → wrong_password`, async () => {
    const result = await withTimeout(page.evaluate(([a, p]) => window.orderlensTest.workbook(a, p, 'nope'), [api, 'fixtures/xlsx/encrypted.xlsx']), 'workbook');
    assertThat(result.error?.code === 'wrong_password', JSON.stringify(result));
    return result.error.message;
  });

  // Every hand-made fixture as a File, with its own options: the same report as Node.
  const fixtures = servedHandFixtures();
  await check(`${W}: all ${fixtures.length} hand fixtures as File = Node`, async () => {
    const mismatches = [];
    for (const f of fixtures) {
      const expected = await nodeReport(f.path, f.options, f.summary);
      const result = await browserLoad({ api, path: f.path, input: 'file', options: f.options, summary: f.summary, quiet: true });
      const problem = reportProblem(expected, result.report);
      if (problem) mismatches.push(`${baseName(f.path)}: ${problem}`);
    }
    assertThat(mismatches.length === 0, mismatches.join('; '));
  });
}

async function main() {
  fs.mkdirSync(artifactsDir, { recursive: true });
  server = await startServer();
  const origin = `http://127.0.0.1:${server.address().port}`;
  console.log(`orderlens browser tests: ${chromiumPath}, server ${origin}`);

  browser = await launchChromium();
  // context-level: requests of the page and of its Workers.
  let context;
  ({ context, requests, offOrigin } = await recordingContext(browser, origin));
  page = await context.newPage();
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('pageerror', (error) => pageErrors.push(`${phase}: ${error.message}`));
  page.on('console', (message) => {
    const type = message.type();
    const text = message.text();
    const isCsp = /Content Security Policy|Refused to/i.test(text);
    if (phase === 'canary' && isCsp) canaryConsole.push(text);
    else if (isCsp || type === 'error' || type === 'warning') consoleProblems.push(`${type}: ${text}`);
  });

  const response = await page.goto(`${origin}/tests/browser/page.html`);
  record('page served with the strict CSP', response.headers()['content-security-policy']?.startsWith(CSP),
    response.headers()['content-security-policy']);
  await page.waitForFunction(() => window.orderlensTest, null, { timeout: 10_000 });

  const setup = await withTimeout(page.evaluate(() => window.orderlensTest.setup()), 'setup');
  const nodeVersion = nodeOrderlens.version;
  record('createOrderlens() in the page (wasm next to dist/index.js)', setup.mainVersion === nodeVersion,
    `version ${setup.mainVersion}, ${Math.round(setup.mainMs)} ms`);
  record('createOrderlensWorker() in the page (module Worker)', setup.workerVersion === nodeVersion,
    `version ${setup.workerVersion}, ${Math.round(setup.workerMs)} ms`);

  await runApiChecks('main');
  await runApiChecks('worker');

  // What the server saw: MIME types, the wasm fetched by the page and by the Worker.
  const wasmFetches = served.filter((s) => s.url === '/dist/orderlens.wasm');
  record('orderlens.wasm served as application/wasm to the page and the Worker',
    wasmFetches.length >= 2 && wasmFetches.every((s) => s.type === 'application/wasm' && s.status === 200),
    `${wasmFetches.length} fetches`);
  const jsServed = served.filter((s) => /\.m?js$/.test(s.url));
  record('scripts served as text/javascript', jsServed.length > 0 && jsServed.every((s) => s.type.startsWith('text/javascript')),
    [...new Set(jsServed.map((s) => s.url))].join(' '));
  record('the Worker runs dist/worker.js as a module Worker', workers.some((w) => w === `${origin}/dist/worker.js`), workers.join(' '));
  const notFound = served.filter((s) => s.status >= 400);
  record('no request failed on the server', notFound.length === 0, notFound.map((s) => `${s.status} ${s.url}`).join(' '));

  // Privacy and CSP, before the canary provokes violations on purpose.
  const wasmSeen = requests.filter((u) => u.endsWith('/dist/orderlens.wasm')).length;
  record('no request left the local origin (page and Worker requests)', offOrigin.length === 0 && requests.length > 0 && wasmSeen >= 2,
    offOrigin.length ? offOrigin.join(' ') : `${requests.length} requests (${wasmSeen} of orderlens.wasm), all to ${origin}`);
  const pageViolations = await page.evaluate(() => window.orderlensTest.violations.slice());
  await new Promise((resolve) => setTimeout(resolve, 200));  // reports are sent asynchronously
  const reportsBefore = cspReports.length;
  record('no CSP violation (page events, console, reports from page and Worker)',
    pageViolations.length === 0 && reportsBefore === 0 && !consoleProblems.some((t) => /Content Security Policy|Refused to/i.test(t)),
    JSON.stringify({ pageViolations, reports: cspReports }).slice(0, 500));
  record('no page error (page or Worker)', pageErrors.length === 0, pageErrors.join(' | '));
  record('no console error or warning', consoleProblems.length === 0, consoleProblems.join(' | ').slice(0, 500));

  // Canary: the policy is really enforced, in the page and in a Worker, and violations are seen.
  phase = 'canary';
  const canary = await withTimeout(page.evaluate(() => window.orderlensTest.cspCanary()), 'cspCanary');
  const deadline = Date.now() + 2000;
  while (cspReports.length < reportsBefore + 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const canaryReports = cspReports.slice(reportsBefore).map((r) => r['csp-report'] ?? r);
  const reportedFrom = canaryReports.map((r) => `${r['blocked-uri']}@${String(r['source-file']).split('/').pop()}`);
  record('CSP canary: eval refused in the page and in a Worker, and detected',
    !canary.page.evaluated && !canary.worker.evaluated && canary.violations.length >= 1 &&
      reportedFrom.some((r) => r.endsWith('page.js')) && reportedFrom.some((r) => r.endsWith('canary-worker.js')),
    `page ${canary.page.error ?? 'EVALUATED'}, worker ${canary.worker.error ?? 'EVALUATED'}, ` +
      `${canary.violations.length} page event(s), reports: ${reportedFrom.join(' ')}, ${canaryConsole.length} console message(s)`);
  phase = 'done';
  record('no page error during the canary', pageErrors.length === 0, pageErrors.join(' | '));

  // Screenshot of the page with the results rendered as text.
  const screenshot = path.join(artifactsDir, 'page.png');
  const failedSoFar = checks.filter((c) => !c.ok).length;
  await page.evaluate((list) => window.orderlensTest.renderChecks(list), [...checks, {
    name: 'screenshot saved', ok: true, detail: path.relative(root, screenshot),
  }]);
  await page.screenshot({ path: screenshot, fullPage: true });
  record('screenshot saved', fs.statSync(screenshot).size > 0, `${path.relative(root, screenshot)} (${failedSoFar} failure(s) shown)`);
}

await runChecks({
  label: 'browser tests', list, timeoutMs: TOTAL_TIMEOUT_MS, main,
  cleanup: async () => {
    await browser?.close().catch(() => {});
    await stopStaticServer(server);
  },
});
