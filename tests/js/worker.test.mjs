// createOrderlensWorker() in Node (worker_threads): every input kind gives what the direct API
// gives, byte arrays are copied or transferred, streams go chunk by chunk, progress, AbortSignal,
// errors as OrderlensError values, and the same Worker keeps working after an abort or an error.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { createOrderlensWorker, OrderlensError } from 'orderlens';
import { handDir, orderlens, root } from './support.mjs';

const stripePath = path.join(handDir, 'stripe-payments.csv');
const stripeBytes = new Uint8Array(fs.readFileSync(stripePath));
const bigPath = path.join(root, 'tests/fixtures/generated/shopify-small.csv');
const bigBytes = new Uint8Array(fs.readFileSync(bigPath));
const cdnowLike = 'customer_id,date,amount\n1,1997-01-01,10\n1,1997-01-08,20\n2,1997-01-02,5\n';

let shared;
/** One Worker shared by the tests of this file, terminated at the end. */
function worker() {
  shared ??= createOrderlensWorker();
  return shared;
}
after(async () => {
  if (shared) await (await shared).terminate();
});

/** What the direct (same-thread) API gives. */
async function direct(bytes, options = {}, summary = {}) {
  const ol = await orderlens();
  const ds = await ol.load(bytes, options);
  try {
    return { diagnostics: ds.diagnostics, customers: ds.customers(summary), columns: ds.customerColumns(summary), stats: ds.stats() };
  } finally {
    ds.dispose();
  }
}

/** The worker's report of a RemoteDataset (disposed afterwards). */
async function remote(ds, summary = {}) {
  try {
    return { diagnostics: ds.diagnostics, customers: await ds.customers(summary) };
  } finally {
    await ds.dispose();
  }
}

/** The worker still reads a file correctly. */
async function assertWorks(w, what) {
  const ds = await w.load(cdnowLike);
  assert.deepEqual((await ds.customers()).map((c) => [c.id, c.orders, c.netRevenue]), [['1', 2, 30], ['2', 1, 5]], what);
  await ds.dispose();
}

test('the worker starts and reports the core version', async () => {
  const w = await worker();
  assert.equal(w.version, (await orderlens()).version);
  assert.match(w.version, /^\d+\.\d+\.\d+/);
});

test('every input kind gives the direct API result', async () => {
  const w = await worker();
  const options = { fileName: 'stripe-payments.csv' };
  const want = await direct(stripeBytes, options);
  const wantWeeks = await direct(stripeBytes, options, { unit: 'weeks', endDate: '2025-12-31' });
  assert.equal(want.customers.length, 2);

  // Copied: the caller's array is intact.
  const copied = new Uint8Array(stripeBytes);
  assert.deepEqual(await remote(await w.load(copied, options)), { diagnostics: want.diagnostics, customers: want.customers }, 'Uint8Array');
  assert.equal(copied.byteLength, stripeBytes.byteLength);
  assert.deepEqual(copied, stripeBytes);

  // Transferred: the caller's array is detached.
  const moved = new Uint8Array(stripeBytes);
  const movedBuffer = moved.buffer;
  const ds = await w.load(moved, { ...options, transfer: true });
  assert.equal(moved.byteLength, 0);
  assert.equal(movedBuffer.byteLength, 0);
  assert.deepEqual(await remote(ds, { unit: 'weeks', endDate: '2025-12-31' }), { diagnostics: wantWeeks.diagnostics, customers: wantWeeks.customers }, 'transferred');

  // An ArrayBuffer, copied.
  const arrayBuffer = stripeBytes.slice().buffer;
  assert.deepEqual(await remote(await w.load(arrayBuffer, options)), { diagnostics: want.diagnostics, customers: want.customers }, 'ArrayBuffer');
  assert.equal(arrayBuffer.byteLength, stripeBytes.byteLength);

  const inputs = {
    blob: new Blob([stripeBytes]),
    nodeStream: fs.createReadStream(stripePath, { highWaterMark: 97 }),
    webStream: new Blob([stripeBytes]).stream(),
    iterable: [stripeBytes.slice(0, 200), stripeBytes.slice(200)],
    string: new TextDecoder().decode(stripeBytes),
  };
  for (const [kind, input] of Object.entries(inputs)) {
    assert.deepEqual(await remote(await w.load(input, options)), { diagnostics: want.diagnostics, customers: want.customers }, kind);
  }
  // The summary options reach the worker.
  assert.deepEqual(await remote(await w.load(fs.createReadStream(stripePath), options), { unit: 'weeks', endDate: '2025-12-31' }),
    { diagnostics: wantWeeks.diagnostics, customers: wantWeeks.customers }, 'stream, weeks');

  // A File's name is the file name.
  const file = await w.load(new File([stripeBytes], 'payments.csv'));
  assert.equal(file.diagnostics.file, 'payments.csv');
  assert.deepEqual(await file.customers(), want.customers);
  await file.dispose();
});

