// orderlens: customer analytics for shop order exports, computed in WebAssembly on the user's
// device. No network requests: the .wasm is read from the package itself (Node) or fetched from
// the same origin as this file (browsers), or passed in by the caller.
import createOrderlensModule from './orderlens.mjs';
import { chunksOf, coreOptions, DEFAULT_CHUNK_BYTES, inputSize, inputName, yieldIfBusy } from './input.js';
import { customerColumnsFromCore, customersFromColumns } from './customers.js';
import { OrderlensError, unwrap } from './errors.js';
import { clvArraysResult, clvColumnsFromCore, clvResult } from './clv.js';
import { segmentFile, segmentFileText, segmentsResult } from './segments.js';
import { recommendationFileText, recommendResult } from './recommend.js';
import { channelCoreOptions, eventsHandleOf, runReport } from './reports.js';
import { ScratchBuffer } from './scratch.js';
import { bytesAccess, fileAccess, loadWorkbook, randomAccess, workbookKind } from './xlsx.js';
import { canLoadInParallel, fileReader, loadInParallel, loadRangesInParallel, loadRangesSequentially, worthParallel } from './parallel.js';
import { decryptWorkbook } from './xlsx-decrypt.js';
import { guardedModule } from './module-guard.js';

export { OrderlensError } from './errors.js';
export { memberColumnKeys, segmentMembers, segmentMembersCsv } from './segments.js';
export { firstCustomers, recommendationRows, recommendationsCsv } from './recommend.js';
export { createOrderlensWorker } from './worker-client.js';

const isNode = typeof process === 'object' && !!(process.versions && process.versions.node);

/**
 * Loads the WebAssembly module once. Options: wasmBinary (bytes of orderlens.wasm),
 * wasmUrl (where to fetch it from; default: next to this file).
 */
export async function createOrderlens(options = {}) {
  const moduleArgs = {};
  if (options.wasmBinary) {
    moduleArgs.wasmBinary = options.wasmBinary;
  } else if (isNode && !options.wasmUrl) {
    // Emscripten 3.1.6 would fetch() a file: URL in Node, which fails; read the bytes instead.
    const fs = process.getBuiltinModule('fs');
    moduleArgs.wasmBinary = fs.readFileSync(new URL('./orderlens.wasm', import.meta.url));
  } else {
    const wasmUrl = String(options.wasmUrl ?? new URL('./orderlens.wasm', import.meta.url));
    moduleArgs.locateFile = (path) => (path.endsWith('.wasm') ? wasmUrl : path);
  }
  const module = guardedModule(await createOrderlensModule(moduleArgs));
  return new Orderlens(module, options);
}

class Orderlens {
  #module;
  #scratch;
  #createOptions;

