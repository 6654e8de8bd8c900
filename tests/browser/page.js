// The browser side of tests/browser/run.mjs: imports the built package from /dist/ exactly as an
// app would (default wasm and worker locations, next to dist/index.js) and exposes small
// primitives on window.orderlensTest; run.mjs drives them and compares with Node's results.
import { createOrderlens, createOrderlensWorker, OrderlensError } from '/dist/index.js';

const violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push({
    directive: event.effectiveDirective || event.violatedDirective,
    blockedURI: event.blockedURI,
    sourceFile: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
  });
});

const apis = {};  // 'main' -> Orderlens, 'worker' -> OrderlensWorker

function describeError(error) {
  return {
    name: error?.name,
    code: error?.code,
    message: String(error?.message ?? error),
    isOrderlensError: error instanceof OrderlensError,
    isDOMException: typeof DOMException !== 'undefined' && error instanceof DOMException,
  };
}

async function fetchBytes(path) {
  const response = await fetch(`/${path}`);
  if (!response.ok) throw new Error(`fetch /${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function makeInput(kind, path) {
  const name = path.split('/').pop();
  if (kind === 'stream') {
    const response = await fetch(`/${path}`);
    if (!response.ok) throw new Error(`fetch /${path}: HTTP ${response.status}`);
    return response.body;  // a real ReadableStream<Uint8Array> from the network stack
  }
  const bytes = await fetchBytes(path);
  if (kind === 'file') return new File([bytes], name, { type: 'text/csv' });
  if (kind === 'blob') return new Blob([bytes]);
  if (kind === 'bytes') return bytes;
  throw new Error(`unknown input kind ${kind}`);
}

function addLoadRow(spec, report) {
  const tr = document.createElement('tr');
  const cells = [
    spec.api,
    spec.input + (spec.chunkSize ? ` (chunks of ${spec.chunkSize} B)` : '') + (spec.abort && spec.abort !== 'none' ? `, abort ${spec.abort}` : ''),
    spec.path.split('/').pop(),
    report.diagnostics ? report.diagnostics.rows.read : '',
    report.diagnostics ? report.diagnostics.orders.total : '',
    report.customers ? report.customers.length : '',
    report.error ? `${report.error.name}${typeof report.error.code === 'string' ? ` (${report.error.code})` : ''}` : 'ok',
  ];
  cells.forEach((text, i) => {
    const td = document.createElement('td');
    td.textContent = String(text);
    if (i >= 3 && i <= 5) td.className = 'num';
    tr.append(td);
  });
  document.querySelector('#loads tbody').append(tr);
}

const orderlensTest = {
  violations,

  /** Creates one main-thread instance and one Worker instance with the package's defaults. */
  async setup() {
    const t0 = performance.now();
    apis.main = await createOrderlens();
    const t1 = performance.now();
    apis.worker = await createOrderlensWorker();
    const t2 = performance.now();
    document.getElementById('status').textContent =
      `orderlens ${apis.main.version} (main thread) and ${apis.worker.version} (Worker), CSP enforced, no network`;
    return { mainVersion: apis.main.version, workerVersion: apis.worker.version, mainMs: t1 - t0, workerMs: t2 - t1 };
  },

  /**
   * One load. spec: {api: 'main'|'worker', path (on the server, e.g. fixtures/hand/x.csv), input: 'file'|'blob'|'bytes'|'stream',
   * options, summary, chunkSize, progress: bool, transfer: bool, abort: 'none'|'before'|'firstProgress'}.
   * Returns {report: {diagnostics, customers} | {error}, progress: [...], parts (1 or 2: read in
   * parallel), inputBytesAfter}.
   */
  async load(spec) {
    const ol = apis[spec.api];
    const input = await makeInput(spec.input, spec.path);
    const progress = [];
    const controller = new AbortController();
    const options = { ...(spec.options ?? {}) };
    if (spec.chunkSize) options.chunkSize = spec.chunkSize;
    if (spec.transfer) options.transfer = true;
    if (spec.abort === 'before') options.signal = AbortSignal.abort();
    else if (spec.abort === 'firstProgress') options.signal = controller.signal;
    if (spec.progress || spec.abort === 'firstProgress') {
      options.onProgress = (p) => {
        progress.push({ ...p });
        if (spec.abort === 'firstProgress' && progress.length === 1) controller.abort();
      };
    }
    let report;
    let parts;
    const t0 = performance.now();
    try {
      const dataset = await ol.load(input, options);
      try {
        parts = (await dataset.stats()).parts;
        report = { diagnostics: dataset.diagnostics, customers: await dataset.customers(spec.summary ?? {}) };
      } finally {
        await dataset.dispose();
      }
    } catch (error) {
      report = { error: describeError(error) };
    }
    const ms = performance.now() - t0;
    if (!spec.quiet) addLoadRow(spec, report);
    return { report, progress, ms, parts, inputBytesAfter: input instanceof Uint8Array ? input.byteLength : undefined };
  },

  /** KPIs, cohorts, channels (no CLV fit) and readiness of one file, as the page's API computes them. */
  async reports(api, path) {
    const dataset = await apis[api].load(await makeInput('bytes', path));
    try {
      return {
        kpis: await dataset.kpis({ period: 'month' }),
        cohorts: await dataset.cohorts({ by: 'firstChannel' }),
        channels: await dataset.channels({ predictClv: false, spend: 'channel,period,spend\nweb,2024-03,100000\n' }),
        readiness: await dataset.readiness(),
      };
    } finally {
      await dataset.dispose();
    }
  },

  /** An Excel workbook as a File (decrypted here when a password is given): its customers, or the error. */
  async workbook(api, path, password) {
    try {
      const dataset = await apis[api].load(await makeInput('file', path), password ? { password } : {});
      try {
        return { workbook: dataset.diagnostics.workbook, customers: await dataset.customers() };
      } finally {
        await dataset.dispose();
      }
    } catch (error) {
      return { error: describeError(error) };
    }
  },

  /** Uses a dataset after dispose(): the main thread throws OrderlensError('invalid_state'). */
  async afterDispose(api, path) {
    const dataset = await apis[api].load(await makeInput('bytes', path));
    await dataset.dispose();
    try {
      const customers = await dataset.customers();
      return { customers: customers.length };
    } catch (error) {
      return { error: describeError(error) };
    }
  },

  /**
   * Proves the policy is enforced (so a clean run means something): string evaluation must be
   * refused on the page and in a module Worker served with the same header.
   */
  async cspCanary() {
    let page;
    try {
      page = { evaluated: new Function('return 1')() === 1 };
    } catch (error) {
      page = { evaluated: false, error: error.name };
    }
    const worker = new Worker('/tests/browser/canary-worker.js', { type: 'module' });
    const inWorker = await new Promise((resolve, reject) => {
      worker.addEventListener('message', (event) => resolve(event.data));
      worker.addEventListener('error', (event) => reject(new Error(event.message || 'canary worker failed')));
    });
    worker.terminate();
    // Let the violation event reach the document.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { page, worker: inWorker, violations: violations.slice() };
  },

  /** Renders the checks (computed by run.mjs) as text on the page, for the screenshot. */
  renderChecks(checks) {
    const list = document.getElementById('checks');
    list.textContent = '';
    for (const check of checks) {
      const li = document.createElement('li');
      li.className = check.ok ? 'pass' : 'fail';
      li.textContent = `${check.ok ? 'PASS' : 'FAIL'}  ${check.name}${check.detail ? ` — ${check.detail}` : ''}`;
      list.append(li);
    }
    const failed = checks.filter((c) => !c.ok).length;
    document.getElementById('status').textContent +=
      ` — ${checks.length - failed}/${checks.length} checks passed`;
  },
};

// DevTools lets code called synchronously from page.evaluate() evaluate strings even under a CSP
// (Runtime.callFunctionOn), so every entry point first leaves that call stack: the package then
// runs exactly as in an app, from a task of the page, where the policy applies.
for (const [name, value] of Object.entries(orderlensTest)) {
  if (typeof value !== 'function') continue;
  orderlensTest[name] = async (...args) => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return value.apply(orderlensTest, args);
  };
}
window.orderlensTest = orderlensTest;
