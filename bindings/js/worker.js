// Worker entry: runs orderlens off the main thread. Started by createOrderlensWorker() (see
// worker-client.js) as a module Worker in browsers or a worker_threads Worker in Node.
import { createOrderlens } from './index.js';
import { OrderlensError, serializeError } from './errors.js';
import { onMessages, post } from './worker-port.js';
import { segmentsTransfer } from './segments.js';
import { recommendTransfer } from './recommend.js';

let orderlens = null;
const datasets = new Map();  // handle -> Dataset
const eventLogs = new Map(); // handle -> EventLog
const sessions = new Map();  // handle -> IngestSession (streamed from the main thread)
const loads = new Map();     // request id -> AbortController
let nextHandle = 1;

// Options sent with an events handle of this worker, with the EventLog itself in its place.
function withEvents(sent) {
  const { eventsHandle, ...options } = sent ?? {};
  if (eventsHandle === undefined) return options;
  if (!eventLogs.has(eventsHandle)) throw new OrderlensError('this events file has been disposed', 'invalid_state');
  return { ...options, events: eventLogs.get(eventsHandle) };
}

function datasetOf(handle) {
  const dataset = datasets.get(handle);
  if (!dataset) throw new OrderlensError('this dataset has been disposed', 'invalid_state');
  return dataset;
}

function sessionOf(handle) {
  const session = sessions.get(handle);
  if (!session) throw new OrderlensError('this ingestion has already finished, failed or been cancelled', 'invalid_state');
  return session;
}

function columnsTransfer(columns) {
  // A buffer listed twice is a DataCloneError (CLV columns share netRevenue as historicClv).
  return [...new Set(Object.values(columns).filter((v) => ArrayBuffer.isView(v)).map((v) => v.buffer))];
}

async function handle(message) {
  const { op } = message;
  if (op === 'init') {
    orderlens = await createOrderlens(message.options ?? {});
    return { version: orderlens.version };
  }
  if (!orderlens) throw new Error('orderlens worker: init has not completed');
  switch (op) {
    case 'load': {
      const controller = new AbortController();
      loads.set(message.id, controller);
      try {
        const onProgress = message.progress ? (p) => post({ id: message.id, progress: p }) : undefined;
        const dataset = await orderlens.load(message.input, { ...message.options, onProgress, signal: controller.signal });
        const handleId = nextHandle++;
        datasets.set(handleId, dataset);
        return { dataset: handleId, diagnostics: dataset.diagnostics };
      } finally {
        loads.delete(message.id);
      }
    }
    case 'abort':
      loads.get(message.target)?.abort();
      return {};
    case 'begin': {
      const handleId = nextHandle++;
      sessions.set(handleId, orderlens.ingest(message.options));
      return { session: handleId };
    }
    case 'push':
      return sessionOf(message.session).push(new Uint8Array(message.bytes));
    case 'finish': {
      const session = sessionOf(message.session);
      sessions.delete(message.session);
      const dataset = session.finish();
      const handleId = nextHandle++;
      datasets.set(handleId, dataset);
      return { dataset: handleId, diagnostics: dataset.diagnostics };
    }
    case 'cancel':
      sessions.get(message.session)?.cancel();
      sessions.delete(message.session);
      return {};
    case 'customerColumns': {
      const columns = datasetOf(message.dataset).customerColumns(message.options);
      return { value: columns, transfer: columnsTransfer(columns) };
    }
    case 'clv': {
      const result = datasetOf(message.dataset).clv(message.options);
      return { value: { ...result }, transfer: columnsTransfer(result.columns) };
    }
    case 'clvFit': {
      const result = orderlens.clvFit(message.arrays, message.options);
      return { value: { ...result }, transfer: columnsTransfer(result.columns) };
    }
    case 'loadEvents': {
      const events = await orderlens.loadEvents(message.input, message.options);
      const handleId = nextHandle++;
      eventLogs.set(handleId, events);
      return { events: handleId, diagnostics: events.diagnostics };
    }
    case 'disposeEvents':
      eventLogs.get(message.events)?.dispose();
      eventLogs.delete(message.events);
      return {};
    case 'segments': {
      const result = datasetOf(message.dataset).segments(withEvents(message.options));
      return { value: result, transfer: segmentsTransfer(result) };
    }
    case 'kpis':
    case 'channels':
    case 'readiness':
      return { value: datasetOf(message.dataset)[message.op](withEvents(message.options)) };
    case 'cohorts':
      return { value: datasetOf(message.dataset).cohorts(message.options) };
    case 'affinity':
      return { value: datasetOf(message.dataset).affinity(message.options) };
    case 'recommend': {
      // `customers` is not enumerable: only the head and the typed arrays cross (the client
      // builds the rows on first use, as here).
      const result = datasetOf(message.dataset).recommend(message.options);
      return { value: result, transfer: recommendTransfer(result) };
    }
    case 'encodeCp949': {
      const encoded = orderlens.encodeCp949(message.text);
      return { value: encoded, transfer: [encoded.bytes.buffer] };
    }
    case 'stats':
      return datasetOf(message.dataset).stats();
    case 'dispose':
      datasets.get(message.dataset)?.dispose();
      datasets.delete(message.dataset);
      return {};
    default:
      throw new Error(`orderlens worker: unknown operation ${op}`);
  }
}

async function onMessage(message) {
  try {
    const result = await handle(message);
    const transfer = result?.transfer ?? [];
    if (result && 'transfer' in result) delete result.transfer;
    post({ id: message.id, result }, transfer);
  } catch (error) {
    post({ id: message.id, error: serializeError(error) });
  }
}

onMessages(onMessage);
