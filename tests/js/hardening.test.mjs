// Hardening (issue 10): adversarial exports at a small scale with hand-worked results, out of
// memory as an OrderlensError, buffers above 2 GB, and the same instance reading the next file
// exactly after each kind of error. The large versions are in bench/stress.mjs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { createOrderlens, OrderlensError, segmentMembers } from 'orderlens';
import { nativeReport, orderlens, wasmReport } from './support.mjs';

const DAY_MS = 86400000;
const header = 'order_id,customer_id,date,amount';
const cdnowLike = 'customer_id,date,amount\n1,1997-01-01,10\n1,1997-01-08,20\n2,1997-01-02,5\n';
const cdnowCustomers = [['1', 2, 30], ['2', 1, 5]];  // id, orders, net revenue: 10 + 20 and 5

function csv(rows) {
  return `${header}\n${rows.join('\n')}\n`;
}

async function customersOf(ol, input, options) {
  const ds = await ol.load(input, options);
  try {
    return ds.customers().map((c) => [c.id, c.orders, c.netRevenue]);
  } finally {
    ds.dispose();
  }
}

/**
 * Every number reachable from `value` (typed arrays included) is finite; returns how many.
 * Segment packs' memberColumns are left to assertMemberColumns.
 */
function assertAllFinite(value, where, seen = new Set()) {
  if (typeof value === 'number') {
    assert.ok(Number.isFinite(value), `${where} is ${value}`);
    return 1;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return 0;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    let n = 0;
    for (let i = 0; i < value.length; ++i) n += assertAllFinite(Number(value[i]), `${where}[${i}]`, seen);
    return n;
  }
  let n = 0;
  for (const [key, v] of Object.entries(value)) if (key !== 'memberColumns') n += assertAllFinite(v, `${where}.${key}`, seen);
  return n;
}

// Member columns are Float64Arrays where NaN marks "no value" (documented in index.d.ts: a
// customer with one purchase day has no cycle); every other value is finite, and the rows of
// segmentMembers() hold null there.
function assertMemberColumns(segments, oneDayCustomers) {
  for (const pack of segments.packs) {
    for (const [key, column] of Object.entries(pack.memberColumns)) {
      const undefinedFor = pack.key === 'cycle' ? oneDayCustomers : 0;
      assert.equal(column.filter(Number.isNaN).length, undefinedFor, `${pack.key}.${key}`);
      assert.ok(column.every((v) => Number.isNaN(v) || Number.isFinite(v)), `${pack.key}.${key}`);
    }
    const { rows } = segmentMembers(segments, { pack: pack.key });
    assert.equal(rows.length, pack.groupOf.length);
    for (const row of rows) for (const v of Object.values(row)) assert.ok(typeof v !== 'number' || Number.isFinite(v), `${pack.key} row`);
  }
}

test('all rows identical: one order, and every other row skipped as duplicate_row', async () => {
  const ol = await orderlens();
  const ds = await ol.load(csv(Array(1000).fill('A1,c1,2024-01-05,10.00')));
  const d = ds.diagnostics;
  assert.deepEqual(d.rows, { read: 1000, used: 1, skipped: 999, refundRows: 0 });
  assert.equal(d.skipped.length, 1);
  assert.equal(d.skipped[0].reason, 'duplicate_row');
  assert.equal(d.skipped[0].count, 999);
  assert.equal(d.skipped[0].examples[0].line, 3);  // line 2 is the first, kept
  assert.equal(d.orders.total, 1);
  assert.deepEqual(ds.customers().map((c) => [c.id, c.orders, c.netRevenue]), [['c1', 1, 10]]);
  ds.dispose();
});

