// Parallel loading (a second WebAssembly instance in a Worker reads the later half): the result
// equals a sequential load exactly for files and byte arrays, awkward layouts still merge or fall
// back to an exact sequential read, and aborts and errors leave no Worker behind and the instance
// usable. (The core's merge is tested natively in tests/native/test_parallel.cpp.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { OrderlensError } from 'orderlens';
import { orderlens, root } from './support.mjs';

const smallPath = path.join(root, 'tests/fixtures/generated/shopify-small.csv');
// Small test files settle early with a named delimiter, a short header search and profile.
const quick = { delimiter: ',', headerSearchRows: 2, profileRows: 3, fileName: 'orders.csv' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orderlens-parallel-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function writeTemp(name, text) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

async function reportOf(promise) {
  const ds = await promise;
  try {
    return { parts: ds.stats().parts, diagnostics: ds.diagnostics, customers: ds.customers() };
  } finally {
    ds.dispose();
  }
}

async function sequentialAndParallel(file, options = quick) {
  const ol = await orderlens();
  const sequential = await reportOf(ol.loadFile(file, { ...options, parallel: false }));
  const parallel = await reportOf(ol.loadFile(file, { ...options, parallel: true }));
  return { sequential, parallel };
}

test('loadFile in parallel equals the sequential read of the same file', async () => {
  const { sequential, parallel } = await sequentialAndParallel(smallPath);
  assert.equal(sequential.parts, 1);
  assert.equal(parallel.parts, 2);
  assert.deepEqual(parallel.diagnostics, sequential.diagnostics);
  assert.deepEqual(parallel.customers, sequential.customers);
  // The fixture's own independent expectations hold for the parallel read too.
  const expected = JSON.parse(fs.readFileSync(smallPath.replace(/\.csv$/, '.expected.json'), 'utf8'));
  assert.equal(parallel.diagnostics.rows.read, expected.diagnostics.rows.read);
  assert.equal(parallel.customers.length, expected.customers.length);
});

test('a byte array loads in parallel with the same result as a stream of chunks', async () => {
  const ol = await orderlens();
  const bytes = new Uint8Array(fs.readFileSync(smallPath));
  const parallel = await reportOf(ol.load(bytes, { ...quick, parallel: true }));
  const streamed = await reportOf(ol.load([bytes.subarray(0, 1000), bytes.subarray(1000)], quick));
  assert.equal(parallel.parts, 2);
  assert.equal(streamed.parts, 1);
  assert.deepEqual(parallel.diagnostics, streamed.diagnostics);
  assert.deepEqual(parallel.customers, streamed.customers);
  assert.equal(bytes.length, 214952, 'the caller keeps its bytes');
});

test('small inputs are read by one instance unless parallel is asked for', async () => {
  const ol = await orderlens();
  assert.equal((await reportOf(ol.loadFile(smallPath, quick))).parts, 1);
  assert.equal((await reportOf(ol.load(new Uint8Array(fs.readFileSync(smallPath)), quick))).parts, 1);
});

// Orders whose note spans lines that look like rows: most line starts near the middle are
// inside a quoted value, yet the later part finds a real record to start from.
function multiLineNotes(orders) {
  let csv = 'order_id,customer_id,date,amount,note\n';
  for (let i = 0; i < orders; ++i) {
    csv += `A${i},c${i % 17},2024-0${1 + (i % 9)}-1${i % 10},${10 + i}.50,"first line\n`;
    for (let k = 0; k < 6; ++k) csv += `order_id,customer_id,date,amount,note line ${k}\n`;
    csv += 'last line"\n';
  }
  return csv;
}

test('multi-line quoted notes at the middle still merge, exactly', async () => {
  const { sequential, parallel } = await sequentialAndParallel(writeTemp('notes.csv', multiLineNotes(400)));
  assert.equal(parallel.parts, 2);
  assert.deepEqual(parallel, { ...sequential, parts: 2 });
  // 400 orders by 17 customers: hand count of the generator above.
  assert.equal(sequential.diagnostics.orders.total, 400);
  assert.equal(sequential.customers.length, 17);
});

test('an order id in both halves: the first instance reads on alone, exactly', async () => {
  let csv = 'order_id,email,date,amount\n';
  for (let i = 0; i < 3000; ++i) csv += `O${i},u${i % 40}@x.com,2024-05-${10 + (i % 20)},${i}\n`;
  csv += 'O5,u5@x.com,2024-05-15,5\n';  // an order of the first half, again at the end
  const { sequential, parallel } = await sequentialAndParallel(writeTemp('repeat.csv', csv));
  assert.equal(parallel.parts, 1);
  assert.deepEqual(parallel, sequential);
  assert.equal(sequential.diagnostics.orders.total, 3000);
});

test('progress of a parallel load counts both parts and ends at the file size', async () => {
  const ol = await orderlens();
  const events = [];
  const ds = await ol.loadFile(smallPath, { ...quick, parallel: true, chunkSize: 16384, onProgress: (p) => events.push(p) });
  assert.equal(ds.stats().parts, 2);
  ds.dispose();
  const size = fs.statSync(smallPath).size;
  assert.ok(events.length > 5);
  for (const p of events) {
    assert.equal(p.totalBytes, size);
    assert.ok(p.bytesRead <= size && p.fraction <= 1, JSON.stringify(p));
  }
  for (let i = 1; i < events.length; ++i) assert.ok(events[i].bytesRead >= events[i - 1].bytesRead, 'never backwards');
  assert.deepEqual(events.at(-1), { bytesRead: size, totalBytes: size, rowsRead: 504, fraction: 1 });
});

test('an abort stops both instances, and the instance then loads again', async () => {
  const ol = await orderlens();
  const controller = new AbortController();
  let workersWhenAborted = 0;
  await assert.rejects(
    ol.loadFile(smallPath, {
      ...quick, parallel: true, chunkSize: 4096, signal: controller.signal,
      onProgress: (p) => {
        if (p.bytesRead < 150000 || controller.signal.aborted) return;
        workersWhenAborted = activeWorkers();
        controller.abort();
      },
    }),
    { name: 'AbortError' },
  );
  assert.ok(workersWhenAborted >= 1, 'the Worker was running');
  assert.equal(await workersAfterSettling(), 0, 'the Worker was terminated');
  const again = await reportOf(ol.loadFile(smallPath, { ...quick, parallel: true }));
  assert.equal(again.parts, 2);
  assert.equal(again.diagnostics.rows.read, 504);
});

// Worker threads show as their MessagePort among the process's active resources.
function activeWorkers() {
  return process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
}

// Terminating a Worker takes a moment: waits up to two seconds for none to be left.
async function workersAfterSettling() {
  for (let waited = 0; activeWorkers() > 0 && waited < 2000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  return activeWorkers();
}

test('an error in the later half is reported with its line, as a sequential read reports it', async () => {
  let csv = 'order_id,email,date,amount,note\n';
  for (let i = 0; i < 2000; ++i) csv += `O${i},u${i % 40}@x.com,2024-05-11,${i},ok\n`;
  csv += `O2000,u1@x.com,2024-05-11,1,"${'x'.repeat(5000)}"\n`;  // line 2002
  for (let i = 2001; i < 2100; ++i) csv += `O${i},u${i % 40}@x.com,2024-05-11,${i},ok\n`;
  const file = writeTemp('too-large.csv', csv);
  const ol = await orderlens();
  const failures = [];
  for (const parallel of [false, true]) {
    await assert.rejects(ol.loadFile(file, { ...quick, parallel, maxRecordBytes: 4096 }), (error) => {
      assert.ok(error instanceof OrderlensError);
      assert.equal(error.code, 'record_too_large');
      failures.push(error.message);
      return true;
    });
  }
  assert.equal(failures[1], failures[0]);
  assert.match(failures[0], /line 2002/);
  // The same instance keeps working.
  assert.equal((await reportOf(ol.loadFile(smallPath, { ...quick, parallel: true }))).parts, 2);
});

test('a file that cannot be read is an OrderlensError naming it', async () => {
  const ol = await orderlens();
  const missing = path.join(tmp, 'missing.csv');
  await assert.rejects(ol.loadFile(missing), { name: 'OrderlensError', code: 'file_unreadable', message: `${missing}: cannot read the file (no such file)` });
  await assert.rejects(ol.loadFile(tmp, { parallel: false }), { code: 'file_unreadable', message: `${tmp}: cannot read the file (a folder, not a file)` });
});
