// Compiled with `tsc --noEmit` (tests/js/types.test.mjs): the declarations must accept the
// documented usage, and reject misuse (the @ts-expect-error lines must be errors).
import { createOrderlens, createOrderlensWorker, firstCustomers, OrderlensError, recommendationRows, recommendationsCsv } from 'orderlens';
import type { ClvCustomer, ClvResult, CustomerSummary, Diagnostics, LoadProgress, Recommendation, RecommendReason } from 'orderlens';

async function main(file: File, bytes: Uint8Array, signal: AbortSignal): Promise<void> {
  const ol = await createOrderlens({ wasmUrl: new URL('https://example.invalid/orderlens.wasm') });
  const dataset = await ol.load(file, {
    preset: 'shopify',
    encoding: 'cp949',
    mapping: { customerId: 'Buyer', orderDate: 3, lineTotal: ['Net', 'Gross'], channel: null },
    onProgress: (p: LoadProgress) => console.log(p.bytesRead, p.totalBytes, p.rowsRead),
    signal,
  });
  const d: Diagnostics = dataset.diagnostics;
  const skipped: number = d.rows.skipped + d.skipped.reduce((n, s) => n + s.count, 0);
  const firstLine: number | undefined = d.skipped[0]?.examples[0]?.line;
  const customers: CustomerSummary[] = dataset.customers({ unit: 'weeks', endDate: '1997-09-30' });
  const frequency: number = customers[0].frequency;
  const columns = dataset.customerColumns();
  const net: Float64Array = columns.netRevenue;
  const clv: ClvResult = dataset.clv({ model: 'pnbd', unit: 'weeks', calibrationEnd: '1997-09-30', margin: 0.3 });
  const top: ClvCustomer = clv.customers[0];
  const next: string | null = top.nextOrderDate;
  const mae: number | undefined = clv.holdout?.meanAbsoluteError;
  const r: number = clv.transactions.params.r;
  const fitted = ol.clvFit({ frequency: [0, 2], recency: [0, 5], T: [9, 9] }, { spend: 'none' });
  console.log(next, mae, r, fitted.customers[1].pAlive, fitted.columns.clv.length);
  dataset.dispose();

  const session = ol.ingest({ fileName: 'stream.csv' });
  session.push(bytes);
  const streamed = session.finish();
  console.log(streamed.diagnostics.preset.key, skipped, firstLine, frequency, net.length);

  try {
    await ol.load('customer_id,date,amount\n');
  } catch (e) {
    if (e instanceof OrderlensError) console.log(e.code === 'no_data_rows');
  }

  const fromDisk = await ol.loadFile('orders.csv', { parallel: true, profileRows: 200 });
  const parts: 1 | 2 = fromDisk.stats().parts;
  console.log(parts, fromDisk.stats().tableBytes);
  try {
    await ol.loadFile('missing.csv', { parallel: false });
  } catch (e) {
    if (e instanceof OrderlensError) console.log(e.code === 'file_unreadable');
  }

  const worker = await createOrderlensWorker();
  const remote = await worker.load(bytes, { transfer: true });
  const remoteCustomers: CustomerSummary[] = await remote.customers();
  await remote.dispose();
  console.log(remoteCustomers.length);

  // @ts-expect-error unknown preset values are strings, but numbers are not accepted
  await ol.load(bytes, { preset: 3 });
  // @ts-expect-error customers() is synchronous on a local Dataset and takes options, not a string
  dataset.customers('weeks');
  // @ts-expect-error parallel is a boolean
  await ol.loadFile('orders.csv', { parallel: 'yes' });
  // @ts-expect-error the model keys are bgnbd, mbgnbd and pnbd
  dataset.clv({ model: 'paretonbd' });
  // @ts-expect-error a RemoteDataset's clv() is a promise
  const notAwaited: ClvResult = remote.clv();
  console.log(notAwaited);
  // @ts-expect-error a RemoteDataset's customers() is a promise
  const wrong: CustomerSummary[] = remote.customers();
  console.log(wrong);
}

void main;