test('amounts of 1e15 and 0.001 are read; beyond 1e15 is bad_amount naming line and column', async () => {
  const ol = await orderlens();
  const ds = await ol.load(csv([
    'A1,big,2024-01-05,1e15',
    'A2,tiny,2024-01-05,0.001',
    'A3,tiny,2024-01-06,0.001',
    'A4,tiny,2024-01-07,0.001',
    'A5,huge,2024-01-07,1e16',
    'A6,mixed,2024-01-07,1000000000000000',
    'A7,mixed,2024-01-07,0.001',
  ]));
  const d = ds.diagnostics;
  assert.deepEqual(d.rows, { read: 7, used: 6, skipped: 1, refundRows: 0 });
  assert.equal(d.skipped[0].reason, 'bad_amount');
  assert.deepEqual(d.skipped[0].examples[0], { line: 6, value: '1e16', detail: 'amount is not a finite number below 1e15', column: 4, columnName: 'amount' });
  const byId = Object.fromEntries(ds.customers().map((c) => [c.id, c]));
  assert.equal(byId.big.netRevenue, 1e15);
  // 0.001 three times: 0.003 (0.002 + 0.001 rounds to the double nearest 0.003); one a day, so
  // aov 0.001 and the repeat days' mean (monetary) 0.001.
  assert.equal(byId.tiny.netRevenue, 0.003);
  assert.equal(byId.tiny.aov, 0.001);
  assert.equal(byId.tiny.monetary, 0.001);
  // 1e15 + 0.001 is not a double: the spacing of doubles near 1e15 is 0.125, so the sum is 1e15
  // (documented in README "Hardening": amounts are doubles).
  assert.equal(byId.mixed.netRevenue, 1e15);
  assert.equal(byId.huge, undefined);
  ds.dispose();
});

test('dates from 1900 to 2100 and in the future are read (future_date warned); outside 1900–2200 is bad_date', async () => {
  const ol = await orderlens();
  const text = csv([
    'A1,c1,1900-01-01,10',
    'A2,c1,2100-12-31,20',
    'A3,c2,2099-06-01,5',
    'A4,c3,1899-12-31,5',
    'A5,c3,2201-01-01,5',
  ]);
  const ds = await ol.load(text, { today: '2026-11-25' });
  const d = ds.diagnostics;
  // Lines 3 and 4 are after today; line 6 (2201) is skipped before it could be.
  assert.equal(d.warnings.length, 1);
  assert.equal(d.warnings[0].reason, 'future_date');
  assert.equal(d.warnings[0].message, "the order is dated after today; it was kept (check the date, or the device's clock)");
  assert.deepEqual(d.warnings[0].examples.map((e) => [e.line, e.column, e.value, e.detail]), [
    [3, 3, '2100-12-31', 'after today, 2026-11-25'],
    [4, 3, '2099-06-01', 'after today, 2026-11-25'],
  ]);
  assert.equal(d.warnings[0].count, 2);
  // By default today is the device's date (before 2099 while this test lives); null turns it off.
  assert.equal((await ol.load(text)).diagnostics.warnings[0].count, 2);
  assert.deepEqual((await ol.load(text, { today: null })).diagnostics.warnings, []);
  assert.equal((await ol.load(text, { today: '2100-12-31' })).diagnostics.warnings.length, 0);
  await assert.rejects(ol.load(text, { today: 'tomorrow' }), (e) => e.code === 'bad_option' && e.message.startsWith('options.today: expected a date'));
  assert.deepEqual(d.rows, { read: 5, used: 3, skipped: 2, refundRows: 0 });
  assert.equal(d.skipped[0].reason, 'bad_date');
  assert.deepEqual(d.skipped[0].examples.map((e) => [e.line, e.value, e.detail, e.column]), [
    [5, '1899-12-31', 'expected a year between 1900 and 2200', 3],
    [6, '2201-01-01', 'expected a year between 1900 and 2200', 3],
  ]);
  assert.equal(d.firstOrderDate, '1900-01-01');
  assert.equal(d.lastOrderDate, '2100-12-31');
  const [c1, c2] = ds.customers();
  const span = (Date.UTC(2100, 11, 31) - Date.UTC(1900, 0, 1)) / DAY_MS;  // 73413 days
  assert.deepEqual([c1.id, c1.orders, c1.netRevenue, c1.recency, c1.T, c1.monetary], ['c1', 2, 30, span, span, 20]);
  assert.deepEqual([c2.id, c2.T], ['c2', (Date.UTC(2100, 11, 31) - Date.UTC(2099, 5, 1)) / DAY_MS]);
  assertAllFinite(ds.clv(), 'clv');
  assertAllFinite(ds.kpis({ period: 'month' }), 'kpis');
  ds.dispose();
});

