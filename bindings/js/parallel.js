// Reading a large export with two WebAssembly instances, one in a Worker, when the input allows
// reading ranges (a File or Blob — in Node, fs.openAsBlob — or a byte array).
//
// The first part (this instance) reads from the start until the header, layout and conventions
// are settled; a Worker then reads from the first line feed after the middle with those
// settings, and reports where its own rows begin (after the rows of an order that may have
// started before the middle). This instance reads exactly up to there and merges the Worker's
// tables. The core checks that the two parts fit together exactly (a complete record at the
// seam, the same encoding, no order id in both); when they do not, this instance simply reads
// on alone. Either way the result equals a sequential read (tested byte for byte).
import { coreOptions, inputSize, streamChunks, yieldIfBusy } from './input.js';

const isNode = typeof process === 'object' && !!(process.versions && process.versions.node);

const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
const SETTLE_CHUNK_BYTES = 1024 * 1024;
const SPLIT_SEARCH_BYTES = 1024 * 1024;
// The Worker then encodes its tables while this instance reads on: give it a bit less.
const SPLIT_AT = 0.55;

function cores() {
  if (isNode) return process.getBuiltinModule('os').availableParallelism?.() ?? 1;
  return typeof navigator !== 'undefined' ? navigator.hardwareConcurrency ?? 1 : 1;
}

function workersAvailable() {
  return isNode ? typeof process.getBuiltinModule === 'function' : typeof Worker === 'function';
}

// A file in Node, read by path: the Worker opens the file itself at its own offset.
export function fileReader(path) {
  const fs = process.getBuiltinModule('fs');
  return {
    size: fs.statSync(path).size,
    // Reads each range straight into WebAssembly memory (one copy, no Buffers to collect).
    async pushRange(session, start, end, chunkSize, onChunk) {
      const fd = fs.openSync(path, 'r');
      try {
        for (let at = start; at < end;) {
          const read = session.pushFromFile(fd, at, Math.min(chunkSize, end - at));
          if (read === 0) throw new Error(`orderlens: ${path} became shorter while it was read`);
          at += read;
          onChunk(read, session);
          await yieldIfBusy();
        }
      } finally {
        fs.closeSync(fd);
      }
    },
    async bytes(start, end) {
      const buffer = Buffer.alloc(end - start);
      const fd = fs.openSync(path, 'r');
      try {
        fs.readSync(fd, buffer, 0, buffer.length, start);
      } finally {
        fs.closeSync(fd);
      }
      return buffer;
    },
    part(start) {
      return { input: { path, start }, transfer: [] };
    },
  };
}

function rangeReader(input) {
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    return {
      size: input.size,
      chunks: (start, end, chunkSize) => streamChunks(input.slice(start, end).stream(), chunkSize),
      async bytes(start, end) {
        return new Uint8Array(await input.slice(start, end).arrayBuffer());
      },
      part(start) {  // a Blob is handed to a Worker without copying its bytes
        return { input: input.slice(start), transfer: [] };
      },
    };
  }
  const all = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return {
    size: all.length,
    async *chunks(start, end, chunkSize) {
      for (let at = start; at < end; at += chunkSize) yield all.subarray(at, Math.min(end, at + chunkSize));
    },
    async bytes(start, end) {
      return all.subarray(start, end);
    },
    part(start) {  // the later half is copied once and transferred
      const copy = all.slice(start);
      return { input: copy, transfer: [copy.buffer] };
    },
  };
}

/** Whether load() reads this input in parallel: options.parallel true / false / undefined (auto). */
export function canLoadInParallel(input, options) {
  // In Node a Blob is not handed to a Worker: Node 20 aborts when another thread reads a
  // file-backed Blob (fs.openAsBlob). Node reads files in parallel through loadFile(path).
  const isBlob = typeof Blob !== 'undefined' && input instanceof Blob;
  const randomAccess = (isBlob && !isNode) || input instanceof ArrayBuffer || ArrayBuffer.isView(input);
  if (!randomAccess) return false;
  return worthParallel(inputSize(input), options);
}

export function worthParallel(size, options) {
  if (options.parallel === false || !workersAvailable()) return false;
  return options.parallel === true || (size >= PARALLEL_MIN_BYTES && cores() >= 2);
}

// Where the later part starts: a record start at or after `from`, chosen by the core among the
// line starts of a window (a line start inside a multi-line quoted value would make the later
// part's work useless); null when no line start is near.
async function laterPartStart(reader, session, from) {
  for (let at = from; at < reader.size && at - from <= 8 * SPLIT_SEARCH_BYTES; at += SPLIT_SEARCH_BYTES) {
    const window = await reader.bytes(at, Math.min(reader.size, at + SPLIT_SEARCH_BYTES));
    const offset = session.laterPartStart(window);
    if (offset !== null) return at + offset;
  }
  return null;
}

function spawnPartWorker() {
  if (isNode) {
    const { Worker } = process.getBuiltinModule('worker_threads');
    const worker = new Worker(new URL('./part-worker.js', import.meta.url));
    return {
      post: (message, transfer) => worker.postMessage(message, transfer),
      listen: (onMessage, onError) => {
        worker.on('message', onMessage);
        worker.on('error', onError);
      },
      terminate: () => worker.terminate(),
    };
  }
  // Written literally so bundlers find and bundle the Worker.
  const worker = new Worker(new URL('./part-worker.js', import.meta.url), { type: 'module' });
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    listen: (onMessage, onError) => {
      worker.addEventListener('message', (event) => onMessage(event.data));
      worker.addEventListener('error', onError);
    },
    terminate: () => worker.terminate(),
  };
}

