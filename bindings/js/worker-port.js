// The message port of the Worker this module runs in: a module Worker in browsers, a
// worker_threads Worker in Node. Shared by worker.js and part-worker.js.
const nodePort = typeof self === 'undefined' && typeof process === 'object' && typeof process.getBuiltinModule === 'function'
  ? process.getBuiltinModule('worker_threads').parentPort
  : null;

/** Posts a message to the thread that started this Worker. */
export function post(message, transfer = []) {
  if (nodePort) nodePort.postMessage(message, transfer);
  else self.postMessage(message, transfer);
}

/** Calls `handler` with every message's data. */
export function onMessages(handler) {
  if (nodePort) nodePort.on('message', handler);
  else self.addEventListener('message', (event) => handler(event.data));
}
