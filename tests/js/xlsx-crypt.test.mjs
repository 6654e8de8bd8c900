// Password-protected workbooks through the WASM package: the core reads the compound file
// (xlsxEncryption), JS derives the keys and decrypts with WebCrypto (bindings/js/xlsx-decrypt.js).
// The fixture, tests/fixtures/xlsx/encrypted.xlsx, was written by xlsx-populate with the
// password below (tests/tools/make-encrypted-fixtures.mjs); its rows are listed there.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { handDir, orderlens, root } from './support.mjs';

const PASSWORD = 'orderlens-테스트1';
const xlsxDir = path.join(root, 'tests/fixtures/xlsx');
const encrypted = fs.readFileSync(path.join(xlsxDir, 'encrypted.xlsx'));
const text = (bytes) => Buffer.from(bytes).toString('latin1');

/** A zip's entries by name, each inflated and its CRC-32 checked (central directory, no zip64). */
function unzip(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 5, 6]));
  assert.ok(eocd >= 0, 'an end of central directory record');
  const entries = new Map();
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'a central directory header');
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const local = buf.readUInt32LE(at + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    const data = method === 8 ? zlib.inflateRawSync(raw) : raw;
    assert.equal(zlib.crc32(data), crc, `CRC-32 of ${name}`);
    entries.set(name, data.toString('utf8'));
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

test('the right password gives the plain workbook: a zip with the rows written', async (t) => {
  const ol = await orderlens();
  const started = performance.now();
  const xlsx = await ol._decryptXlsx(new Uint8Array(encrypted), PASSWORD);
  t.diagnostic(`decrypted in ${Math.round(performance.now() - started)} ms`);
  assert.ok(xlsx instanceof Uint8Array);
  assert.equal(text(xlsx.subarray(0, 4)), 'PK\x03\x04');
  assert.ok(text(xlsx).includes('xl/workbook.xml'));
  // Every entry inflates with the right CRC: every segment of the package decrypted correctly.
  const entries = unzip(xlsx);
  assert.ok(entries.has('xl/workbook.xml'));
  const strings = entries.get('xl/sharedStrings.xml') ?? entries.get('xl/worksheets/sheet1.xml');
  for (const value of ['order_id', 'customer_id', '김민준', '도자기 머그', '핸드드립 세트', 'Anna Schmidt']) {
    assert.ok(strings.includes(value), `${value} is in the workbook`);
  }
});

test('bytes come as Uint8Array, Buffer, ArrayBuffer or DataView', async () => {
  const ol = await orderlens();
  const reference = await ol._decryptXlsx(encrypted, PASSWORD);
  const arrayBuffer = encrypted.buffer.slice(encrypted.byteOffset, encrypted.byteOffset + encrypted.length);
  for (const input of [arrayBuffer, new DataView(arrayBuffer)]) {
    assert.deepEqual(await ol._decryptXlsx(input, PASSWORD), reference);
  }
  await assert.rejects(ol._decryptXlsx('not bytes', PASSWORD), { name: 'OrderlensError', code: 'bad_option' });
  await assert.rejects(ol._decryptXlsx(encrypted, 42), { name: 'OrderlensError', code: 'bad_option' });
  // No password (or an empty one): the caller is told one is needed.
  for (const none of [undefined, '']) await assert.rejects(ol._decryptXlsx(encrypted, none), { name: 'OrderlensError', code: 'password_required' });
});

test('a wrong password is wrong_password, and the instance keeps working', async () => {
  const ol = await orderlens();
  for (const wrong of ['orderlens-테스트2', 'orderlens-', PASSWORD.toUpperCase()]) {
    await assert.rejects(ol._decryptXlsx(encrypted, wrong), (e) => {
      assert.equal(e.name, 'OrderlensError');
      assert.equal(e.code, 'wrong_password');
      assert.equal(e.message, 'the password is wrong');
      return true;
    });
  }
  const xlsx = await ol._decryptXlsx(encrypted, PASSWORD);
  assert.equal(text(xlsx.subarray(0, 2)), 'PK');
  const ds = await ol.load(fs.readFileSync(path.join(handDir, 'shopify-minimal.csv')));
  assert.ok(ds.diagnostics.rows.used > 0);
  ds.dispose();
});

test('a legacy .xls, a damaged file and a non-compound file are not_text with what is wrong', async () => {
  const ol = await orderlens();
  const cases = [
    [fs.readFileSync(path.join(xlsxDir, 'legacy.xls')),
      'the file is an Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx or CSV'],
    [encrypted.subarray(0, 300), 'the file is damaged or incomplete: a header cut short in the compound file'],
    [encrypted.subarray(0, 5000), 'the file is damaged or incomplete'],
    [Buffer.from('order_id,amount\n1,2\n'), 'the file is not a compound file'],
    [new Uint8Array(0), 'the file is not a compound file'],
  ];
  for (const [bytes, message] of cases) {
    await assert.rejects(ol._decryptXlsx(bytes, PASSWORD), (e) => {
      assert.equal(e.name, 'OrderlensError');
      assert.equal(e.code, 'not_text');
      assert.ok(e.message.startsWith(message), e.message);
      return true;
    });
  }
  assert.equal(text((await ol._decryptXlsx(encrypted, PASSWORD)).subarray(0, 2)), 'PK');
});

test('load() reads a protected workbook with options.password, and says what is missing otherwise', async () => {
  const ol = await orderlens();
  // The rows of tests/tools/make-encrypted-fixtures.mjs: 김민준 15,000 twice; lee.seoyeon 32,000 + 47,000;
  // park.jiho 8,900; Anna Schmidt 12,500.
  const ds = await ol.load(encrypted, { fileName: 'encrypted.xlsx', password: PASSWORD });
  const byId = Object.fromEntries(ds.customers().map((c) => [c.id, c]));
  assert.equal(ds.diagnostics.workbook.sheet, 'orders');
  assert.equal(byId['김민준'].orders, 2);
  assert.equal(byId['김민준'].netRevenue, 30000);
  assert.equal(byId['김민준'].firstOrder, '2025-01-05');
  assert.equal(byId['lee.seoyeon@example.com'].netRevenue, 79000);
  assert.equal(Object.keys(byId).length, 4);
  ds.dispose();
  await assert.rejects(ol.load(encrypted, { fileName: 'encrypted.xlsx' }),
    (e) => e.code === 'password_required' && e.message === 'encrypted.xlsx: this workbook is protected with a password; pass it as options.password to open it');
  await assert.rejects(ol.load(new Blob([encrypted]), { fileName: 'encrypted.xlsx', password: 'nope' }),
    (e) => e.code === 'wrong_password' && e.message === 'encrypted.xlsx: the password is wrong');
  await assert.rejects(ol.load(fs.readFileSync(path.join(xlsxDir, 'legacy.xls')), { fileName: 'legacy.xls' }),
    (e) => e.code === 'not_text' && e.message === 'legacy.xls: the file is an Excel 97-2003 workbook (.xls); open it in Excel and save it as .xlsx or CSV');
});

test('CLI: the password from ORDERLENS_PASSWORD or asked on a terminal, never an argument', async () => {
  const cli = path.join(root, 'dist/cli.js');
  const file = path.join(xlsxDir, 'encrypted.xlsx');
  const env = { ...process.env, ORDERLENS_PASSWORD: PASSWORD };
  const json = JSON.parse(execFileSync(process.execPath, [cli, 'report', file, '--json'], { encoding: 'utf8', env }));
  assert.equal(json.customers.length, 4);
  const noEnv = { ...process.env };
  delete noEnv.ORDERLENS_PASSWORD;
  assert.throws(() => execFileSync(process.execPath, [cli, 'report', file], { encoding: 'utf8', env: noEnv, stdio: ['ignore', 'pipe', 'pipe'] }),
    (e) => e.status === 1 && /protected with a password.*set ORDERLENS_PASSWORD, or run orderlens in a terminal/.test(e.stderr));
  assert.throws(() => execFileSync(process.execPath, [cli, 'report', file, '--password', PASSWORD], { encoding: 'utf8', env: noEnv, stdio: 'pipe' }),
    (e) => e.status === 2 && /unknown option --password/.test(e.stderr));
  // On a terminal (script(1) gives the CLI one) the password is asked for, without echo: typed
  // once the prompt shows, as a person would.
  const out = await new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', `${process.execPath} ${cli} report ${file} --top 1`, '/dev/null'], { env: noEnv });
    let text = '';
    let typed = false;
    child.on('error', (error) => (error.code === 'ENOENT' ? resolve(null) : reject(error)));  // no script(1) here
    child.stdout.on('data', (d) => {
      text += d;
      if (!typed && text.includes('Password for encrypted.xlsx: ')) {
        typed = true;
        child.stdin.write(`${PASSWORD}\r`);
      }
    });
    child.on('close', () => resolve(text));
  });
  if (out === null) return;
  assert.match(out, /Customers: 4 with a purchase/);
  assert.ok(!out.includes(PASSWORD), 'the password is not echoed');
});
