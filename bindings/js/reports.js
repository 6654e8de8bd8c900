// The period reports of a dataset (KPIs, cohorts, channels, readiness): options in, the core's
// JSON out. The spend of the channel report may come as entries, or as a small CSV file (text or
// bytes) that the core reads with the same decoders as orders (docs/kpis.md "Spend").
import { OrderlensError, unwrap } from './errors.js';
import { withBytesInMemory } from './scratch.js';

const textEncoder = new TextEncoder();

/** The events option (an EventLog from loadEvents) as the core's handle (0: none). */
export function eventsHandleOf(events, EventLogClass, what) {
  if (events === undefined || events === null) return 0;
  if (!(events instanceof EventLogClass)) throw new OrderlensError(`${what}: options.events must be an EventLog from loadEvents()`, 'bad_option');
  return events._handle();
}

/** Rows of a spend CSV (string or bytes) as spend entries: [{channel, period, amount, line, column}]. */
export function spendRowsFromCsv(module, csv, fileName = 'spend file') {
  const bytes = typeof csv === 'string' ? textEncoder.encode(csv) : csv;
  if (!(bytes instanceof Uint8Array)) throw new OrderlensError('channels: options.spend must be an array of {channel, period, amount}, or CSV text or bytes', 'bad_option');
  return withBytesInMemory(module, bytes, 'the spend file',
    (pointer, length) => JSON.parse(unwrap(module.spendCsvRows(pointer, length, String(fileName))).json));
}

/** Channel options with a CSV spend replaced by its entries. */
export function channelCoreOptions(module, options) {
  const { spend, ...rest } = options;
  if (spend === undefined || spend === null || Array.isArray(spend)) return spend == null ? rest : { ...rest, spend };
  const fileName = rest.spendFileName ?? 'spend file';
  return { ...rest, spendFileName: fileName, spend: spendRowsFromCsv(module, spend, fileName) };
}

/** Runs one report: kind 'kpis' | 'cohorts' | 'channels' | 'readiness'. */
export function runReport(module, handle, kind, options, eventsHandle = 0) {
  return JSON.parse(unwrap(module.analysisReport(handle, kind, JSON.stringify(options), eventsHandle)).json);
}