  constructor(module, createOptions) {
    this.#module = module;
    this.#scratch = new ScratchBuffer(module);
    // Passed on to the Worker of a parallel load, which loads its own copy of the module.
    this.#createOptions = { wasmUrl: createOptions.wasmUrl ? String(createOptions.wasmUrl) : undefined,
                            wasmBinary: createOptions.wasmBinary };
  }

  /** Version of the WebAssembly core. */
  get version() {
    return this.#module.version();
  }

  /** Bytes of WebAssembly memory currently reserved (grows, never shrinks). */
  get memoryBytes() {
    return this.#module.HEAPU8.length;
  }

  /**
   * The CLV models on bare per-customer arrays (the lifetimes summary: frequency, recency, T and
   * optionally monetary), without a dataset. Same options as Dataset#clv except the dates.
   */
  clvFit({ frequency, recency, T, monetary } = {}, options = {}) {
    const asArray = (v, name) => {
      if (!v || typeof v.length !== 'number') throw new OrderlensError(`clvFit: ${name} must be an array of numbers`, 'bad_option');
      return v instanceof Float64Array ? v : Float64Array.from(v);
    };
    const core = unwrap(this.#module.clvFitArrays(asArray(frequency, 'frequency'), asArray(recency, 'recency'), asArray(T, 'T'),
      monetary == null ? null : asArray(monetary, 'monetary'), JSON.stringify(options)));
    return clvArraysResult(core);
  }

  /**
   * A simulated customer population from known model parameters (for demos, tests and
   * benchmarks): {frequency, recency, T, monetary} as Float64Arrays. Options: model, params,
   * spend {p, q, v}, customers, seed, minT, maxT, wholeDays.
   */
  simulateCustomers(options) {
    return unwrap(this.#module.simulateCustomers(JSON.stringify(options ?? {})));
  }

  /**
   * Text (UTF-8) in CP949 for old Excel: {bytes: Uint8Array, unmappable} — characters CP949
   * cannot represent are written as '?' and counted.
   */
  encodeCp949(text) {
    return unwrap(this.#module.encodeCp949(String(text)));
  }

  /**
   * One pack's members (see segmentMembers) as a file: {bytes, text, rows, unmappable, mimeType,
   * fileName}. Options: pack, groups, columns, format ('csv' | 'json'), encoding ('utf-8' |
   * 'cp949', CSV only: CP949 has no BOM and old Excel reads it as Korean).
   */
  exportSegments(result, options = {}) {
    const file = segmentFileText(result, options);
    return segmentFile(file, file.cp949 ? this.encodeCp949(file.text) : null);
  }

  /**
   * A recommendations result (Dataset#recommend) as a file, one row per recommendation (see
   * recommendationRows): {bytes, text, rows, unmappable, mimeType, fileName}. Options: format
   * ('csv' | 'json'), encoding ('utf-8' | 'cp949', CSV only).
   */
  exportRecommendations(result, options = {}) {
    const file = recommendationFileText(result, options);
    return segmentFile(file, file.cp949 ? this.encodeCp949(file.text) : null);
  }

  /** Starts a streaming ingestion: push() chunks of bytes, then finish(). */
  ingest(options = {}) {
    const handle = unwrap(this.#module.ingestBegin(ordersOptionsJson(options))).session;
    return new IngestSession(this.#module, this.#scratch, handle);
  }

  /**
   * @internal A later part of a file read in parallel (see parallel.js): from file offset
   * `offset`, with the first part's `settings`.
   */
  _ingestPart(options, settings, offset) {
    const handle = unwrap(this.#module.ingestBeginPart(ordersOptionsJson(options), settings, offset)).session;
    return new IngestSession(this.#module, this.#scratch, handle);
  }

  /**
   * Node only: reads the file at `path` (same options as load()); a large file is read by two
   * WebAssembly instances in parallel unless {parallel: false}.
   */
  async loadFile(path, options = {}) {
    if (!isNode) throw new OrderlensError('loadFile() reads files in Node; in a browser pass the File to load()', 'bad_option');
    const name = String(path);
    const withName = { fileName: process.getBuiltinModule('path').basename(name), ...options };
    options.signal?.throwIfAborted();
    const hooks = { onProgress: options.onProgress, signal: options.signal, chunkSize: options.chunkSize ?? DEFAULT_CHUNK_BYTES };
    try {
      const reader = fileReader(name);
      const workbook = await this.#loadIfWorkbook(fileAccess(reader, hooks.chunkSize), withName, hooks);
      if (workbook) return workbook;
      if (worthParallel(reader.size, options)) return await loadRangesInParallel(this, reader, withName, hooks);
      return await loadRangesSequentially(this, reader, withName, hooks);
    } catch (error) {
      throw fileSystemError(error, name);
    }
  }

  /**
   * @internal The Emscripten module, for the hardening tests: they fill WebAssembly memory with
   * _malloc to run out of memory and to place buffers above 2 GB.
   */
  get _module() {
    return this.#module;
  }

  /** @internal What a Worker needs to create the same module. */
  get _createOptions() {
    return this.#createOptions;
  }

  /**
   * @internal The plain .xlsx bytes of a password-protected workbook (xlsx-decrypt.js), for the
   * tests until load(file, {password}) reads workbooks.
   */
  _decryptXlsx(bytes, password) {
    return decryptWorkbook(this.#module, bytes, password);
  }

  /**
   * Reads a whole export: a File/Blob, Uint8Array/ArrayBuffer, ReadableStream, (async) iterable
   * of Uint8Array chunks, or a string. Options: the ingestion options (fileName, encoding, preset,
   * mapping, ...), onProgress({bytesRead, totalBytes, rowsRead, fraction}), signal (AbortSignal),
   * chunkSize (bytes per push, default 8 MB).
   */
  async load(input, options = {}) {
    const { onProgress, signal } = options;
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_BYTES;
    signal?.throwIfAborted();
    const ingestOptions = { ...options };
    if (ingestOptions.fileName === undefined && inputName(input)) ingestOptions.fileName = inputName(input);
    const access = randomAccess(input);
    const workbook = access && await this.#loadIfWorkbook(access, ingestOptions, { onProgress, signal, chunkSize });
    if (workbook) return workbook;
    if (canLoadInParallel(input, options)) return loadInParallel(this, input, ingestOptions, { onProgress, signal, chunkSize });
    return streamInto(this.ingest(ingestOptions), input, { onProgress, signal, chunkSize });
  }

  // An Excel workbook (.xlsx, or one protected with a password) read into a Dataset; null when
  // the input is not one (then it is read as text). See xlsx.js.
  async #loadIfWorkbook(access, options, hooks) {
    const kind = workbookKind(await access.read(0, Math.min(8, access.size)));
    if (kind === 'other') return null;
    let source = access;
    if (kind === 'cfb') source = bytesAccess(await this.#decryptWorkbook(await access.read(0, access.size), options));
    const core = {
      module: this.#module,
      copyIn: (bytes) => this.#scratch.copyIn(bytes),
      dataset: (r) => new Dataset(this.#module, r.dataset, JSON.parse(r.diagnostics)),
      fileName: options.fileName ?? 'input',
    };
    return loadWorkbook(core, source, ordersOptionsJson(options), hooks);
  }

  // The .xlsx inside a password-protected workbook (decrypted here, on the device).
  async #decryptWorkbook(bytes, options) {
    try {
      return await decryptWorkbook(this.#module, bytes, options.password);
    } catch (error) {
      if (!(error instanceof OrderlensError)) throw error;
      throw new OrderlensError(`${options.fileName ?? 'input'}: ${error.message}`, error.code);
    }
  }

  /** Starts a streaming ingestion of a website events file (see loadEvents). */
  ingestEvents(options = {}) {
    const handle = unwrap(this.#module.eventsBegin(ingestOptionsJson(options))).session;
    return new IngestSession(this.#module, this.#scratch, handle, EVENTS);
  }

  /**
   * Reads a website events file for the funnel segments: a flattened GA4 export or any table
   * with user, event and time columns (docs/events.md). Same inputs and hooks as load(); options:
   * fileName, encoding, delimiter, layout ('auto' | 'ga4' | 'generic'), mapping, dateOrder.
   */
  async loadEvents(input, options = {}) {
    const { onProgress, signal } = options;
    signal?.throwIfAborted();
    const eventOptionsWithName = { ...options };
    if (eventOptionsWithName.fileName === undefined && inputName(input)) eventOptionsWithName.fileName = inputName(input);
    return streamInto(this.ingestEvents(eventOptionsWithName), input, { onProgress, signal, chunkSize: options.chunkSize ?? DEFAULT_CHUNK_BYTES });
  }
}

// Pushes every chunk of `input` into `session` and finishes it; cancels it on any error.
async function streamInto(session, input, { onProgress, signal, chunkSize }) {
  const totalBytes = inputSize(input);
  let bytesRead = 0;
  try {
    for await (const chunk of chunksOf(input, chunkSize)) {
      signal?.throwIfAborted();
      const { rowsRead } = session.push(chunk);
      bytesRead += chunk.byteLength;
      onProgress?.({ bytesRead, totalBytes, rowsRead, fraction: totalBytes ? bytesRead / totalBytes : undefined });
      await yieldIfBusy();  // lets an abort, progress rendering and other events in
    }
    signal?.throwIfAborted();
    return session.finish();
  } catch (error) {
    session.cancel();
    throw error;
  }
}


// A Node file-system error (no such file, a folder, no permission) as an OrderlensError naming
// the file; other errors pass unchanged.
function fileSystemError(error, name) {
  if (typeof error?.syscall !== 'string') return error;
  const reasons = { ENOENT: 'no such file', EISDIR: 'a folder, not a file', EACCES: 'permission denied', EPERM: 'permission denied' };
  return new OrderlensError(`${name}: cannot read the file (${reasons[error.code] ?? error.message})`, 'file_unreadable');
}

function ingestOptionsJson(options) {
  return JSON.stringify(coreOptions(options));  // undefined values are left out
}

// An orders file's options: `today` defaults to the device's date (the core has no clock), so
// orders dated after it are warned about (future_date); `today: null` turns that off.
function ordersOptionsJson(options) {
  return ingestOptionsJson(options.today === undefined ? { ...options, today: localToday() } : options);
}

function localToday() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

// The core's functions behind a streaming session, and what finishing it gives: an orders
// Dataset, or an EventLog (a website events file).
const ORDERS = {
  push: 'ingestPush', finish: 'ingestFinish', cancel: 'ingestCancel',
  result: (module, r) => new Dataset(module, r.dataset, JSON.parse(r.diagnostics)),
};
const EVENTS = {
  push: 'eventsPush', finish: 'eventsFinish', cancel: 'eventsCancel',
  result: (module, r) => new EventLog(module, r.events, JSON.parse(r.diagnostics)),
};

class IngestSession {
  #module;
  #scratch;
  #session;
  #kind;
  #open = true;
  #rowsRead = 0;

  constructor(module, scratch, handle, kind = ORDERS) {
    this.#module = module;
    this.#scratch = scratch;
    this.#session = handle;
    this.#kind = kind;
  }

  /** Pushes the next bytes of the file (any chunk size). Returns {rowsRead}. */
  push(chunk) {
    this.#ensureOpen();
    const bytes = chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk.buffer ?? chunk, chunk.byteOffset ?? 0, chunk.byteLength);
    // Large chunks go in slices so the read buffer in WASM memory stays small.
    for (let offset = 0; offset < bytes.length; offset += DEFAULT_CHUNK_BYTES) {
      const part = bytes.subarray(offset, offset + DEFAULT_CHUNK_BYTES);
      this.#pushAt(this.#scratch.copyIn(part), part.length);
    }
    return { rowsRead: this.#rowsRead };
  }

  /** Ends the input and returns the Dataset (or the EventLog of an events session). */
  finish() {
    this.#ensureOpen();
    this.#open = false;
    return this.#kind.result(this.#module, unwrap(this.#module[this.#kind.finish](this.#session)));
  }

  /** Abandons the ingestion and frees what it held. */
  cancel() {
    if (!this.#open) return;
    this.#open = false;
    this.#module[this.#kind.cancel](this.#session);
  }

  /**
   * @internal Node: reads `length` bytes of the open file `fd` at `position` straight into
   * WebAssembly memory (no intermediate buffer) and pushes them. Returns the bytes read.
   */
  pushFromFile(fd, position, length) {
    this.#ensureOpen();
    const pointer = this.#scratch.reserve(length);
    const read = process.getBuiltinModule('fs').readSync(fd, this.#module.HEAPU8, pointer, length, position);
    if (read > 0) this.#pushAt(pointer, read);
    return read;
  }

  // Ingests `length` bytes already in WebAssembly memory at `pointer`.
  #pushAt(pointer, length) {
    const result = this.#module[this.#kind.push](this.#session, pointer, length);
    if (result.error) this.#open = false;  // the core dropped the session
    this.#rowsRead = unwrap(result).rowsRead;
  }

  /** @internal Rows read so far. */
  get rowsRead() {
    return this.#rowsRead;
  }

  /** @internal First part of a parallel load: the settings for a later part, or null. */
  settings() {
    this.#ensureOpen();
    return this.#module.ingestSettings(this.#session).settings || null;
  }

  /**
   * @internal First part: the offset in `bytes` (raw file bytes from near the middle) where a
   * later part should start, or null.
   */
  laterPartStart(bytes) {
    this.#ensureOpen();
    const offset = this.#module.ingestLaterPartStart(this.#session, this.#scratch.copyIn(bytes), bytes.length).offset;
    return offset < 0 ? null : offset;
  }

  /** @internal Later part: the file offset where its own rows start, or -1. */
  splitOffset() {
    this.#ensureOpen();
    return this.#module.ingestPartSplit(this.#session).offset;
  }

  /** @internal Later part: finishes it, returning its bytes for the first part. */
  finishPart() {
    this.#ensureOpen();
    this.#open = false;
    return unwrap(this.#module.ingestFinishPart(this.#session)).bytes;
  }

  /**
   * @internal First part: finishes with a later part's bytes; null when the parts do not fit
   * together (the session stays open to continue sequentially).
   */
  finishWithPart(bytes) {
    this.#ensureOpen();
    const result = this.#module.ingestFinishWithPart(this.#session, this.#scratch.copyIn(bytes), bytes.length);
    if (result.fallback) return null;
    this.#open = false;
    unwrap(result);
    return new Dataset(this.#module, result.dataset, JSON.parse(result.diagnostics), 2);
  }

  #ensureOpen() {
    if (!this.#open) throw new OrderlensError('this ingestion has already finished, failed or been cancelled', 'invalid_state');
  }
}

/** The result of an ingestion: diagnostics and the tables behind every analysis. */
export class Dataset {
  #module;
  #handle;
  #diagnostics;
  #parts;

  constructor(module, handle, diagnostics, parts = 1) {
    this.#module = module;
    this.#handle = handle;
    this.#diagnostics = diagnostics;
    this.#parts = parts;
  }

  /** What ingestion did with every row (see README "Diagnostics"). */
  get diagnostics() {
    return this.#diagnostics;
  }

  /** Per-customer summary as columns (typed arrays and string arrays). */
  customerColumns(options = {}) {
    this.#ensureLive();
    return customerColumnsFromCore(unwrap(this.#module.customerSummary(this.#handle, JSON.stringify(options))));
  }

  /** Per-customer summary as one object per customer. Options: unit ('days'|'weeks'), endDate. */
  customers(options = {}) {
    return customersFromColumns(this.customerColumns(options));
  }

  /**
   * Customer lifetime value: fits the transaction model (BG/NBD by default) and Gamma-Gamma, and
   * predicts per customer (see README "Customer lifetime value"). Options: model ('bgnbd' |
   * 'mbgnbd' | 'pnbd'), spend ('gg' | 'none'), unit ('days' | 'weeks'), endDate, calibrationEnd,
   * penalizer, horizonMonths, monthlyDiscountRate, margin, churnWindowDays, lifespanYears.
   */
  clv(options = {}) {
    this.#ensureLive();
    const core = unwrap(this.#module.clvAnalyze(this.#handle, JSON.stringify(options)));
    return clvResult(core.json, clvColumnsFromCore(core));
  }

  /**
   * Customer segments (see README "Segments"): RFM, repurchase groups, purchase cycle, cross-sell,
   * loyalty tiers and custom JSON rules; each pack with its groups' sizes, revenue shares and
   * campaigns, and each customer's group. Options: packs, endDate, rfm, cycle, tiers, crossSell,
   * rules, minSize, clv.
   */
  segments(options = {}) {
    this.#ensureLive();
    const { events, channels, ...coreOptions } = options;
    const eventsHandle = eventsHandleOf(events, EventLog, 'segments');
    // options.channels: the channel report's options; its spend (entries or a CSV) gives CAC per segment.
    if (channels !== undefined && channels !== null) coreOptions.channels = channelCoreOptions(this.#module, channels);
    return segmentsResult(unwrap(this.#module.segmentsAnalyze(this.#handle, JSON.stringify(coreOptions), eventsHandle)));
  }

  /**
   * KPIs per period with changes, the revenue split by driver and the playbook's actions
   * (docs/kpis.md). Options: period ('month' | 'week' | 'day'), startDate, endDate,
   * dropThreshold (0.05), events (an EventLog: visitor KPIs and conversion).
   */
  kpis(options = {}) {
    this.#ensureLive();
    const { events, ...coreOptions } = options;
    return runReport(this.#module, this.#handle, 'kpis', coreOptions, eventsHandleOf(events, EventLog, 'kpis'));
  }

  /**
   * Acquisition cohorts (docs/kpis.md "Cohorts"). Options: period ('month' | 'week'), by
   * ('firstPeriod' | 'firstProduct' | 'firstChannel' | 'firstCoupon'), maxCohorts (20), maxAge,
   * startDate, endDate.
   */
  cohorts(options = {}) {
    this.#ensureLive();
    return runReport(this.#module, this.#handle, 'cohorts', options);
  }

  /**
   * CAC vs LTV per acquisition channel (docs/kpis.md "Channels"). Options: spend (entries
   * [{channel, period, amount}], or a spend CSV as text or bytes), spendFileName, period
   * ('month' | 'week'), margin (1), predictClv (true), clv (CLV options), startDate, endDate,
   * events (an EventLog: the traffic source of customers whose first order names no channel).
   */
  channels(options = {}) {
    this.#ensureLive();
    const { events, ...coreOptions } = options;
    return runReport(this.#module, this.#handle, 'channels', channelCoreOptions(this.#module, coreOptions),
      eventsHandleOf(events, EventLog, 'channels'));
  }

  /**
   * Is there enough data for each analysis (docs/kpis.md "Readiness")? Options: startDate,
   * endDate, events (an EventLog).
   */
  readiness(options = {}) {
    this.#ensureLive();
    const { events, ...coreOptions } = options;
    return runReport(this.#module, this.#handle, 'readiness', coreOptions, eventsHandleOf(events, EventLog, 'readiness'));
  }

  /**
   * Per-customer product recommendations (docs/recommend.md): item-to-item collaborative
   * filtering, reorder reminders for consumables, favourite-category and best-seller fallbacks.
   * Options: topN, endDate or calibrationEnd (adds the holdout evaluation against the popularity
   * baseline), minCount, shrinkage, neighbours, popularityWeight, recentDays, reorder
   * {minCustomers, minShare}, segment ("rfm" or "rfm.champions"), rules (custom segments).
   * Returns the JSON head with `lists` (typed arrays) and `customers` (rows, built on first use).
   */
  recommend(options = {}) {
    this.#ensureLive();
    return recommendResult(unwrap(this.#module.recommendAnalyze(this.#handle, JSON.stringify(options))));
  }

  /**
   * Product affinity: co-purchase (same order) and next-purchase (next purchase day) rules with
   * support, confidence and lift (docs/segments.md "Product affinity"). Options: level
   * ('product' | 'category'), minCount (3), topN (5 per product), rankBy ('lift' | 'confidence' |
   * 'count'), endDate.
   */
  affinity(options = {}) {
    this.#ensureLive();
    return JSON.parse(unwrap(this.#module.affinityAnalyze(this.#handle, JSON.stringify(options))).json);
  }

  /** Memory held by this dataset's tables, and how many parts were read in parallel (1 or 2). */
  stats() {
    this.#ensureLive();
    return { ...unwrap(this.#module.datasetStats(this.#handle)), parts: this.#parts };
  }

  /** Frees the dataset's memory; the instance stays usable for other datasets. */
  dispose() {
    if (this.#handle === 0) return;
    this.#module.datasetDispose(this.#handle);
    this.#handle = 0;
  }

  #ensureLive() {
    if (this.#handle === 0) throw new OrderlensError('this dataset has been disposed', 'invalid_state');
  }
}


/** A website events file read by loadEvents(): its diagnostics, for the funnel segments. */
export class EventLog {
  #module;
  #handle;
  #diagnostics;

  constructor(module, handle, diagnostics) {
    this.#module = module;
    this.#handle = handle;
    this.#diagnostics = diagnostics;
  }

  /** What the ingestion did with every row (layout, mapping, skipped rows, visitors, events). */
  get diagnostics() {
    return this.#diagnostics;
  }

  /** @internal The core's handle (throws once disposed). */
  _handle() {
    if (this.#handle === 0) throw new OrderlensError('this events file has been disposed', 'invalid_state');
    return this.#handle;
  }

  /** Frees the visitors' memory. */
  dispose() {
    if (this.#handle === 0) return;
    this.#module.eventsDispose(this.#handle);
    this.#handle = 0;
  }
}