test('100,000 distinct columns: read with a header; without one, no_header names line 1 and the count', async () => {
  const ol = await orderlens();
  const extra = Array.from({ length: 100000 - 4 }, (_, i) => `extra${i}`);
  const row = (id, day) => [id, 'c1', `2024-01-0${day}`, '10', ...extra.map(() => 'x')].join(',');
  const ds = await ol.load([header, ...extra].join(',') + `\n${row('A1', 5)}\n${row('A2', 6)}\n`);
  assert.equal(ds.diagnostics.header.columns.length, 100000);
  assert.deepEqual(ds.diagnostics.rows, { read: 2, used: 2, skipped: 0, refundRows: 0 });
  assert.deepEqual(ds.customers().map((c) => [c.id, c.orders, c.netRevenue]), [['c1', 2, 20]]);
  ds.dispose();
  const names = Array.from({ length: 100000 }, (_, i) => `col${i}`).join(',');
  await assert.rejects(ol.load(`${names}\n${names}\n`, { fileName: 'wide.csv' }), (e) => {
    assert.ok(e instanceof OrderlensError);
    assert.equal(e.code, 'no_header');
    assert.match(e.message, /^wide\.csv: could not find the header row/);
    assert.ok(e.message.includes('Columns on line 1: col0, col1,'), e.message);
    assert.ok(e.message.includes('(100000 columns)'), e.message);
    return true;
  });
});

test('a 50 MB single line: as a quoted field it is read; 70 MB is record_too_large; unsplittable text is no_header', async () => {
  const ol = await orderlens();
  const MB = 1024 * 1024;
  const withNote = (note) => `${header},note\nA1,c1,2024-01-05,5,"${note}"\nA2,c1,2024-01-06,5,x\n`;
  const ds = await ol.load(withNote('n'.repeat(50 * MB)));
  assert.deepEqual(ds.diagnostics.rows, { read: 2, used: 2, skipped: 0, refundRows: 0 });
  assert.deepEqual(ds.customers().map((c) => [c.id, c.orders, c.netRevenue]), [['c1', 2, 10]]);
  ds.dispose();
  await assert.rejects(ol.load(withNote('n'.repeat(70 * MB)), { fileName: 'notes.csv' }), (e) => {
    assert.equal(e.code, 'record_too_large');
    assert.equal(e.message, 'notes.csv: line 2: one record is larger than 64 MB because the quote that opens field 5 at line 2 is ' +
      'still open after 64 MB; check that line for an unbalanced " (or raise maxRecordBytes for a field this long)');
    return true;
  });
  await assert.rejects(ol.load('x'.repeat(50 * MB), { fileName: 'blob.csv' }), (e) => {
    assert.equal(e.code, 'no_header');
    assert.ok(e.message.startsWith('blob.csv: could not find the header row of an orders export in the first 1 rows. Columns on line 1: xxxx'), e.message.slice(0, 200));
    return true;
  });
  assert.deepEqual(await customersOf(ol, cdnowLike), cdnowCustomers);
});

