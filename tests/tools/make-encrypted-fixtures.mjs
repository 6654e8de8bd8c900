#!/usr/bin/env node
// Writes the fixtures of the password-protected workbook reader to tests/fixtures/xlsx/:
//
//   encrypted.xlsx  a small orders workbook saved by xlsx-populate with agile encryption (AES-256,
//                   SHA-512, 100,000 rounds — what Excel writes), password ENCRYPTED_PASSWORD
//   legacy.xls      a compound file with a "Workbook" stream and no encryption: what an
//                   Excel 97-2003 file looks like to the reader (its content is only a BIFF
//                   BOF record; orderlens must recognise the container, not read it)
//
//   node tests/tools/make-encrypted-fixtures.mjs
//
// The encryption salts and keys are random and the zip holds timestamps, so every run writes
// different bytes: the files are committed, and the tests read only them (xlsx-populate is not
// needed at test time). The rows below are what the decrypted workbook holds.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const XLSX_FIXTURE_DIR = path.join(root, 'tests/fixtures/xlsx');
// Non-ASCII on purpose: the key is derived from the password as UTF-16LE.
export const ENCRYPTED_PASSWORD = 'orderlens-테스트1';

const excelSerial = (isoDate) => (Date.parse(`${isoDate}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000;

/** The sheet "orders": a header and six rows; dates are Excel date serials shown as yyyy-mm-dd. */
export const ENCRYPTED_ROWS = [
  ['order_id', 'customer_id', 'date', 'amount', 'product'],
  ['1001', '김민준', '2025-01-05', 15000, '도자기 머그'],
  ['1002', 'lee.seoyeon@example.com', '2025-01-09', 32000, '린넨 앞치마'],
  ['1003', '김민준', '2025-02-14', 15000, '도자기 머그'],
  ['1004', 'park.jiho@example.com', '2025-02-20', 8900, '원목 코스터'],
  ['1005', 'lee.seoyeon@example.com', '2025-03-02', 47000, '핸드드립 세트'],
  ['1006', 'Anna Schmidt', '2025-03-15', 12500, 'Ceramic mug'],
];

async function writeEncryptedWorkbook(file) {
  const { default: XlsxPopulate } = await import('xlsx-populate');
  const workbook = await XlsxPopulate.fromBlankAsync();
  const sheet = workbook.sheet(0).name('orders');
  ENCRYPTED_ROWS.forEach((row, r) => {
    row.forEach((value, c) => {
      const cell = sheet.cell(r + 1, c + 1);
      if (r > 0 && c === 2) cell.value(excelSerial(value)).style('numberFormat', 'yyyy-mm-dd');
      else cell.value(value);
    });
  });
  fs.writeFileSync(file, await workbook.outputAsync({ password: ENCRYPTED_PASSWORD }));
}

/**
 * A minimal version 3 compound file (512-byte sectors) holding one stream "Workbook" of 4096
 * bytes, at the mini stream cutoff so it lives in regular sectors: sector 0 the FAT, sector 1
 * the directory, sectors 2–9 the stream (MS-CFB 2.2–2.6).
 */
export function legacyXlsBytes() {
  const SECTOR = 512, FREE = 0xffffffff, END = 0xfffffffe, FATSECT = 0xfffffffd;
  const out = Buffer.alloc(SECTOR * 11);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(out, 0);
  out.writeUInt16LE(0x003e, 24);        // minor version
  out.writeUInt16LE(3, 26);             // major version 3: 512-byte sectors
  out.writeUInt16LE(0xfffe, 28);        // byte order mark
  out.writeUInt16LE(9, 30);             // sector shift
  out.writeUInt16LE(6, 32);             // mini sector shift
  out.writeUInt32LE(1, 44);             // FAT sectors
  out.writeUInt32LE(1, 48);             // first directory sector
  out.writeUInt32LE(4096, 56);          // mini stream cutoff
  out.writeUInt32LE(END, 60);           // no mini FAT
  out.writeUInt32LE(END, 68);           // no DIFAT sectors
  for (let i = 0; i < 109; i++) out.writeUInt32LE(i === 0 ? 0 : FREE, 76 + 4 * i);
  const fat = SECTOR;
  const chain = [FATSECT, END, 3, 4, 5, 6, 7, 8, 9, END];
  for (let i = 0; i < SECTOR / 4; i++) out.writeUInt32LE(i < chain.length ? chain[i] : FREE, fat + 4 * i);
  const entry = (index, name, type, child, start, size) => {
    const at = 2 * SECTOR + 128 * index;
    out.write(name, at, 'utf16le');
    out.writeUInt16LE(name ? 2 * (name.length + 1) : 0, at + 64);
    out[at + 66] = type;
    out[at + 67] = 1;                   // black
    out.writeUInt32LE(FREE, at + 68);   // no left sibling
    out.writeUInt32LE(FREE, at + 72);   // no right sibling
    out.writeUInt32LE(child, at + 76);
    out.writeUInt32LE(start, at + 116);
    out.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, 1, END, 0);
  entry(1, 'Workbook', 2, FREE, 2, 4096);
  entry(2, '', 0, FREE, 0, 0);
  entry(3, '', 0, FREE, 0, 0);
  // BIFF8 BOF record of a workbook globals substream.
  Buffer.from('0908100000060500aa1fcd07c10001000600000000', 'hex').copy(out, 3 * SECTOR);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  fs.mkdirSync(XLSX_FIXTURE_DIR, { recursive: true });
  await writeEncryptedWorkbook(path.join(XLSX_FIXTURE_DIR, 'encrypted.xlsx'));
  fs.writeFileSync(path.join(XLSX_FIXTURE_DIR, 'legacy.xls'), legacyXlsBytes());
  console.log(`wrote ${path.relative(root, XLSX_FIXTURE_DIR)}/encrypted.xlsx (password ${ENCRYPTED_PASSWORD}) and legacy.xls`);
}
