#!/usr/bin/env node
// Makes the "wide" variant of a generated Shopify export for the memory-scaling part of
// `npm run bench`: the same rows, orders and customers, but every order's first row carries a long
// multi-line note (Notes column, quoted, with commas, doubled quotes and Korean text), so the
// file is about 2.5x as large. orderlens does not keep Notes, so its result tables must be the
// same as for the original file; only the bytes read grow.
//
//   node bench/make-wide.mjs <in.csv> <out.csv>
//
// A streaming, deterministic pass (the note of the k-th order depends on k only): the output is
// the same bytes every time for the same input. The generator (tests/tools/shopify-generator.mjs)
// has no option for long notes, hence this transform.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const NOTES_COLUMN = 'Notes';
const STATUS_COLUMN = 'Financial Status'; // non-empty on an order's first row only

const PARAGRAPHS = [
  'Delivery instructions: please leave the parcel with the concierge, not at the door; if nobody answers, call the number on the order.',
  '부재 시 경비실에 맡겨 주시고, 도착 전에 문자 부탁드립니다. 공동현관 비밀번호는 #1234* 입니다. 감사합니다!',
  'Gift message: "Happy anniversary, love!" — please remove the price tag, add a hand-written card and wrap it in the blue paper.',
  'CS log 2025-03-14 10:22: customer asked to change the size (M -> L); exchanged, shipping refunded, ticket #88213 closed.',
  'Bitte beim Nachbarn abgeben (Müller, 2. OG), danke! Merci beaucoup, livraison après 18h svp. ¡Gracias por todo!',
  '선물용이에요. 가격표는 빼 주시고, 쇼핑백 하나 더 넣어 주세요. 포장은 "크라프트지"로 부탁드려요 :)',
  'Fragile: glass inside, "this side up". Two boxes, please ship together, not separately; do not bend.',
  'Wholesale order for the Seongsu pop-up store, invoice to accounting@example.com, PO 2025-0917, net 30, thanks.',
  '문 앞에 두고 벨 누르지 말아 주세요, 아기가 자고 있어요.\n배송 전 연락 주시면 더 좋습니다.',
  'Subscription note: skip the October box, resume in November; same address, same card ending 4242, no changes.',
  'Customer wrote: "The last mug arrived chipped, please double-wrap this one", photo attached in ticket #90017.',
  'Pickup at the Hannam store on Saturday afternoon, between 14:00 and 16:00; name on the order, ID will be shown.',
];

function hash32(a, b) {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The Notes field (quoted CSV) of the k-th order: 4 to 15 paragraphs on separate lines. */
function noteField(k) {
  const count = 4 + (hash32(k, 0) % 12);
  const parts = [];
  for (let j = 1; j <= count; ++j) parts.push(PARAGRAPHS[hash32(k, j) % PARAGRAPHS.length]);
  return Buffer.from('"' + parts.join('\n').replace(/"/g, '""') + '"');
}

const QUOTE = 0x22, COMMA = 0x2c, LF = 0x0a;

/** Writes the wide variant of `input` to `output` (via a temporary file); returns {rows, orders, bytes}. */
export function makeWide(input, output) {
  const tmp = `${output}.tmp-${process.pid}`;
  const inFd = fs.openSync(input, 'r');
  const outFd = fs.openSync(tmp, 'w');
  let notesIndex = -1, statusIndex = -1;
  let rows = -1; // the header is record 0
  let orders = 0;
  let written = 0;
  let carry = Buffer.alloc(0);
  const CHUNK = 8 << 20;
  const chunk = Buffer.allocUnsafe(CHUNK);
  try {
    for (;;) {
      const n = fs.readSync(inFd, chunk, 0, CHUNK, null);
      const buf = n ? Buffer.concat([carry, chunk.subarray(0, n)]) : carry;
      const atEof = n === 0;
      const out = [];
      let recordStart = 0;
      let i = 0;
      let field = 0, fieldStart = 0, inQuotes = false;
      let statusEmpty = true, notesStart = -1, notesEnd = -1;
      const endRecord = (end) => {
        // end: index of the LF (or buf.length at the end of the file)
        if (rows === -1) {
          const names = buf.toString('utf8', recordStart, end).replace(/\r$/, '').split(',');
          notesIndex = names.indexOf(NOTES_COLUMN);
          statusIndex = names.indexOf(STATUS_COLUMN);
          if (notesIndex < 0 || statusIndex < 0) throw new Error(`${input}: no "${NOTES_COLUMN}" or "${STATUS_COLUMN}" column`);
          out.push(buf.subarray(recordStart, Math.min(end + 1, buf.length)));
        } else if (!statusEmpty && notesStart >= 0) {
          out.push(buf.subarray(recordStart, notesStart), noteField(orders++), buf.subarray(notesEnd, Math.min(end + 1, buf.length)));
        } else {
          out.push(buf.subarray(recordStart, Math.min(end + 1, buf.length)));
        }
        ++rows;
      };
      for (; i < buf.length; ++i) {
        const c = buf[i];
        if (inQuotes) {
          if (c === QUOTE) inQuotes = false; // a doubled quote re-opens at the next byte
          continue;
        }
        if (c === QUOTE) inQuotes = true;
        else if (c === COMMA || c === LF) {
          if (field === statusIndex) statusEmpty = i === fieldStart;
          else if (field === notesIndex) (notesStart = fieldStart), (notesEnd = i);
          if (c === COMMA) {
            ++field;
            fieldStart = i + 1;
          } else {
            endRecord(i);
            recordStart = fieldStart = i + 1;
            field = 0;
            statusEmpty = true;
            notesStart = notesEnd = -1;
          }
        }
      }
      if (atEof && recordStart < buf.length) {  // a last record without a line end
        if (field === statusIndex) statusEmpty = buf.length === fieldStart;
        else if (field === notesIndex) (notesStart = fieldStart), (notesEnd = buf.length);
        endRecord(buf.length);
      }
      for (const b of out) written += fs.writeSync(outFd, b);
      if (atEof) break;
      carry = Buffer.from(buf.subarray(recordStart)); // the unfinished record, rescanned with the next chunk
    }
  } catch (error) {
    fs.closeSync(outFd);
    fs.rmSync(tmp, { force: true });
    throw error;
  } finally {
    fs.closeSync(inFd);
  }
  fs.closeSync(outFd);
  fs.renameSync(tmp, output);
  return { rows, orders, bytes: written };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: make-wide.mjs <in.csv> <out.csv>');
    process.exit(2);
  }
  const started = performance.now();
  const result = makeWide(input, output);
  console.log(JSON.stringify({ file: output, ...result, seconds: +((performance.now() - started) / 1000).toFixed(2) }));
}