// The later part's Worker, created at the start of a load so its module is ready when the
// first part has settled. `start` hands it its range; `split` resolves to where its own rows
// start (or null) and `bytes` to its tables (or null). Failures resolve to null: the first
// part then reads on alone.
function laterPart(orderlens, onProgress) {
  const worker = spawnPartWorker();
  let resolveSplit, resolveBytes;
  const split = new Promise((resolve) => (resolveSplit = resolve));
  const bytes = new Promise((resolve) => (resolveBytes = resolve));
  const giveUp = () => {
    resolveSplit(null);
    resolveBytes(null);
  };
  worker.listen((message) => {
    if (message.type === 'split') resolveSplit(message.offset);
    else if (message.type === 'progress') onProgress(message);
    else if (message.type === 'done') resolveBytes(new Uint8Array(message.bytes));
    else if (message.type !== 'ready') giveUp();  // 'nosplit' or 'error'
  }, giveUp);
  worker.post({ type: 'create', create: orderlens._createOptions }, []);
  return {
    split,
    bytes,
    start(reader, offset, options, settings) {
      const { input, transfer } = reader.part(offset);
      worker.post({ type: 'read', input, options, settings, offset }, transfer);
    },
    terminate: () => worker.terminate(),
  };
}

export async function loadInParallel(orderlens, input, options, hooks) {
  return loadRangesInParallel(orderlens, rangeReader(input), options, hooks);
}

// The same read, by one instance (small inputs, one core, or {parallel: false}).
export async function loadRangesSequentially(orderlens, reader, options, { onProgress, signal, chunkSize }) {
  const session = orderlens.ingest(options);
  let fed = 0;
  try {
    await reader.pushRange(session, 0, reader.size, chunkSize, (read) => {
      signal?.throwIfAborted();
      fed += read;
      onProgress?.({ bytesRead: fed, totalBytes: reader.size, rowsRead: session.rowsRead, fraction: fed / reader.size });
    });
    signal?.throwIfAborted();
    return session.finish();
  } catch (error) {
    session.cancel();
    throw error;
  }
}

export async function loadRangesInParallel(orderlens, reader, options, { onProgress, signal, chunkSize }) {
  const total = reader.size;
  const session = orderlens.ingest(options);
  let fed = 0;
  let rows = 0;
  let laterStart = total;  // where the later part reads from, once started
  let laterBytes = 0;
  let laterRows = 0;
  let reported = 0;
  let reportedRows = 0;
  // Bytes read by either part, the range both read counted once. Reported only when it grows:
  // it never goes backwards (when the first part reads on alone, progress waits until it
  // passes what was reported). rowsRead counts the few rows both parts read twice until the
  // last report, which is exact.
  const report = () => {
    const bytesRead = Math.min(fed, laterStart) + laterBytes;
    if (bytesRead <= reported) return;
    reported = bytesRead;
    reportedRows = rows + laterRows;
    onProgress?.({ bytesRead, totalBytes: total, rowsRead: reportedRows, fraction: bytesRead / total });
  };
  const push = (chunk) => {
    signal?.throwIfAborted();
    rows = session.push(chunk).rowsRead;
    fed += chunk.byteLength;
    report();
  };
  const feedTo = async (end, size = chunkSize) => {
    if (reader.pushRange) {
      await reader.pushRange(session, fed, end, size, (read) => {
        signal?.throwIfAborted();
        fed += read;
        rows = session.rowsRead;
        report();
      });
      return;
    }
    for await (const chunk of reader.chunks(fed, end, size)) push(chunk);
  };

  let later = laterPart(orderlens, (p) => {
    laterBytes = p.bytesRead;
    laterRows = p.rowsRead;
    report();
  });
  try {
    // 1. Read until settled (in small chunks, so the Worker starts early).
    const middle = Math.floor(total * SPLIT_AT);
    const settleChunk = Math.max(64 * 1024, Math.min(SETTLE_CHUNK_BYTES, Math.floor(total / 32)));
    let settings = session.settings();
    while (fed < middle && !settings) {
      await feedTo(Math.min(middle, fed + settleChunk), settleChunk);
      settings = session.settings();
    }
    const start = settings ? await laterPartStart(reader, session, Math.max(middle, fed)) : null;
    if (start !== null) {
      // 2. The Worker reads [start, end) while this instance reads [fed, start).
      later.start(reader, start, coreOptions(options), settings);
      laterStart = start;
      await feedTo(start);
      // 3. Up to the Worker's first own row, then merge its tables.
      const split = await later.split;
      if (split !== null && split >= fed) {
        await feedTo(split);
        const bytes = await later.bytes;
        signal?.throwIfAborted();
        const merged = bytes && session.finishWithPart(bytes);
        if (merged) {
          const rowsRead = merged.diagnostics.rows.read;
          if (reported < total || reportedRows !== rowsRead) onProgress?.({ bytesRead: total, totalBytes: total, rowsRead, fraction: 1 });
          return merged;
        }
      }
    }
    later.terminate();
    later = null;
    laterStart = total;
    laterBytes = 0;
    laterRows = 0;
    // 4. Alone to the end.
    await feedTo(total);
    return session.finish();
  } catch (error) {
    session.cancel();
    throw error;
  } finally {
    later?.terminate();
  }
}