async function segmentsUsage(bytes: Uint8Array): Promise<void> {
  const ol = await createOrderlens();
  const dataset = await ol.load(bytes, { fileName: 'orders.csv' });
  const events = await ol.loadEvents(bytes, { fileName: 'events.csv', layout: 'ga4' });
  const visitors: number = events.diagnostics.visitors.total;
  const result = dataset.segments({
    packs: ['rfm', 'funnel', 'custom'],
    rfm: { scheme: 'shopify' },
    crossSell: { a: { sku: 'A-1' }, b: { category: 'Shoes' }, months: 3 },
    rules: { minSize: 50, segments: [{ key: 'vip', rule: { all: [{ field: 'revenue', op: '>=', value: 500000 }, { inSegment: 'rfm.champions' }] } }] },
    events,
  });
  const champions = result.packs[0].groups.find((g) => g.key === 'champions');
  const share: number | undefined = champions?.revenueShare;
  const group: number = result.packs[0].groupOf[0];
  const file = ol.exportSegments(result, { pack: 'rfm', groups: ['champions'], encoding: 'cp949' });
  const bytesOut: Uint8Array = file.bytes;
  console.log(visitors, share, group, bytesOut.length, result.visitors?.customerRow[0]);
  const priced = dataset.segments({ packs: 'tiers', channels: { spend: 'channel,period,spend\ngoogle,,500\n', margin: 0.4 } });
  const worth: string | undefined = priced.economics?.worthMost[0]?.group;
  const ltvToCac: number | null | undefined = priced.packs[0].groups[0].ltvToCac;
  console.log(worth, ltvToCac, priced.economics?.atRisk.length);
  // @ts-expect-error: economics is on or off
  dataset.segments({ economics: 'yes' });
  // @ts-expect-error: not a pack
  dataset.segments({ packs: ['nope'] });
  // @ts-expect-error: export needs a pack
  ol.exportSegments(result, { format: 'csv' });
}
console.log(segmentsUsage);

async function reportsUsage(bytes: Uint8Array): Promise<void> {
  const ol = await createOrderlens();
  const dataset = await ol.load(bytes, { fileName: 'orders.csv' });
  const events = await ol.loadEvents(bytes, { fileName: 'events.csv' });
  const k = dataset.kpis({ period: 'week', dropThreshold: 0.1, events });
  const revenue: number | null = k.periods[0].values.revenue;
  const action: string | undefined = k.actions[0]?.ko;
  const split = k.periods[1].revenueChange?.drivers.map((d) => d.contribution);
  const c = dataset.cohorts({ by: 'firstChannel', maxAge: 6 });
  const ltvCurve: number[] = c.cohorts[0].cells.map((cell) => cell.revenuePerCustomer);
  const ch = dataset.channels({ spend: [{ channel: 'google', period: '2024-03', amount: 1e6 }], margin: 0.4, events });
  const fromCsv = dataset.channels({ spend: 'channel,spend\ngoogle,100\n', spendFileName: 'spend.csv' });
  const ratio: number | null = ch.channels[0].ltvToCac;
  const ready: boolean = dataset.readiness({ events }).analyses[0].ready;
  console.log(revenue, action, split, ltvCurve, ratio, fromCsv.unmatchedSpend, ready, k.readiness.checks.length);
  // @ts-expect-error: cohorts have no daily period
  dataset.cohorts({ period: 'day' });
  // @ts-expect-error: spend entries need an amount
  dataset.channels({ spend: [{ channel: 'google' }] });
}
console.log(reportsUsage);

async function workbookUsage(file: File): Promise<void> {
  const ol = await createOrderlens();
  const dataset = await ol.load(file, { sheet: '주문', password: 'secret' });
  const sheet: string | undefined = dataset.diagnostics.workbook?.sheet;
  console.log(sheet);
  // @ts-expect-error: the sheet is a name
  await ol.load(file, { sheet: 2 });
}
console.log(workbookUsage);

async function recommendUsage(file: File): Promise<void> {
  const ol = await createOrderlens();
  const dataset = await ol.load(file);
  const r = dataset.recommend({ topN: 5, calibrationEnd: '2025-06-30', segment: 'rfm.champions', reorder: { minShare: 0.3 } });
  const first: Recommendation | undefined = r.customers[0]?.recommendations[0];
  const reason: RecommendReason | undefined = first?.reason;
  const hit: number | undefined = r.evaluation?.groups[0].at10.recommender.hitRate;
  const file2 = ol.exportRecommendations(r, { format: 'csv', encoding: 'cp949' });
  const rows = recommendationRows(r).rows.length;
  const firstId: string | undefined = firstCustomers(r, 20)[0]?.id;
  console.log(firstId);
  const worker = await createOrderlensWorker();
  const remote = await (await worker.load(file)).recommend({ rules: [{ key: 'vip', rule: { field: 'orders', op: '>=', value: 3 } }], segment: 'custom.vip' });
  console.log(first?.text.ko, reason, hit, file2.fileName, rows, remote.customers.length, recommendationsCsv(r).length);
  // @ts-expect-error: topN is a number
  dataset.recommend({ topN: '5' });
  // @ts-expect-error: no such export format
  ol.exportRecommendations(r, { format: 'xml' });
}
console.log(recommendUsage);
