// createOrderlensWorker(): the orderlens API running in a Worker, so a page never freezes
// during ingestion. Same methods as createOrderlens(), all returning promises. Files and Blobs
// are handed to the Worker as they are (no copy); byte arrays are copied, or transferred with
// {transfer: true}; streams are read here and their chunks transferred.
import { deserializeError, OrderlensError } from './errors.js';
import { customersFromColumns } from './customers.js';
import { reviveClvArraysResult, reviveClvResult } from './clv.js';
import { segmentFile, segmentFileText } from './segments.js';
import { recommendationFileText, withCustomers } from './recommend.js';
import { chunksOf, DEFAULT_CHUNK_BYTES, inputName } from './input.js';

const isNode = typeof process === 'object' && !!(process.versions && process.versions.node);

/**
 * Options: workerUrl (default: worker.js next to this file), wasmUrl or wasmBinary (as for
 * createOrderlens).
 */
export async function createOrderlensWorker(options = {}) {
  let worker;
  if (isNode) {
    const { Worker } = process.getBuiltinModule('worker_threads');
    worker = new Worker(options.workerUrl ?? new URL('./worker.js', import.meta.url));
  } else if (options.workerUrl) {
    worker = new Worker(options.workerUrl, { type: 'module' });
  } else {
    // Written literally so bundlers (Vite, webpack) find and bundle the worker.
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  }
  const client = new OrderlensWorker(worker);
  const init = {};
  if (options.wasmUrl) init.wasmUrl = String(options.wasmUrl);
  if (options.wasmBinary) init.wasmBinary = options.wasmBinary;
  const { version } = await client.request({ op: 'init', options: init });
  client.version = version;
  return client;
}

class OrderlensWorker {
  #worker;
  #pending = new Map();
  #nextId = 1;
  #terminated = false;

  constructor(worker) {
    this.#worker = worker;
    const onMessage = (message) => this.#onMessage(message);
    if (isNode) {
      worker.on('message', onMessage);
      worker.on('error', (error) => this.#failAll(error));
      worker.unref?.();  // an idle worker does not keep Node running
    } else {
      worker.addEventListener('message', (event) => onMessage(event.data));
      worker.addEventListener('error', (event) => this.#failAll(new Error(event.message || 'orderlens worker failed')));
    }
  }

  #onMessage(message) {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    if (message.progress) {
      pending.onProgress?.(message.progress);
      return;
    }
    this.#pending.delete(message.id);
    if (this.#pending.size === 0) this.#worker.unref?.();
    if (message.error) pending.reject(deserializeError(message.error));
    else pending.resolve(message.result);
  }

  #failAll(error) {
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
  }

  request(message, transfer = [], onProgress) {
    if (this.#terminated) return Promise.reject(new OrderlensError('this orderlens worker has been terminated', 'invalid_state'));
    const id = message.id ?? this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      this.#worker.ref?.();
      this.#worker.postMessage({ ...message, id }, transfer);
    });
  }

  /** Same as Orderlens.load(); resolves to a RemoteDataset. */
  async load(input, options = {}) {
    const { onProgress, signal, transfer, chunkSize, ...ingestOptions } = options;
    signal?.throwIfAborted();
    if (ingestOptions.fileName === undefined && inputName(input)) ingestOptions.fileName = inputName(input);
    const isBlob = typeof Blob !== 'undefined' && input instanceof Blob;
    const isBytes = input instanceof ArrayBuffer || ArrayBuffer.isView(input);
    if (!isBlob && !isBytes && typeof input !== 'string') return this.#loadStreamed(input, ingestOptions, options);
    const transferList = [];
    if (transfer && isBytes) transferList.push(input instanceof ArrayBuffer ? input : input.buffer);
    const id = this.#nextId++;
    const abort = () => this.#worker.postMessage({ op: 'abort', target: id, id: -1 });
    signal?.addEventListener('abort', abort);
    try {
      const message = { id, op: 'load', input, options: { ...ingestOptions, chunkSize }, progress: !!onProgress };
      return await this.#datasetUnlessAborted(await this.request(message, transferList, onProgress), signal);
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  async #loadStreamed(input, ingestOptions, { onProgress, signal, chunkSize }) {
    const { session } = await this.request({ op: 'begin', options: ingestOptions });
    let bytesRead = 0;
    try {
      for await (const chunk of chunksOf(input, chunkSize ?? DEFAULT_CHUNK_BYTES)) {
        signal?.throwIfAborted();
        // A buffer of its own (a Node Buffer's slice() is a view of a shared pool), transferred
        // without a second copy.
        const owned = Uint8Array.prototype.slice.call(chunk);
        bytesRead += owned.byteLength;
        const { rowsRead } = await this.request({ op: 'push', session, bytes: owned.buffer }, [owned.buffer]);
        onProgress?.({ bytesRead, totalBytes: undefined, rowsRead, fraction: undefined });
      }
      signal?.throwIfAborted();
    } catch (error) {
      await this.request({ op: 'cancel', session });
      throw error;
    }
    return this.#datasetUnlessAborted(await this.request({ op: 'finish', session }), signal);
  }

  // A load can finish before the Worker sees the abort: then its dataset is disposed and the
  // load rejects with the abort reason, as if the abort had come in time.
  async #datasetUnlessAborted(result, signal) {
    const dataset = new RemoteDataset(this, result.dataset, result.diagnostics);
    if (signal?.aborted) {
      await dataset.dispose();
      signal.throwIfAborted();
    }
    return dataset;
  }

  /** Dataset-free CLV fit on arrays, as Orderlens#clvFit. */
  async clvFit(arrays, options = {}) {
    return reviveClvArraysResult((await this.request({ op: 'clvFit', arrays, options })).value);
  }

  /**
   * As Orderlens.loadEvents() for a File, Blob, byte array or string; resolves to a
   * RemoteEventLog to pass to RemoteDataset#segments({events}).
   */
  async loadEvents(input, options = {}) {
    const { onProgress, signal, chunkSize, ...eventOptions } = options;
    signal?.throwIfAborted();
    const isBlob = typeof Blob !== 'undefined' && input instanceof Blob;
    if (!isBlob && !(input instanceof ArrayBuffer) && !ArrayBuffer.isView(input) && typeof input !== 'string') {
      throw new OrderlensError('loadEvents in a Worker takes a File, Blob, byte array or string', 'bad_option');
    }
    if (eventOptions.fileName === undefined && inputName(input)) eventOptions.fileName = inputName(input);
    const result = await this.request({ op: 'loadEvents', input, options: { ...eventOptions, chunkSize } });
    return new RemoteEventLog(this, result.events, result.diagnostics);
  }

  /** As Orderlens#encodeCp949 (computed in the Worker). */
  async encodeCp949(text) {
    return (await this.request({ op: 'encodeCp949', text: String(text) })).value;
  }

  /** As Orderlens#exportSegments; the rows are built on this thread, CP949 encoding runs in the Worker. */
  async exportSegments(result, options = {}) {
    const file = segmentFileText(result, options);
    return segmentFile(file, file.cp949 ? await this.encodeCp949(file.text) : null);
  }

  /** As Orderlens#exportRecommendations; rows built on this thread, CP949 encoding in the Worker. */
  async exportRecommendations(result, options = {}) {
    const file = recommendationFileText(result, options);
    return segmentFile(file, file.cp949 ? await this.encodeCp949(file.text) : null);
  }

  /** Stops the worker; its datasets are gone. */
  terminate() {
    this.#terminated = true;
    this.#failAll(new OrderlensError('this orderlens worker has been terminated', 'invalid_state'));
    return this.#worker.terminate();
  }
}

