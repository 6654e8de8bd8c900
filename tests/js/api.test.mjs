// The npm API in Node: every input kind gives the same result, streaming pushes of any size,
// progress, AbortSignal, errors as OrderlensError values, and recovery of the same instance.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { createOrderlens, OrderlensError } from 'orderlens';
import { handDir, orderlens } from './support.mjs';

const shopPath = path.join(handDir, 'shopify-minimal.csv');
const shopBytes = fs.readFileSync(shopPath);
const cdnowLike = 'customer_id,date,amount\n1,1997-01-01,10\n1,1997-01-08,20\n2,1997-01-02,5\n';

function summary(dataset) {
  return { diagnostics: { ...dataset.diagnostics, file: undefined, bytes: undefined }, customers: dataset.customers() };
}

test('every input kind gives the same dataset', async () => {
  const ol = await orderlens();
  const reference = summary(await ol.load(shopBytes));
  const inputs = {
    arrayBuffer: shopBytes.buffer.slice(shopBytes.byteOffset, shopBytes.byteOffset + shopBytes.length),
    dataView: new DataView(shopBytes.buffer, shopBytes.byteOffset, shopBytes.length),
    blob: new Blob([shopBytes]),
    file: new File([shopBytes], 'orders.csv'),
    readableStream: new Blob([shopBytes]).stream(),
    nodeStream: fs.createReadStream(shopPath, { highWaterMark: 17 }),
    iterable: [shopBytes.subarray(0, 100), shopBytes.subarray(100)],
    string: shopBytes.toString('utf8'),
  };
  for (const [kind, input] of Object.entries(inputs)) {
    const ds = await ol.load(input);
    assert.deepEqual(summary(ds), reference, kind);
    ds.dispose();
  }
});

test('the file name comes from a File, and can be given', async () => {
  const ol = await orderlens();
  assert.equal((await ol.load(new File([shopBytes], 'shop.csv'))).diagnostics.file, 'shop.csv');
  assert.equal((await ol.load(shopBytes, { fileName: 'x.csv' })).diagnostics.file, 'x.csv');
  assert.equal((await ol.load(shopBytes)).diagnostics.file, 'input');
});

test('streaming session: one byte at a time equals one push', async () => {
  const ol = await orderlens();
  const session = ol.ingest({ fileName: 'shopify-minimal.csv' });
  for (let i = 0; i < shopBytes.length; ++i) session.push(shopBytes.subarray(i, i + 1));
  const streamed = session.finish();
  const whole = await ol.load(shopBytes, { fileName: 'shopify-minimal.csv' });
  assert.deepEqual(streamed.diagnostics, whole.diagnostics);
  assert.deepEqual(streamed.customers(), whole.customers());
  assert.throws(() => session.push(new Uint8Array(1)), (e) => e instanceof OrderlensError && e.code === 'invalid_state');
});

test('progress reports bytes and rows up to the whole file', async () => {
  const ol = await orderlens();
  const rows = 5000;
  const csv = Buffer.from(`customer_id,date,amount\n${Array.from({ length: rows }, (_, i) => `c${i % 700},2024-03-${String(1 + (i % 28)).padStart(2, '0')},${(i % 50) + 0.5}`).join('\n')}\n`);
  const seen = [];
  await ol.load(new Blob([csv]), { chunkSize: 16 * 1024, onProgress: (p) => seen.push(p) });
  assert.equal(seen.length, Math.ceil(csv.length / (16 * 1024)));
  for (let i = 1; i < seen.length; ++i) {
    assert.ok(seen[i].bytesRead > seen[i - 1].bytesRead);
    assert.ok(seen[i].rowsRead >= seen[i - 1].rowsRead);
  }
  // Rows are counted as soon as the look-ahead (4 KB type check, 64 KB delimiter sample) is past.
  assert.ok(seen.some((p) => p.rowsRead > 0 && p.bytesRead < csv.length));
  const last = seen.at(-1);
  assert.equal(last.bytesRead, csv.length);
  assert.equal(last.totalBytes, csv.length);
  assert.equal(last.fraction, 1);
  assert.equal(last.rowsRead, rows);  // every row ends with a newline, so all are complete
});

