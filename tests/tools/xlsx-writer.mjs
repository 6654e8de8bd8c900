// Writes small .xlsx workbooks for the tests: the SpreadsheetML parts (ECMA-376) built from rows
// of cells, zipped with Node's zlib (deflate) or stored. Enough of the format to exercise the
// reader: shared strings, inline and rich-text strings, numbers, dates with a date style,
// booleans, empty cells skipped, rows skipped, several sheets, the 1904 date system.
// Test tooling only: the package reads workbooks with the platform's inflate (docs/xlsx.md).
import zlib from 'node:zlib';

const xmlEscape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "A" for column 0, "AA" for 26. */
export function columnName(c) {
  let name = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// Days from 1899-12-30 (the 1900 system from 1 March 1900 on), or from 1904-01-01.
export function excelSerial(isoDateTime, date1904 = false) {
  const ms = Date.parse(`${isoDateTime.replace(' ', 'T')}Z`);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (ms - epoch) / 86400000;
}

/**
 * A cell: a string (shared string), a number, null (empty), or an object:
 * {inline: 'text'}, {rich: ['run1', 'run2']}, {date: 'YYYY-MM-DD HH:MM:SS'}, {bool: true}, {formula: 'A1*2', value: 6}.
 * A row: an array of cells, or {r: rowNumber, cells: [...]} to leave rows out.
 */
function sheetXml(rows, shared, date1904, { dimension = true } = {}) {
  let width = 0;
  let lastRow = 0;
  const out = [];
  rows.forEach((row, i) => {
    const r = row.r ?? i + 1;
    const cells = row.cells ?? row;
    lastRow = r;
    width = Math.max(width, cells.length);
    const parts = [];
    cells.forEach((cell, c) => {
      if (cell === null || cell === undefined) return;
      const ref = `${columnName(c)}${r}`;
      if (typeof cell === 'string') {
        if (!shared.index.has(cell)) {
          shared.index.set(cell, shared.list.length);
          shared.list.push(cell);
        }
        parts.push(`<c r="${ref}" t="s"><v>${shared.index.get(cell)}</v></c>`);
      } else if (typeof cell === 'number') {
        parts.push(`<c r="${ref}"><v>${cell}</v></c>`);
      } else if (cell.inline !== undefined) {
        parts.push(`<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(cell.inline)}</t></is></c>`);
      } else if (cell.rich) {
        const key = JSON.stringify(cell.rich);
        if (!shared.index.has(key)) {
          shared.index.set(key, shared.list.length);
          shared.list.push(cell);
        }
        parts.push(`<c r="${ref}" t="s"><v>${shared.index.get(key)}</v></c>`);
      } else if (cell.date) {
        parts.push(`<c r="${ref}" s="1"><v>${excelSerial(cell.date, date1904)}</v></c>`);
      } else if (cell.bool !== undefined) {
        parts.push(`<c r="${ref}" t="b"><v>${cell.bool ? 1 : 0}</v></c>`);
      } else if (cell.formula) {
        parts.push(`<c r="${ref}"><f>${xmlEscape(cell.formula)}</f><v>${cell.value}</v></c>`);
      }
    });
    out.push(`<row r="${r}">${parts.join('')}</row>`);
  });
  const dim = dimension && width ? `<dimension ref="A1:${columnName(width - 1)}${lastRow}"/>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dim}<sheetData>${out.join('')}</sheetData></worksheet>`;
}

export function sharedStringsXml(shared) {
  const items = shared.list.map((s) => (typeof s === 'string'
    ? `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`
    : `<si>${s.rich.map((run) => `<r><rPr><b/></rPr><t xml:space="preserve">${xmlEscape(run)}</t></r>`).join('')}<rPh sb="0" eb="1"><t>フリガナ</t></rPh></si>`));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
}

export const STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/></numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>';

/** The parts of a workbook: {sheets: [{name, rows, hidden}], date1904} -> [[name, text]]. */
export function workbookParts({ sheets, date1904 = false, dimension = true }) {
  const shared = { list: [], index: new Map() };
  const sheetParts = sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s.rows, shared, date1904, { dimension })]);
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  const rootRels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  return [['[Content_Types].xml', contentTypes], ['_rels/.rels', rootRels], ['xl/workbook.xml', workbook],
    ['xl/_rels/workbook.xml.rels', rels], ...sheetParts, ['xl/sharedStrings.xml', sharedStringsXml(shared)], ['xl/styles.xml', STYLES]];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** CRC-32 of `bytes`, continuing from a previous value (0 to start). */
export function crc32(bytes, previous = 0) {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; ++i) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of [[name, text | Uint8Array]]; `store: true` leaves the entries uncompressed. */
export function zip(entries, { store = false } = {}) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const packed = store ? data : zlib.deflateRawSync(data, { level: 6 });
    const nameBytes = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);  // UTF-8 names
    header.writeUInt16LE(store ? 0 : 8, 8);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(store ? 0 : 8, 10);
    dir.writeUInt32LE(crc32(data), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dirBytes, end]));
}

/** An .xlsx file's bytes. */
export function writeWorkbook(spec, options) {
  return zip(workbookParts(spec), options);
}
