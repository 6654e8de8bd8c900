// .xlsx workbooks through the npm package (WASM): the same report as the native build (zlib),
// the same rows as the CSV they were saved from, every input kind, the Worker, errors that name
// the part and leave the instance working, and the CLI's --sheet. The hand-made workbook's rows
// are worked out in tests/native/test_xlsx.cpp; the fixtures are rebuilt and compared here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createOrderlensWorker } from 'orderlens';
import { nativeReport, orderlens, root, wasmReport } from './support.mjs';
import { fixtures } from '../tools/make-xlsx-fixtures.mjs';
import { writeWorkbook } from '../tools/xlsx-writer.mjs';

const dir = path.join(root, 'tests/fixtures/xlsx');
const cli = path.join(root, 'dist/cli.js');
const bytesOf = (name) => new Uint8Array(fs.readFileSync(path.join(dir, name)));

test('the committed workbooks equal a fresh build from their rows (make-xlsx-fixtures)', () => {
  for (const [name, bytes] of Object.entries(fixtures())) assert.deepEqual(bytesOf(name), bytes, name);
});

test('native and WASM read every workbook identically, in any chunking', async () => {
  for (const name of ['hand-minimal.xlsx', 'hand-1904.xlsx', 'cafe24-cp949.xlsx', 'shopify-small.xlsx']) {
    const options = { fileName: name };
    const expected = nativeReport(path.join(dir, name), options);
    assert.ok(!expected.error, `${name}: ${JSON.stringify(expected.error)}`);
    assert.deepEqual(await wasmReport(bytesOf(name), options), expected, name);
    assert.deepEqual(await wasmReport(bytesOf(name), options, {}, 1000), expected, `${name} in 1000-byte pieces`);
  }
});

test('an Excel re-save reads like its CSV: Korean text, numbers and dates', async () => {
  for (const [csv, xlsx] of [['tests/fixtures/hand/cafe24-cp949.csv', 'cafe24-cp949.xlsx'], ['tests/fixtures/generated/shopify-small.csv', 'shopify-small.xlsx']]) {
    const fromCsv = await wasmReport(fs.readFileSync(path.join(root, csv)), {});
    const fromXlsx = await wasmReport(bytesOf(xlsx), {});
    assert.deepEqual(fromXlsx.customers, fromCsv.customers, xlsx);
    assert.deepEqual(fromXlsx.diagnostics.rows, fromCsv.diagnostics.rows, xlsx);
  }
  const ol = await orderlens();
  const ds = await ol.load(bytesOf('cafe24-cp949.xlsx'));
  assert.equal(ds.customers().find((c) => c.id === 'chulsoo').name, '김철수');
  ds.dispose();
});

test('File, Blob, ArrayBuffer and loadFile give the same dataset; the sheet by name', async () => {
  const ol = await orderlens();
  const bytes = bytesOf('hand-minimal.xlsx');
  const reports = [];
  for (const input of [bytes, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), new Blob([bytes]), new File([bytes], 'hand-minimal.xlsx')]) {
    const ds = await ol.load(input, { fileName: 'hand-minimal.xlsx' });
    reports.push(ds.customers());
    ds.dispose();
  }
  const fromFile = await ol.loadFile(path.join(dir, 'hand-minimal.xlsx'));
  reports.push(fromFile.customers());
  assert.equal(fromFile.diagnostics.workbook.sheet, '주문');
  fromFile.dispose();
  for (const r of reports) assert.deepEqual(r, reports[0]);
  // Several sheets: the second by name, case and spaces ignored.
  const two = writeWorkbook({ sheets: [
    { name: 'Summary', rows: [['total', 3]] },
    { name: 'Orders', rows: [['order_id', 'customer_id', 'date', 'amount'], ['1', 'a', { date: '2024-05-01 10:00:00' }, 10]] },
  ] });
  const ds = await ol.load(two, { sheet: ' orders ' });
  assert.equal(ds.diagnostics.workbook.sheet, 'Orders');
  assert.equal(ds.customers()[0].firstOrder, '2024-05-01');
  ds.dispose();
});

test('damaged workbooks and missing sheets: errors name the file and the part; the instance keeps working', async () => {
  const ol = await orderlens();
  const good = bytesOf('hand-minimal.xlsx');
  await assert.rejects(ol.load(good.subarray(0, good.length - 40), { fileName: 'cut.xlsx' }),
    (e) => e.code === 'bad_workbook' && e.message.startsWith('cut.xlsx: the file is not a complete zip (.xlsx) file'));
  // A deflated entry whose bytes are damaged: the platform's inflate refuses them.
  const damaged = good.slice();
  const at = Buffer.from(damaged).indexOf('xl/worksheets/sheet2.xml') + 30;
  for (let i = at; i < at + 40; ++i) damaged[i] ^= 0x5a;
  await assert.rejects(ol.load(damaged, { fileName: 'damaged.xlsx' }), (e) => e.code === 'bad_workbook' && /damaged\.xlsx/.test(e.message));
  await assert.rejects(ol.load(good, { fileName: 'orders.xlsx', sheet: 'Returns' }),
    (e) => e.code === 'bad_option' && e.message === 'orders.xlsx: the workbook has no sheet "Returns"; its sheets are "안내", "주문"');
  const ds = await ol.load(good);
  assert.equal(ds.customers().length, 2);
  ds.dispose();
});

test('a workbook through the Worker equals the main thread', async () => {
  const ol = await orderlens();
  const local = await ol.load(bytesOf('shopify-small.xlsx'), { fileName: 'shopify-small.xlsx' });
  const worker = await createOrderlensWorker();
  try {
    const remote = await worker.load(new File([bytesOf('shopify-small.xlsx')], 'shopify-small.xlsx'));
    assert.deepEqual(await remote.customers(), local.customers());
    assert.deepEqual(remote.diagnostics.workbook, local.diagnostics.workbook);
  } finally {
    await worker.terminate();
  }
  local.dispose();
});

test('CLI: report and segments read .xlsx; --sheet picks the sheet', () => {
  const run = (...args) => execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  const json = JSON.parse(run('report', path.join(dir, 'hand-minimal.xlsx'), '--json'));
  assert.equal(json.diagnostics.workbook.sheet, '주문');
  assert.equal(json.customers.length, 2);
  assert.match(run('kpis', path.join(dir, 'shopify-small.xlsx')), /KPIs by month/);
  assert.throws(() => run('report', path.join(dir, 'hand-minimal.xlsx'), '--sheet', 'Nope'),
    (e) => e.status === 1 && /the workbook has no sheet "Nope"; its sheets are "안내", "주문"/.test(e.stderr));
});
