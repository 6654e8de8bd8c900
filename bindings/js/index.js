// orderlens: customer analytics for shop order exports, computed in WebAssembly on the user's
// device. No network requests: the .wasm is read from the package itself (Node) or fetched from
// the same origin as this file (browsers), or passed in by the caller.
import createOrderlensModule from './orderlens.mjs';
import { chunksOf, inputSize, inputName, yieldIfBusy } from './input.js';
import { customerColumnsFromCore, customersFromColumns } from './customers.js';
import { OrderlensError, unwrap } from './errors.js';

export { OrderlensError } from './errors.js';
export { createOrderlensWorker } from './worker-client.js';

const isNode = typeof process === 'object' && !!(process.versions && process.versions.node);
const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;
const JS_ONLY_OPTIONS = new Set(['onProgress', 'signal', 'chunkSize', 'transfer']);

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
  const module = await createOrderlensModule(moduleArgs);
  return new Orderlens(module);
}

class Orderlens {
  #module;
  #scratch = { pointer: 0, capacity: 0 };

  constructor(module) {
    this.#module = module;
  }

  /** Version of the WebAssembly core. */
  get version() {
    return this.#module.version();
  }

  /** Bytes of WebAssembly memory currently reserved (grows, never shrinks). */
  get memoryBytes() {
    return this.#module.HEAPU8.length;
  }

  /** Starts a streaming ingestion: push() chunks of bytes, then finish(). */
  ingest(options = {}) {
    return new IngestSession(this.#module, this.#scratch, ingestOptionsJson(options));
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
    const totalBytes = inputSize(input);
    const session = this.ingest(ingestOptions);
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
}

function ingestOptionsJson(options) {
  const core = {};
  for (const [key, value] of Object.entries(options)) if (!JS_ONLY_OPTIONS.has(key) && value !== undefined) core[key] = value;
  return JSON.stringify(core);
}

class IngestSession {
  #module;
  #scratch;
  #session;
  #open = true;
  #rowsRead = 0;

  constructor(module, scratch, optionsJson) {
    this.#module = module;
    this.#scratch = scratch;
    this.#session = unwrap(module.ingestBegin(optionsJson)).session;
  }

  /** Pushes the next bytes of the file (any chunk size). Returns {rowsRead}. */
  push(chunk) {
    this.#ensureOpen();
    const bytes = chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk.buffer ?? chunk, chunk.byteOffset ?? 0, chunk.byteLength);
    // Large chunks go in slices so the read buffer in WASM memory stays small.
    for (let offset = 0; offset < bytes.length; offset += DEFAULT_CHUNK_BYTES) {
      const part = bytes.subarray(offset, offset + DEFAULT_CHUNK_BYTES);
      const pointer = this.#reserve(part.length);
      this.#module.HEAPU8.set(part, pointer);  // the one copy into WASM memory
      const result = this.#module.ingestPush(this.#session, pointer, part.length);
      if (result.error) this.#open = false;  // the core dropped the session
      this.#rowsRead = unwrap(result).rowsRead;
    }
    return { rowsRead: this.#rowsRead };
  }

  /** Ends the input and returns the Dataset. */
  finish() {
    this.#ensureOpen();
    this.#open = false;
    const result = unwrap(this.#module.ingestFinish(this.#session));
    return new Dataset(this.#module, result.dataset, JSON.parse(result.diagnostics));
  }

  /** Abandons the ingestion and frees what it held. */
  cancel() {
    if (!this.#open) return;
    this.#open = false;
    this.#module.ingestCancel(this.#session);
  }

  #ensureOpen() {
    if (!this.#open) throw new OrderlensError('this ingestion has already finished, failed or been cancelled', 'invalid_state');
  }

  // One reusable buffer in WASM memory per instance; pointers above 2 GB are unsigned.
  #reserve(length) {
    const s = this.#scratch;
    if (length > s.capacity) {
      if (s.pointer) this.#module._free(s.pointer);
      s.pointer = 0;
      s.capacity = 0;
      const pointer = this.#module._malloc(Math.max(length, 64 * 1024)) >>> 0;
      if (!pointer) throw new OrderlensError('ran out of memory reserving a read buffer', 'out_of_memory');
      s.pointer = pointer;
      s.capacity = Math.max(length, 64 * 1024);
    }
    return s.pointer;
  }
}

/** The result of an ingestion: diagnostics and the tables behind every analysis. */
export class Dataset {
  #module;
  #handle;
  #diagnostics;

  constructor(module, handle, diagnostics) {
    this.#module = module;
    this.#handle = handle;
    this.#diagnostics = diagnostics;
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

  /** Memory held by this dataset's tables. */
  stats() {
    this.#ensureLive();
    return unwrap(this.#module.datasetStats(this.#handle));
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
