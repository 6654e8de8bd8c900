// The Worker that reads the later part of a file in a parallel load (see parallel.js): its own
// WebAssembly instance, the first part's settings, and its tables sent back as bytes.
import { createOrderlens } from './index.js';
import { chunksOf, DEFAULT_CHUNK_BYTES } from './input.js';
import { onMessages, post } from './worker-port.js';

let orderlensReady = null;

async function readPart({ input, options, settings, offset }) {
  try {
    const orderlens = await orderlensReady;
    const part = orderlens._ingestPart(options, settings, offset);
    let split = -1;
    let bytesRead = 0;
    const afterChunk = (read) => {
      bytesRead += read;
      if (split < 0 && (split = part.splitOffset()) >= 0) post({ type: 'split', offset: split });
      post({ type: 'progress', bytesRead, rowsRead: part.rowsRead });
    };
    if (input?.path !== undefined) {
      // A file in Node: read straight into WebAssembly memory.
      const fs = process.getBuiltinModule('fs');
      const fd = fs.openSync(input.path, 'r');
      try {
        for (let at = input.start, read; (read = part.pushFromFile(fd, at, DEFAULT_CHUNK_BYTES)) > 0; at += read) afterChunk(read);
      } finally {
        fs.closeSync(fd);
      }
    } else {
      for await (const chunk of chunksOf(input, DEFAULT_CHUNK_BYTES)) {
        part.push(chunk);
        afterChunk(chunk.byteLength);
      }
    }
    if (split < 0) {
      post({ type: 'nosplit' });
      return;
    }
    const bytes = part.finishPart();
    post({ type: 'done', bytes: bytes.buffer }, [bytes.buffer]);
  } catch (error) {
    post({ type: 'error', message: String(error?.message ?? error) });
  }
}

function onMessage(message) {
  if (message.type === 'create') {
    orderlensReady = createOrderlens(message.create ?? {});
    orderlensReady.then(() => post({ type: 'ready' }), (error) => post({ type: 'error', message: String(error) }));
  } else if (message.type === 'read') {
    readPart(message);
  }
}

onMessages(onMessage);