test('AbortSignal: before and during a load; the instance keeps working', async () => {
  const ol = await orderlens();
  await assert.rejects(ol.load(shopBytes, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  const controller = new AbortController();
  await assert.rejects(
    ol.load(shopBytes, { chunkSize: 50, signal: controller.signal, onProgress: () => controller.abort() }),
    { name: 'AbortError' },
  );
  const ds = await ol.load(shopBytes);
  assert.equal(ds.customers()[0].netRevenue, 60);
});

test('each fatal error is an OrderlensError naming the file, and the next file reads correctly', async () => {
  const ol = await orderlens();
  const cases = [
    ['empty_file', new Uint8Array(0), {}, 'is empty'],
    ['empty_file', '\n\n\r\n', {}, 'no rows'],
    ['bad_workbook', new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0]), {}, 'not a complete zip (.xlsx) file'],
    ['no_header', 'foo,bar\n1,2\n', {}, 'could not find the header'],
    ['no_data_rows', 'customer_id,date,amount\n', {}, 'not followed by any data rows'],
    ['record_too_large', `customer_id,date,amount\n1,2020-01-01,"${'x'.repeat(5000)}`, { maxRecordBytes: 2048 }, 'is still open after 2 KB'],
    ['bad_option', cdnowLike, { encoding: 'latin-9' }, 'options.encoding'],
    ['bad_option', cdnowLike, { mapping: { customer: 'x' } }, 'options.mapping.customer'],
    ['bad_option', cdnowLike, { preset: 'magento' }, 'unknown preset'],
  ];
  for (const [code, input, options, text] of cases) {
    await assert.rejects(ol.load(input, { fileName: 'bad.csv', ...options }), (e) => {
      assert.ok(e instanceof OrderlensError, `${code}: ${e}`);
      assert.equal(e.code, code);
      assert.ok(e.message.includes(text), e.message);
      if (code !== 'bad_option') assert.ok(e.message.includes('bad.csv'), e.message);
      return true;
    });
    const ds = await ol.load(cdnowLike);
    assert.deepEqual(ds.customers().map((c) => [c.id, c.orders, c.netRevenue]), [['1', 2, 30], ['2', 1, 5]], `after ${code}`);
    ds.dispose();
  }
});

test('summary options: weeks and an end date; bad options are errors', async () => {
  const ol = await orderlens();
  const ds = await ol.load(cdnowLike);
  const [one] = ds.customers({ unit: 'weeks', endDate: '1997-01-15' });
  assert.equal(one.recency, 1);   // 7 days
  assert.equal(one.T, 2);         // 14 days
  assert.equal(one.monetary, 20);
  const early = ds.customers({ endDate: '1997-01-01' });
  assert.deepEqual(early.map((c) => [c.id, c.orders, c.T]), [['1', 1, 0]]);  // customer 2 starts later
  assert.throws(() => ds.customers({ unit: 'months' }), (e) => e.code === 'bad_option');
  assert.throws(() => ds.customers({ endDate: 'yesterday' }), (e) => e.code === 'bad_option');
});

test('dispose frees the dataset; memory stays flat over many loads', async () => {
  const ol = await createOrderlens();
  const ds = await ol.load(shopBytes);
  ds.dispose();
  assert.throws(() => ds.customers(), (e) => e.code === 'invalid_state');
  ds.dispose();  // twice is harmless
  const big = Buffer.from(`customer_id,date,amount\n${Array.from({ length: 20000 }, (_, i) => `${i % 3000},2020-01-${String(1 + (i % 28)).padStart(2, '0')},${i % 97}`).join('\n')}\n`);
  for (let i = 0; i < 5; ++i) (await ol.load(big)).dispose();
  const settled = ol.memoryBytes;
  for (let i = 0; i < 30; ++i) (await ol.load(big)).dispose();
  assert.equal(ol.memoryBytes, settled);
});

test('a 10 MB field is read intact', async () => {
  const ol = await orderlens();
  const note = 'n'.repeat(10 * 1024 * 1024);
  const csv = `order_id,customer_id,date,amount,note\nA1,c1,2024-05-01,12.50,"${note}"\nA2,c1,2024-05-02,7.50,short\n`;
  const ds = await ol.load(csv, { mapping: {} });
  assert.deepEqual(ds.diagnostics.rows, { read: 2, used: 2, skipped: 0, refundRows: 0 });
  assert.equal(ds.customers()[0].netRevenue, 20);
});

test('explicit mapping and preset override detection', async () => {
  const ol = await orderlens();
  const csv = 'Buyer;When;Paid;What\nkim;2025-01-03;12,00;Mug\nkim;2025-02-03;8,00;Tea\n';
  const ds = await ol.load(csv, {
    preset: 'generic', delimiter: ';', decimalSeparator: ',',
    mapping: { customerId: 'Buyer', orderDate: 2, lineTotal: 'Paid', productName: 'What' },
  });
  assert.equal(ds.diagnostics.preset.detected, false);
  assert.deepEqual(ds.diagnostics.mapping, { customerId: ['Buyer'], orderDate: ['When'], lineTotal: ['Paid'], productName: ['What'] });
  const [kim] = ds.customers();
  assert.deepEqual([kim.id, kim.orders, kim.netRevenue, kim.products], ['kim', 2, 20, 2]);
});