test('an iterable of Node Buffer chunks (views into a larger buffer) reads the same as the whole file', async () => {
  const w = await worker();
  const options = { fileName: 'stripe-payments.csv' };
  const want = await direct(stripeBytes, options);
  const whole = fs.readFileSync(stripePath);
  const chunks = [whole.subarray(0, 100), whole.subarray(100, 700), whole.subarray(700)];
  assert.deepEqual(await remote(await w.load(chunks, options)), { diagnostics: want.diagnostics, customers: want.customers });
  // The caller's Buffers are theirs: not detached, not changed.
  assert.deepEqual(chunks.map((c) => c.byteLength), [100, 600, whole.length - 700]);
  assert.deepEqual(Buffer.concat(chunks), Buffer.from(stripeBytes));
});

test('customerColumns() typed arrays arrive intact; stats()', async () => {
  const w = await worker();
  const options = { fileName: 'shopify-small.csv' };
  const want = await direct(bigBytes, options);
  assert.ok(want.columns.count > 100, `${want.columns.count} customers`);
  const ds = await w.load(new Blob([bigBytes]), options);
  try {
    const columns = await ds.customerColumns();
    assert.deepEqual(columns, want.columns);
    for (const [key, type] of [['orders', Uint32Array], ['repeatOrders', Uint32Array], ['products', Uint32Array],
      ['grossRevenue', Float64Array], ['netRevenue', Float64Array], ['aov', Float64Array], ['items', Float64Array],
      ['frequency', Float64Array], ['recency', Float64Array], ['T', Float64Array], ['monetary', Float64Array]]) {
      assert.ok(columns[key] instanceof type, `${key} is a ${type.name}`);
      assert.equal(columns[key].length, columns.count, key);
    }
    // Asked again (the first arrays were transferred out of the worker), and in weeks.
    assert.deepEqual(await ds.customerColumns(), want.columns);
    const weeks = await ds.customerColumns({ unit: 'weeks' });
    assert.equal(weeks.unit, 'weeks');
    weeks.T.forEach((t, i) => assert.ok(Math.abs(t - want.columns.T[i] / 7) < 1e-9, `T[${i}] ${t} weeks, ${want.columns.T[i]} days`));
    assert.deepEqual(await ds.customers(), want.customers);

    const stats = await ds.stats();
    assert.equal(typeof stats.tableBytes, 'number');
    assert.ok(stats.tableBytes > 0);
    assert.deepEqual(stats, want.stats);
  } finally {
    await ds.dispose();
  }
});

test('progress: a Blob reports increasing bytes up to fraction 1', async () => {
  const w = await worker();
  const seen = [];
  const ds = await w.load(new Blob([bigBytes]), { chunkSize: 16 * 1024, onProgress: (p) => seen.push(p) });
  await ds.dispose();
  assert.equal(seen.length, Math.ceil(bigBytes.length / (16 * 1024)));
  for (let i = 1; i < seen.length; ++i) {
    assert.ok(seen[i].bytesRead > seen[i - 1].bytesRead, `event ${i}`);
    assert.ok(seen[i].rowsRead >= seen[i - 1].rowsRead, `event ${i}`);
  }
  const last = seen.at(-1);
  assert.equal(last.bytesRead, bigBytes.length);
  assert.equal(last.totalBytes, bigBytes.length);
  assert.equal(last.fraction, 1);
  assert.ok(last.rowsRead > 0);
});

test('progress: a streamed load reports increasing bytes up to the file size', async () => {
  const w = await worker();
  const seen = [];
  const ds = await w.load(fs.createReadStream(bigPath, { highWaterMark: 16 * 1024 }), { onProgress: (p) => seen.push(p) });
  await ds.dispose();
  assert.equal(seen.length, Math.ceil(bigBytes.length / (16 * 1024)));
  for (let i = 1; i < seen.length; ++i) {
    assert.ok(seen[i].bytesRead > seen[i - 1].bytesRead, `event ${i}: ${JSON.stringify(seen.slice(0, 3))}`);
    assert.ok(seen[i].rowsRead >= seen[i - 1].rowsRead, `event ${i}`);
  }
  const last = seen.at(-1);
  assert.equal(last.bytesRead, bigBytes.length);
  assert.equal(last.totalBytes, undefined);
  assert.equal(last.fraction, undefined);
  assert.ok(last.rowsRead > 0);
});

test('chunkSize applies to a streamed load: 64 KB reads are pushed in 10 KB chunks', async () => {
  const w = await worker();
  const seen = [];
  const stream = fs.createReadStream(bigPath, { highWaterMark: 64 * 1024 });
  const ds = await w.load(stream, { chunkSize: 10 * 1024, onProgress: (p) => seen.push(p.bytesRead) });
  await ds.dispose();
  // Each 64 KB read (the last shorter) becomes ceil(its size / 10 KB) pushes.
  const reads = Math.ceil(bigBytes.length / (64 * 1024));
  const lastRead = bigBytes.length - (reads - 1) * 64 * 1024;
  assert.equal(seen.length, (reads - 1) * Math.ceil(64 / 10) + Math.ceil(lastRead / (10 * 1024)));
  assert.equal(seen.at(-1), bigBytes.length);
});

