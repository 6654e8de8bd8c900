// Excel workbooks (.xlsx) for load() and loadFile(): recognized by their first bytes, read with
// random access (the zip directory is at the end), each needed entry inflated by the platform
// (DecompressionStream('deflate-raw') in browsers and Workers, node:zlib in Node) and streamed into the
// core's xlsx session, which parses the parts (src/xlsx). A password-protected workbook is an
// OLE compound file; it is decrypted on the device first (xlsx-decrypt.js). Nothing is sent
// anywhere. See docs/xlsx.md.
import { OrderlensError, unwrap } from './errors.js';
import { streamChunks, yieldIfBusy } from './input.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes, magic) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** 'zip' (an .xlsx), 'cfb' (an encrypted workbook or a legacy .xls) or 'other', from the first bytes. */
export function workbookKind(head) {
  if (startsWith(head, ZIP_MAGIC)) return 'zip';
  if (startsWith(head, CFB_MAGIC)) return 'cfb';
  return 'other';
}

/**
 * Random access to an input that has it: {size, read(start, end) -> Promise<Uint8Array>,
 * stream(start, end) -> ReadableStream<Uint8Array>}; null for streams, iterables and strings.
 */
export function randomAccess(input) {
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    return {
      size: input.size,
      read: async (start, end) => new Uint8Array(await input.slice(start, end).arrayBuffer()),
      stream: (start, end) => input.slice(start, end).stream(),
    };
  }
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) {
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    return bytesAccess(bytes);
  }
  return null;
}

export function bytesAccess(bytes) {
  return {
    size: bytes.length,
    read: async (start, end) => bytes.subarray(start, end),
    stream: (start, end) => new ReadableStream({
      start(controller) {
        controller.enqueue(bytes.subarray(start, end));
        controller.close();
      },
    }),
  };
}

/** Random access to a Node file (loadFile), through the same reader the parallel loader uses. */
export function fileAccess(reader, chunkSize) {
  return {
    size: reader.size,
    read: async (start, end) => new Uint8Array(await reader.bytes(start, end)),
    stream: (start, end) => {
      let at = start;
      return new ReadableStream({
        async pull(controller) {
          if (at >= end) return controller.close();
          const next = Math.min(end, at + chunkSize);
          controller.enqueue(new Uint8Array(await reader.bytes(at, next)));
          at = next;
        },
      });
    },
  };
}

// Node's zlib, where there is one: DecompressionStream in Node hands out 16 KB chunks, each a
// round trip to the zlib thread pool and a push into the core (a third of reading a 100 MB
// workbook went there); 1 MB chunks inflate the same part five times faster. Browsers and
// Workers use the platform's DecompressionStream.
const nodeZlib = typeof process === 'object' && typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('zlib') : null;
const nodeStream = nodeZlib ? process.getBuiltinModule('stream') : null;
const INFLATED_CHUNK_BYTES = 1 << 20;
const INFLATE_AHEAD_BYTES = 16 << 20;

function inflateRaw() {
  // The high-water marks let zlib inflate ahead (in its thread pool) while the core parses.
  if (nodeZlib) {
    const inflater = nodeZlib.createInflateRaw({ chunkSize: INFLATED_CHUNK_BYTES, readableHighWaterMark: INFLATE_AHEAD_BYTES });
    return nodeStream.Duplex.toWeb(inflater);
  }
  return new DecompressionStream('deflate-raw');
}

/**
 * Reads the workbook behind `source` (randomAccess / fileAccess) into a dataset.
 * `core`: {module, copyIn(bytes) -> pointer, dataset(result) -> Dataset}.
 */
export async function loadWorkbook(core, source, coreOptionsJson, { onProgress, signal, chunkSize }) {
  const { module, copyIn } = core;
  const begun = unwrap(module.xlsxBegin(coreOptionsJson));
  const session = begun.session;
  const call = (name, bytes, ...rest) => unwrap(module[name](session, copyIn(bytes), bytes.length, ...rest));
  try {
    const tailStart = Math.max(0, source.size - begun.tailBytes);
    const place = call('xlsxTail', await source.read(tailStart, source.size), source.size);
    if (place.size !== undefined) call('xlsxDirectory', await source.read(place.offset, place.offset + place.size));
    let done = 0;  // compressed bytes of the parts read
    for (;;) {
      signal?.throwIfAborted();
      const part = unwrap(module.xlsxNextPart(session));
      if (part.done) break;
      const header = await source.read(part.headerOffset, part.headerOffset + 30);
      const start = part.headerOffset + unwrap(module.xlsxLocalHeader(copyIn(header), header.length)).dataOffset;
      if (start + part.compressedSize > source.size) {
        throw new OrderlensError(`the workbook part ${part.name} lies outside the file (was it cut short?)`, 'bad_workbook');
      }
      let stream = source.stream(start, start + part.compressedSize);
      if (part.method === 8) stream = stream.pipeThrough(inflateRaw());
      let inflated = 0;
      try {
        for await (const chunk of streamChunks(stream, chunkSize)) {
          signal?.throwIfAborted();
          const { rowsRead } = call('xlsxPush', chunk);
          inflated += chunk.byteLength;
          const bytesRead = done + (part.size ? part.compressedSize * Math.min(1, inflated / part.size) : 0);
          onProgress?.({ bytesRead, totalBytes: source.size, rowsRead, fraction: bytesRead / source.size });
          await yieldIfBusy();
        }
      } catch (error) {
        // DecompressionStream rejects damaged data (a TypeError in browsers, a zlib Error in Node).
        if (error instanceof OrderlensError || error?.name === 'AbortError') throw error;
        throw new OrderlensError(`the workbook part ${part.name} is damaged (it does not inflate: ${error?.message ?? error})`, 'bad_workbook');
      }
      unwrap(module.xlsxEndPart(session));
      done += part.compressedSize;
    }
    return core.dataset(unwrap(module.xlsxFinish(session)));
  } catch (error) {
    module.xlsxCancel(session);
    if (error instanceof OrderlensError && error.code === 'bad_workbook' && !error.message.startsWith(core.fileName)) {
      throw new OrderlensError(`${core.fileName}: ${error.message}`, 'bad_workbook');
    }
    throw error;
  }
}