/** A Dataset living in the Worker: the same methods as Dataset, returning promises. */
class RemoteDataset {
  #client;
  #handle;

  constructor(client, handle, diagnostics) {
    this.#client = client;
    this.#handle = handle;
    this.diagnostics = diagnostics;
  }

  async customerColumns(options = {}) {
    return (await this.#client.request({ op: 'customerColumns', dataset: this.#handle, options })).value;
  }

  async customers(options = {}) {
    return customersFromColumns(await this.customerColumns(options));
  }

  async clv(options = {}) {
    return reviveClvResult((await this.#client.request({ op: 'clv', dataset: this.#handle, options })).value);
  }

  async segments(options = {}) {
    return (await this.#client.request({ op: 'segments', dataset: this.#handle, options: sentWithEvents(options, 'segments') })).value;
  }

  async kpis(options = {}) {
    return (await this.#client.request({ op: 'kpis', dataset: this.#handle, options: sentWithEvents(options, 'kpis') })).value;
  }

  async cohorts(options = {}) {
    return (await this.#client.request({ op: 'cohorts', dataset: this.#handle, options })).value;
  }

  async channels(options = {}) {
    return (await this.#client.request({ op: 'channels', dataset: this.#handle, options: sentWithEvents(options, 'channels') })).value;
  }

  async readiness(options = {}) {
    return (await this.#client.request({ op: 'readiness', dataset: this.#handle, options: sentWithEvents(options, 'readiness') })).value;
  }

  async affinity(options = {}) {
    return (await this.#client.request({ op: 'affinity', dataset: this.#handle, options })).value;
  }

  async recommend(options = {}) {
    return withCustomers((await this.#client.request({ op: 'recommend', dataset: this.#handle, options })).value);
  }

  stats() {
    return this.#client.request({ op: 'stats', dataset: this.#handle });
  }

  async dispose() {
    await this.#client.request({ op: 'dispose', dataset: this.#handle });
  }
}

// Options with a RemoteEventLog replaced by its handle in the worker.
function sentWithEvents(options, what) {
  const { events, ...rest } = options;
  if (events === undefined) return rest;
  if (!(events instanceof RemoteEventLog)) throw new OrderlensError(`${what}: options.events must come from loadEvents() of the same worker`, 'bad_option');
  return { ...rest, eventsHandle: events._handle };
}

/** A website events file living in the Worker (see OrderlensWorker#loadEvents). */
class RemoteEventLog {
  #client;

  constructor(client, handle, diagnostics) {
    this.#client = client;
    this._handle = handle;
    this.diagnostics = diagnostics;
  }

  async dispose() {
    await this.#client.request({ op: 'disposeEvents', events: this._handle });
  }
}