test('AbortSignal: before and during a load; the worker keeps working', async () => {
  const w = await worker();
  await assert.rejects(w.load(stripeBytes, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  await assert.rejects(w.load(fs.createReadStream(stripePath), { signal: AbortSignal.abort() }), { name: 'AbortError' });
  await assertWorks(w, 'after an aborted start');

  // During a streamed load: aborted after the first chunk.
  const streamed = new AbortController();
  let events = 0;
  await assert.rejects(
    w.load(fs.createReadStream(bigPath, { highWaterMark: 4096 }), {
      signal: streamed.signal,
      onProgress: () => { events += 1; streamed.abort(); },
    }),
    { name: 'AbortError' },
  );
  assert.equal(events, 1);
  await assertWorks(w, 'after an aborted stream');

  // During a load inside the worker (a Blob in small chunks).
  const inWorker = new AbortController();
  await assert.rejects(
    w.load(new Blob([bigBytes]), { chunkSize: 1024, signal: inWorker.signal, onProgress: () => inWorker.abort() }),
    { name: 'AbortError' },
  );
  await assertWorks(w, 'after an aborted Blob');
  const ds = await w.load(fs.createReadStream(stripePath), { fileName: 'stripe-payments.csv' });
  assert.deepEqual(await remote(ds), (({ diagnostics, customers }) => ({ diagnostics, customers }))(await direct(stripeBytes, { fileName: 'stripe-payments.csv' })));
});

test('a malformed file is an OrderlensError with a code; the worker keeps working', async () => {
  const w = await worker();
  const xlsx = new Uint8Array(fs.readFileSync(path.join(handDir, 'fake-xlsx.bin')));
  const cases = [
    // Bytes are read as a workbook (random access); a stream is read as text, which names it.
    ['bytes', () => w.load(xlsx, { fileName: 'fake-xlsx.bin' }), 'bad_workbook', ['fake-xlsx.bin', 'not a complete zip']],
    ['stream', () => w.load(fs.createReadStream(path.join(handDir, 'fake-xlsx.bin')), { fileName: 'fake-xlsx.bin' }), 'not_text', ['fake-xlsx.bin', 'Excel']],
    ['no header', () => w.load('foo,bar\n1,2\n', { fileName: 'bad.csv' }), 'no_header', ['bad.csv']],
    ['empty', () => w.load(new Blob([]), { fileName: 'empty.csv' }), 'empty_file', ['empty.csv']],
    ['bad option', () => w.load(cdnowLike, { encoding: 'latin-9' }), 'bad_option', ['options.encoding']],
    ['bad option, streamed', () => w.load([new TextEncoder().encode(cdnowLike)], { preset: 'magento' }), 'bad_option', ['unknown preset']],
  ];
  for (const [what, load, code, texts] of cases) {
    await assert.rejects(load(), (e) => {
      assert.ok(e instanceof OrderlensError, `${what}: ${e}`);
      assert.equal(e.name, 'OrderlensError');
      assert.equal(e.code, code, what);
      for (const text of texts) assert.ok(e.message.includes(text), `${what}: ${e.message}`);
      return true;
    });
    await assertWorks(w, `after ${what}`);
  }
  // A bad summary option is an error of that call only.
  const ds = await w.load(cdnowLike);
  await assert.rejects(ds.customers({ unit: 'months' }), (e) => e instanceof OrderlensError && e.code === 'bad_option');
  assert.equal((await ds.customers()).length, 2);
  await ds.dispose();
});

test('a disposed RemoteDataset rejects with invalid_state', async () => {
  const w = await worker();
  const ds = await w.load(stripeBytes);
  await ds.dispose();
  for (const [what, call] of [['customers', () => ds.customers()], ['customerColumns', () => ds.customerColumns()], ['stats', () => ds.stats()]]) {
    await assert.rejects(call(), (e) => {
      assert.ok(e instanceof OrderlensError, `${what}: ${e}`);
      assert.equal(e.code, 'invalid_state', what);
      return true;
    });
  }
  await ds.dispose();  // twice is harmless
  await assertWorks(w, 'after dispose');
});

test('terminate(): pending and later calls reject instead of hanging', async () => {
  const w = await createOrderlensWorker();
  const ds = await w.load(stripeBytes);
  await w.terminate();
  const settled = async (promise) => {
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(resolve, 2000, 'still pending after 2 s'); });
    try {
      return await Promise.race([promise.then(() => 'resolved', () => 'rejected'), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  assert.equal(await settled(w.load(cdnowLike)), 'rejected', 'load() after terminate()');
  assert.equal(await settled(ds.customers()), 'rejected', 'customers() after terminate()');
});