test('native and WASM give the same report for the adversarial exports', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orderlens-hardening-'));
  const wide = Array.from({ length: 100000 }, (_, i) => `col${i}`).join(',');
  const cases = {
    'identical.csv': csv(Array(50).fill('A1,c1,2024-01-05,10.00')),
    'amounts.csv': csv(['A1,big,2024-01-05,1e15', 'A2,tiny,2024-01-05,0.001', 'A3,tiny,2024-01-06,0.001', 'A4,huge,2024-01-07,1e16']),
    'dates.csv': csv(['A1,c1,1900-01-01,10', 'A2,c1,2100-12-31,20', 'A3,c2,2099-06-01,5', 'A4,c3,1899-12-31,5']),
    'wide.csv': `${wide}\n${wide}\n`,
  };
  try {
    for (const [name, text] of Object.entries(cases)) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      const options = { fileName: name, today: '2026-11-25' };
      assert.deepEqual(await wasmReport(Buffer.from(text), options), nativeReport(file, options), name);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Every analysis of a dataset, as the app would run them.
function everyAnalysis(ds) {
  return {
    customers: ds.customerColumns(), clv: ds.clv(), segments: ds.segments(), kpis: ds.kpis(), cohorts: ds.cohorts(),
    channels: ds.channels(), readiness: ds.readiness(), recommend: ds.recommend(), affinity: ds.affinity(),
  };
}

test('one customer with 20,000 orders: exact summary, and no NaN in any analysis', async () => {
  const ol = await orderlens();
  // 10 orders a day for 2,000 days from 2020-01-01, 5 each.
  const rows = Array.from({ length: 20000 }, (_, i) => {
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 10) * DAY_MS).toISOString().slice(0, 10);
    return `A${i},loyal,${day},5`;
  });
  const ds = await ol.load(csv(rows));
  const [c] = ds.customers();
  // 100,000 in all; 1,999 repeat days of 10 × 5 = 50 each; last day is 1,999 days after the first.
  assert.deepEqual([c.orders, c.netRevenue, c.aov, c.frequency, c.recency, c.T, c.monetary], [20000, 100000, 5, 1999, 1999, 1999, 50]);
  const analyses = everyAnalysis(ds);
  assert.ok(assertAllFinite(analyses, 'analyses') > 0);
  assertMemberColumns(analyses.segments, 0);
  ds.dispose();
});

test('20,000 customers with one order each: no NaN in any analysis', async () => {
  const ol = await orderlens();
  const rows = Array.from({ length: 20000 }, (_, i) => `A${i},c${i},2024-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, '0')},7`);
  const ds = await ol.load(csv(rows));
  const columns = ds.customerColumns();
  assert.equal(columns.count, 20000);
  assert.ok(columns.frequency.every((f) => f === 0));
  assert.ok(columns.netRevenue.every((v) => v === 7));
  const analyses = everyAnalysis(ds);
  assert.ok(assertAllFinite(analyses, 'analyses') > 0);
  assertMemberColumns(analyses.segments, 20000);
  ds.dispose();
});

// Fills the instance's WebAssembly memory (4 GB at most) with blocks from _malloc, largest
// first, then frees blocks matching `release`; returns the blocks still held. Cheap: untouched
// pages of WebAssembly memory are not committed.
function fillMemory(ol, release = () => false) {
  const module = ol._module;
  const held = [];
  for (let size = 256 << 20; size >= 16;) {
    const pointer = module._malloc(size) >>> 0;
    if (pointer) held.push({ pointer, size });
    else size >>= 1;
  }
  const kept = [];
  for (const block of held) (release(block) ? (b) => module._free(b.pointer) : (b) => kept.push(b))(block);
  return kept;
}

// Fills memory but for one block of 1 to 4 MB.
function leaveAFewMegabytes(ol) {
  let released = false;
  const blocks = fillMemory(ol, (b) => !released && b.size >= 1 << 20 && b.size <= 4 << 20 && (released = true));
  assert.ok(released);
  return blocks;
}

function freeBlocks(ol, blocks) {
  for (const { pointer } of blocks) ol._module._free(pointer);
}

const manyOrders = csv(Array.from({ length: 200000 }, (_, i) => `o${i},c${i},2020-01-${String(1 + (i % 28)).padStart(2, '0')},${i % 97}`));

