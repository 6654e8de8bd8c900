#!/usr/bin/env node
// Writes the .xlsx fixtures of tests/fixtures/xlsx from known rows (tests/tools/xlsx-writer.mjs):
//   hand-minimal.xlsx   a hand-made workbook: a hidden guide sheet, then a 주문 sheet with a
//                       title row and an empty row above the header, typed cells (dates with a
//                       date style, numbers, booleans, inline and rich-text strings), skipped
//                       cells and a skipped row; its expected rows are in tests/native/test_xlsx.cpp
//   hand-1904.xlsx      the same sheet in the 1904 date system, entries stored (not deflated)
//   cafe24-cp949.xlsx   tests/fixtures/hand/cafe24-cp949.csv as an Excel re-save: every cell text
//   shopify-small.xlsx  tests/fixtures/generated/shopify-small.csv with numbers as numbers and
//                       date-times as Excel dates (the CSV's time zone dropped: the shop's day stays)
// `--check` compares instead of writing (the node tests run it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWorkbook } from './xlsx-writer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(root, 'tests/fixtures/xlsx');

// RFC 4180 rows of a decoded CSV text.
export function csvRows(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), ++i;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') ++i;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

const HAND_ROWS = [
  { r: 1, cells: ['주문 내역 (2024년 3월)'] },
  { r: 3, cells: ['order_id', 'customer_id', 'date', 'amount', 'product', 'gift'] },
  { r: 4, cells: [{ inline: 'A-1' }, 'kim', { date: '2024-03-01 09:30:00' }, 12000, '도자기 머그', { bool: false }] },
  { r: 5, cells: ['A-2', 'lee', { date: '2024-03-02 00:00:00' }, 8500.5, { rich: ['찻잔 ', '세트'] }, { bool: true }] },
  // Row 6 is missing from the sheet; row 7 leaves the gift cell empty.
  { r: 7, cells: ['A-3', 'kim', { date: '2024-03-15 18:00:00' }, { formula: 'D4*2', value: 24000 }, 'Teapot "Classic", 1L'] },
];

export function fixtures() {
  const cafe24Csv = new TextDecoder('euc-kr').decode(fs.readFileSync(path.join(root, 'tests/fixtures/hand/cafe24-cp949.csv')));
  const shopifyCsv = fs.readFileSync(path.join(root, 'tests/fixtures/generated/shopify-small.csv'), 'utf8');
  const typed = (cell, k) => {
    if (cell === '') return null;
    if (/^-?\d+(\.\d+)?$/.test(cell) && !/^0\d/.test(cell) && k > 0) return Number(cell);
    const m = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) [+-]\d{4}$/.exec(cell);
    if (m) return { date: m[1] };
    return cell;
  };
  return {
    'hand-minimal.xlsx': writeWorkbook({ sheets: [{ name: '안내', hidden: true, rows: [['이 파일은 테스트용입니다']] }, { name: '주문', rows: HAND_ROWS }] }),
    'hand-1904.xlsx': writeWorkbook({ date1904: true, sheets: [{ name: '주문', rows: HAND_ROWS }] }, { store: true }),
    'cafe24-cp949.xlsx': writeWorkbook({ sheets: [{ name: 'Sheet1', rows: csvRows(cafe24Csv) }] }),
    'shopify-small.xlsx': writeWorkbook({ sheets: [{ name: 'orders_export', rows: csvRows(shopifyCsv).map((row) => row.map(typed)) }] }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(fixtures())) {
    const file = path.join(dir, name);
    if (check) {
      const same = fs.existsSync(file) && Buffer.compare(fs.readFileSync(file), Buffer.from(bytes)) === 0;
      if (!same) ++stale, console.log(`${name}: differs from a fresh build`);
    } else {
      fs.writeFileSync(file, bytes);
      console.log(`${path.relative(root, file)}: ${bytes.length} bytes`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}
