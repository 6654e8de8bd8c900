#!/usr/bin/env node
// Converts a CSV orders export into the .xlsx Excel would save from it, streaming, for the
// workbook benchmark (bench/xlsx.mjs): every text cell a shared string (as Excel writes them),
// numbers as numbers, "YYYY-MM-DD HH:MM:SS +0900" date-times as Excel dates with a date style.
// Parts are deflated with Node's zlib as they are written; the sheet never sits in memory.
//
//   node bench/make-xlsx.mjs <in.csv> <out.xlsx>
import fs from 'node:fs';
import zlib from 'node:zlib';
import Papa from 'papaparse';
import { columnName, crc32, excelSerial, sharedStringsXml, STYLES, workbookParts } from '../tests/tools/xlsx-writer.mjs';

const xmlEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// A zip written entry by entry: each entry's data deflated through a stream, its CRC and sizes
// kept for the central directory (and a data descriptor after the data: general flag bit 3).
class ZipWriter {
  constructor(file) {
    this.fd = fs.openSync(file, 'w');
    this.offset = 0;
    this.entries = [];
  }
  write(buffer) {
    fs.writeSync(this.fd, buffer);
    this.offset += buffer.length;
  }
  async entry(name, chunks) {
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0808, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(nameBytes.length, 26);
    const headerOffset = this.offset;
    this.write(header);
    this.write(nameBytes);
    const deflate = zlib.createDeflateRaw({ level: 6 });
    let crc = 0, size = 0, compressed = 0;
    deflate.on('data', (d) => {
      compressed += d.length;
      this.write(d);
    });
    const ended = new Promise((resolve) => deflate.on('end', resolve));
    for await (const text of chunks) {
      const bytes = Buffer.from(text, 'utf8');
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
    }
    deflate.end();
    await ended;
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    this.write(descriptor);
    this.entries.push({ nameBytes, crc, size, compressed, headerOffset });
  }
  close() {
    const start = this.offset;
    for (const e of this.entries) {
      const dir = Buffer.alloc(46);
      dir.writeUInt32LE(0x02014b50, 0);
      dir.writeUInt16LE(20, 4);
      dir.writeUInt16LE(20, 6);
      dir.writeUInt16LE(0x0808, 8);
      dir.writeUInt16LE(8, 10);
      dir.writeUInt32LE(e.crc, 16);
      dir.writeUInt32LE(e.compressed, 20);
      dir.writeUInt32LE(e.size, 24);
      dir.writeUInt16LE(e.nameBytes.length, 28);
      dir.writeUInt32LE(e.headerOffset, 42);
      this.write(dir);
      this.write(e.nameBytes);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    fs.closeSync(this.fd);
  }
}

// The sheet's XML, in pieces of about 1 MB, and the shared strings met on the way.
async function* sheetXml(csvPath, shared) {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  let piece = '';
  let r = 0;
  const rows = [];
  let resume;
  let finished = false;
  const parser = Papa.parse(fs.createReadStream(csvPath), {
    step: (result, p) => {
      rows.push(result.data);
      if (rows.length >= 2000) {
        p.pause();
        resume = () => p.resume();
      }
    },
    complete: () => {
      finished = true;
      resume?.();
    },
  });
  void parser;
  for (;;) {
    while (rows.length === 0 && !finished) await new Promise((resolve) => setTimeout(resolve, 0));
    if (rows.length === 0 && finished) break;
    for (const row of rows.splice(0)) {
      ++r;
      piece += `<row r="${r}">`;
      row.forEach((cell, c) => {
        if (cell === '') return;
        const ref = `${columnName(c)}${r}`;
        const date = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) [+-]\d{4}$/.exec(cell);
        if (r > 1 && /^-?\d+(\.\d+)?$/.test(cell) && !/^0\d/.test(cell)) piece += `<c r="${ref}"><v>${cell}</v></c>`;
        else if (r > 1 && date) piece += `<c r="${ref}" s="1"><v>${excelSerial(date[1])}</v></c>`;
        else {
          let i = shared.index.get(cell);
          if (i === undefined) {
            i = shared.list.length;
            shared.index.set(cell, i);
            shared.list.push(cell);
          }
          piece += `<c r="${ref}" t="s"><v>${i}</v></c>`;
        }
      });
      piece += '</row>';
      if (piece.length > (1 << 20)) {
        yield piece;
        piece = '';
      }
    }
    const go = resume;
    resume = undefined;
    go?.();
  }
  yield `${piece}</sheetData></worksheet>`;
}

export async function csvToXlsx(csvPath, xlsxPath) {
  const shared = { list: [], index: new Map() };
  const zip = new ZipWriter(xlsxPath);
  const small = new Map(workbookParts({ sheets: [{ name: 'orders_export', rows: [] }] }));
  for (const name of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']) await zip.entry(name, [small.get(name)]);
  await zip.entry('xl/worksheets/sheet1.xml', sheetXml(csvPath, shared));
  await zip.entry('xl/sharedStrings.xml', (async function* strings() {
    const text = sharedStringsXml({ list: [], index: new Map() });
    const [head] = text.split('</sst>');
    yield head.replace(/count="0" uniqueCount="0"/, `count="${shared.list.length}" uniqueCount="${shared.list.length}"`);
    for (let i = 0; i < shared.list.length; i += 10000) {
      yield shared.list.slice(i, i + 10000).map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join('');
    }
    yield '</sst>';
  })());
  await zip.entry('xl/styles.xml', [STYLES]);
  zip.close();
  return { sharedStrings: shared.list.length };
}

if (process.argv[1] && process.argv[1].endsWith('make-xlsx.mjs')) {
  const [csvPath, xlsxPath] = process.argv.slice(2);
  const t = Date.now();
  const r = await csvToXlsx(csvPath, xlsxPath);
  console.error(`[bench] wrote ${xlsxPath} (${(fs.statSync(xlsxPath).size / 1e6).toFixed(1)} MB, ${r.sharedStrings} shared strings) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