test('out of memory: an OrderlensError, the same instance reads the next file, and a new instance works', async () => {
  const ol = await createOrderlens();
  // Leaves one block of 1 to 4 MB free: the read buffer fits, the tables of 200,000 orders do not.
  const blocks = leaveAFewMegabytes(ol);
  assert.equal(ol.memoryBytes, 4 * 1024 * 1024 * 1024 - 65536);  // grown to the 4 GB limit
  await assert.rejects(ol.load(manyOrders, { chunkSize: 65536 }), (e) => {
    assert.ok(e instanceof OrderlensError, String(e));
    assert.equal(e.code, 'out_of_memory');
    assert.match(e.message, /^ran out of memory: the WebAssembly heap is limited to 4 GB/);
    return true;
  });
  // Still short of memory, a small file reads exactly, then the large one once memory is freed.
  assert.deepEqual(await customersOf(ol, cdnowLike), cdnowCustomers);
  freeBlocks(ol, blocks);
  const ds = await ol.load(manyOrders);
  assert.equal(ds.customerColumns().count, 200000);
  ds.dispose();
  // With no memory at all, every entry point answers out_of_memory rather than aborting.
  const all = fillMemory(ol);
  assert.throws(() => ol.ingest(), (e) => e instanceof OrderlensError && e.code === 'out_of_memory');
  await assert.rejects(ol.load(cdnowLike), (e) => e instanceof OrderlensError && e.code === 'out_of_memory');
  freeBlocks(ol, all);
  assert.deepEqual(await customersOf(ol, cdnowLike), cdnowCustomers);
  // Dispose and recreate: a new instance starts small and reads normally.
  const fresh = await createOrderlens();
  assert.ok(fresh.memoryBytes < 256 << 20);
  assert.deepEqual(await customersOf(fresh, cdnowLike), cdnowCustomers);
});

test('buffers above 2 GB: pointers are unsigned, results exact', async () => {
  const ol = await createOrderlens();
  // Everything below 2 GB stays taken, so the read buffer, the session and the tables land above.
  const low = fillMemory(ol, (b) => b.pointer >= 2 ** 31);
  const probe = ol._module._malloc(16) >>> 0;
  assert.ok(probe >= 2 ** 31, `probe at ${probe}`);
  ol._module._free(probe);
  assert.deepEqual(await customersOf(ol, cdnowLike, { chunkSize: 7 }), cdnowCustomers);
  const ds = await ol.load(manyOrders);
  const columns = ds.customerColumns();
  // c0 … c199999: customer i bought order i for i mod 97.
  assert.equal(columns.count, 200000);
  let sum = 0;
  for (let i = 0; i < 200000; ++i) sum += i % 97;
  assert.equal(columns.netRevenue.reduce((a, b) => a + b, 0), sum);
  assert.equal(columns.id[123456], 'c123456');
  ds.dispose();
  freeBlocks(ol, low);
});

test('recovery: after a bad file, an abort mid-load and running out of memory, the same instance reads exactly', async () => {
  const ol = await createOrderlens();
  const kinds = {
    bad_file: () => ol.load('foo,bar\n1,2\n'),
    abort: () => {
      const controller = new AbortController();
      return ol.load(manyOrders, { chunkSize: 4096, signal: controller.signal, onProgress: (p) => p.bytesRead > 100000 && controller.abort() });
    },
    out_of_memory: async () => {
      const blocks = leaveAFewMegabytes(ol);
      try {
        return await ol.load(manyOrders, { chunkSize: 65536 });
      } finally {
        freeBlocks(ol, blocks);
      }
    },
  };
  const expected = { bad_file: 'no_header', abort: 'AbortError', out_of_memory: 'out_of_memory' };
  for (const [kind, fail] of Object.entries(kinds)) {
    await assert.rejects(fail(), (e) => (e instanceof OrderlensError ? e.code : e.name) === expected[kind], kind);
    assert.deepEqual(await customersOf(ol, cdnowLike), cdnowCustomers, `after ${kind}`);
  }
});
