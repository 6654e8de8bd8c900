// CSV for spreadsheets: UTF-8 with a BOM (Excel then shows Korean correctly), CRLF line ends,
// RFC 4180 quoting, and formula-injection safety: a text cell starting with = + - @ TAB or CR
// gets a leading ' so Excel shows it as text instead of running it. Numbers stay numbers (a
// negative amount is not prefixed).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function csvCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** columns: keys, or [{key, header}]; rows: objects. Returns the file's text (BOM included). */
export function toCsv(columns, rows, { bom = true } = {}) {
  const specs = columns.map((c) => (typeof c === 'string' ? { key: c } : c));
  const lines = [specs.map((c) => csvCell(c.header ?? c.key)).join(',')];
  for (const row of rows) lines.push(specs.map((c) => csvCell(row[c.key])).join(','));
  return (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
