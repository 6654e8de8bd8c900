// Turns every accepted input into a sequence of Uint8Array chunks of at most `chunkSize` bytes.
// Bytes go in as bytes: decoding happens in the core.

/** Bytes pushed into WebAssembly memory at a time, unless options.chunkSize says otherwise. */
export const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;

/** The options the core reads: load()'s options without those of the JS side. */
export function coreOptions(options) {
  // The password of a protected workbook is used in JS (xlsx-decrypt.js) and never sent to the core.
  const { onProgress, signal, chunkSize, transfer, parallel, password, ...core } = options;
  return core;
}

export function inputSize(input) {
  if (typeof input === 'string') return undefined;
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return input.byteLength;
  if (typeof Blob !== 'undefined' && input instanceof Blob) return input.size;
  return undefined;
}

export function inputName(input) {
  return input && typeof input.name === 'string' && input.name ? input.name : undefined;
}

export async function* chunksOf(input, chunkSize) {
  if (typeof input === 'string') {
    yield* slices(new TextEncoder().encode(input), chunkSize);
  } else if (input instanceof ArrayBuffer) {
    yield* slices(new Uint8Array(input), chunkSize);
  } else if (ArrayBuffer.isView(input)) {
    yield* slices(new Uint8Array(input.buffer, input.byteOffset, input.byteLength), chunkSize);
  } else if (typeof Blob !== 'undefined' && input instanceof Blob) {
    yield* streamChunks(input.stream(), chunkSize);
  } else if (input && typeof input.getReader === 'function') {
    yield* streamChunks(input, chunkSize);
  } else if (input && (typeof input[Symbol.asyncIterator] === 'function' || typeof input[Symbol.iterator] === 'function')) {
    for await (const chunk of input) {
      if (typeof chunk === 'string') throw new TypeError('orderlens: expected chunks of bytes (Uint8Array), got a string');
      yield* slices(chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk), chunkSize);
    }
  } else {
    throw new TypeError('orderlens: expected a File, Blob, Uint8Array, ArrayBuffer, ReadableStream, iterable of chunks or string');
  }
}

function* slices(bytes, chunkSize) {
  if (bytes.length === 0) return;
  for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
}

export async function* streamChunks(stream, chunkSize) {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield* slices(value, chunkSize);
    }
  } finally {
    reader.releaseLock();
  }
}

// Yields to the event loop when the current task has run for a while, so a page stays
// responsive and an AbortSignal can fire, without paying a task switch per chunk.
let sliceStart = now();
function now() {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
export async function yieldIfBusy(budgetMs = 40) {
  if (now() - sliceStart < budgetMs) return;
  await new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
  sliceStart = now();
}
